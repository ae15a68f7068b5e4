import KubeAPI
import Yams

/// Reads manifest files into objects: multi-document YAML, JSON, and `List` kinds expanded into their items.
///
/// Documents are split at `---` lines before parsing, so one broken document is reported with its number and the
/// file's other documents are still read. YAML becomes JSON the way `sigs.k8s.io/yaml` (kubectl) converts it:
/// integers stay integers, `yes`/`no`-style booleans of YAML 1.1 are booleans, merge keys (`<<`) are merged and
/// aliases are expanded (with a node budget, so an alias bomb is an error, not a hang).
public enum ManifestParser {
    /// The largest manifest file read. Default: 8 MiB, far above any real manifest, so a stray binary or a huge
    /// generated file is reported instead of filling memory.
    public static let maximumFileBytes = 8 * 1024 * 1024

    /// Most YAML nodes one document may expand to (aliases included).
    static let maximumNodes = 1_000_000

    /// Deepest nesting accepted.
    static let maximumDepth = 512

    /// The objects and errors of one file.
    ///
    /// - Parameter file: the file; its extension chooses JSON (`.json`) or YAML.
    /// - Returns: the objects in document order (List items in item order) and one error per document that did not
    ///   parse or is not a Kubernetes object. Empty documents (only comments or whitespace) are skipped silently.
    public static func parse(_ file: SourceFile) -> (manifests: [Manifest], errors: [AgentError]) {
        guard file.contents.count <= maximumFileBytes else {
            let origin = ManifestOrigin(file: file.path, document: 1, line: 1)
            return (
                [], [.parse(origin, "the file is \(file.contents.count) bytes, over the \(maximumFileBytes) limit")]
            )
        }
        guard let text = String(validating: file.contents, as: UTF8.self) else {
            return ([], [.parse(ManifestOrigin(file: file.path, document: 1, line: 1), "the file is not UTF-8 text")])
        }
        var manifests: [Manifest] = []
        var errors: [AgentError] = []
        for document in splitDocuments(text) {
            let origin = ManifestOrigin(file: file.path, document: document.number, line: document.line)
            do throws(AgentError) {
                guard let json = try parseDocument(document.text, json: file.path.lowercased().hasSuffix(".json"))
                else { continue }
                try objects(in: json, origin: origin, into: &manifests)
            } catch {
                var located = error
                located.origin = origin
                errors.append(located)
            }
        }
        return (manifests, errors)
    }

    // MARK: Documents

    /// One document's text, its 1-based number and the line it starts on.
    struct Document {
        var text: String
        var number: Int
        var line: Int
    }

    /// Splits YAML text at document markers (`---` at the start of a line, alone or followed by a space or
    /// comment). A marker on the first content line starts document 1 rather than ending an empty document 0.
    static func splitDocuments(_ text: String) -> [Document] {
        var documents: [Document] = []
        var current: [Substring] = []
        var startLine = 1
        var lineNumber = 0
        var sawContent = false
        func finish(nextStart: Int) {
            if !documents.isEmpty || sawContent {
                documents.append(
                    Document(text: current.joined(separator: "\n"), number: documents.count + 1, line: startLine))
            }
            current = []
            sawContent = false
            startLine = nextStart
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed == "---" || trimmed.hasPrefix("--- ") || trimmed.hasPrefix("---\t") {
                finish(nextStart: lineNumber)
                // Content after the marker on the same line ("--- !tag" or "--- value") belongs to the document.
                let rest = trimmed.dropFirst(3)
                current.append(rest)
                if isContent(rest) { sawContent = true }
                continue
            }
            if trimmed == "..." { continue }
            current.append(line)
            if isContent(trimmed) { sawContent = true }
        }
        if sawContent { finish(nextStart: lineNumber + 1) }
        return documents
    }

    /// Whether a line holds anything but whitespace and comments.
    private static func isContent(_ line: Substring) -> Bool {
        let stripped = line.drop { $0 == " " || $0 == "\t" }
        return !stripped.isEmpty && stripped.first != "#"
    }

    /// Parses one document; `nil` when it holds nothing (only comments, or `null`).
    static func parseDocument(_ text: String, json: Bool) throws(AgentError) -> JSONValue? {
        if json {
            do {
                let value = try JSONValue(parsing: text)
                return value.isNull ? nil : value
            } catch {
                throw AgentError(code: .parse, message: "not valid JSON: \(error.message)", cause: error)
            }
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw AgentError(code: .parse, message: "not valid YAML: \(error)", cause: error)
        }
        guard let node else { return nil }
        var budget = maximumNodes
        let value = try convert(node, budget: &budget, depth: 0)
        return value.isNull ? nil : value
    }
}
