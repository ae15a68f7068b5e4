import GoTemplate
import HelmEngine
import KubeAPI

/// Splitting a release manifest into documents and decoding each into Kubernetes objects.
enum ManifestDocuments {
    /// One YAML document and the template it came from.
    struct Document: Sendable, Hashable {
        /// `CHART/templates/FILE` from the document's `# Source:` line, or empty.
        var sourcePath: String
        /// The document text.
        var text: String
    }

    /// How deep `List` objects may nest inside each other.
    static let maxListDepth = 8

    /// Splits a manifest stream as Kubernetes' YAML reader does: a line starting with `---` followed by nothing
    /// but white space or a comment separates documents. Each document's source is its first `# Source:` line.
    static func split(_ manifest: String) -> [Document] {
        var documents: [Document] = []
        var current: [Substring] = []
        func flush() {
            guard !current.isEmpty else { return }
            documents.append(Document(sourcePath: sourcePath(of: current), text: current.joined(separator: "\n")))
            current.removeAll(keepingCapacity: true)
        }
        for line in manifest.split(separator: "\n", omittingEmptySubsequences: false) {
            if isSeparator(line) {
                flush()
            } else {
                current.append(line)
            }
        }
        flush()
        return documents
    }

    /// Whether a line ends a document: `---`, then only white space or a `#` comment.
    private static func isSeparator(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") else { return false }
        let rest = line.dropFirst(3).drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        return rest.isEmpty || rest.first == "#"
    }

    private static func sourcePath(of lines: [Substring]) -> String {
        for line in lines where line.hasPrefix("# Source: ") {
            return String(line.dropFirst("# Source: ".count)).trimmingSuffix { $0 == "\r" || $0 == " " }
        }
        return ""
    }

    /// The objects of one document: none when it is empty, its items when it is a list, else itself.
    ///
    /// - Throws: ``ReleaseError`` (``ReleaseError/Code/invalidManifest``) naming the source for bad YAML, a
    ///   document that is not a map, or one without `apiVersion` or `kind`.
    static func objects(in document: Document) throws -> [KubeObject] {
        let value: Value
        do {
            value = try GoYAML.decode(document.text, file: document.sourcePath)
        } catch {
            throw ReleaseError.badDocument(source: document.sourcePath, "\(error)", cause: error)
        }
        let json: JSONValue
        switch value {
        case .null:
            return []
        case .map:
            json = try JSONConversion.json(from: value, source: document.sourcePath)
        default:
            throw ReleaseError.badDocument(
                source: document.sourcePath,
                "a Kubernetes object must be a YAML map, got \(JSONConversion.typeName(of: value))")
        }
        var objects: [KubeObject] = []
        try expand(json, source: document.sourcePath, depth: 0, into: &objects)
        return objects
    }

    /// Appends `json` or, for a list, its items (recursively), checking `apiVersion` and `kind`.
    private static func expand(
        _ json: JSONValue, source: String, depth: Int, into objects: inout [KubeObject]
    ) throws {
        let kind = json["kind"]?.stringValue ?? ""
        let apiVersion = json["apiVersion"]?.stringValue ?? ""
        if kind.hasSuffix("List"), let items = json["items"], !items.isNull {
            guard depth < maxListDepth else {
                throw ReleaseError.badDocument(source: source, "lists nest deeper than \(maxListDepth) levels")
            }
            guard case .array(let elements) = items else {
                throw ReleaseError.badDocument(source: source, "\(kind): items is not a list")
            }
            // Items without a type take the list's, as Kubernetes' unstructured list decoding does.
            let itemKind = String(kind.dropLast(4))
            for element in elements {
                guard case .object = element else {
                    throw ReleaseError.badDocument(source: source, "\(kind): an item is not an object")
                }
                var item = element
                if (item["kind"]?.stringValue ?? "").isEmpty && (item["apiVersion"]?.stringValue ?? "").isEmpty {
                    item["kind"] = .string(itemKind)
                    item["apiVersion"] = .string(apiVersion)
                }
                try expand(item, source: source, depth: depth + 1, into: &objects)
            }
            return
        }
        if kind.isEmpty {
            throw ReleaseError.badDocument(source: source, "Object 'Kind' is missing in '\(json)'")
        }
        if apiVersion.isEmpty {
            throw ReleaseError.badDocument(source: source, "Object 'apiVersion' is missing in '\(json)'")
        }
        objects.append(KubeObject(json))
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return String(self[..<end])
    }
}
