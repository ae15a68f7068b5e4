import GoTemplate

/// Reading values and chart files as Helm does: sigs.k8s.io/yaml for one document, and Helm's
/// `LoadValues` for values files (several `---` documents merged in order).
enum ValuesYAML {
    /// A values file's documents must be maps.
    struct NotAMap: Error, CustomStringConvertible {
        var kind: String
        var description: String {
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(kind) into Go value of type "
                + "map[string]interface {}"
        }
    }

    /// Decodes the first YAML document of `text` with Helm's YAML semantics.
    static func decodeDocument(_ text: String) throws -> Value {
        try GoYAML.decode(text)
    }

    /// Helm's `loader.LoadValues`: splits on `---` lines, decodes each document into a map and
    /// merges them with ``Values/mergeMaps(_:_:)``.
    static func parseValues(_ text: String) throws -> [String: Value] {
        var result: [String: Value] = [:]
        for document in try splitDocuments(text) {
            let decoded: Value
            do {
                decoded = try GoYAML.decode(document)
            } catch {
                throw Wrapped(description: "cannot unmarshal yaml document: \(error)")
            }
            switch decoded {
            case .null:
                continue
            case .map(let map, _):
                result = Values.mergeMaps(result, map)
            case .list:
                throw Wrapped(description: "cannot unmarshal yaml document: \(NotAMap(kind: "array"))")
            case .string:
                throw Wrapped(description: "cannot unmarshal yaml document: \(NotAMap(kind: "string"))")
            case .bool:
                throw Wrapped(description: "cannot unmarshal yaml document: \(NotAMap(kind: "bool"))")
            default:
                throw Wrapped(description: "cannot unmarshal yaml document: \(NotAMap(kind: "number"))")
            }
        }
        return result
    }

    struct Wrapped: Error, CustomStringConvertible {
        var description: String
    }

    /// Splits like Kubernetes' `YAMLReader`: a line starting `---` ends a document; only white
    /// space or a comment may follow the marker; empty documents are dropped.
    static func splitDocuments(_ text: String) throws -> [String] {
        var documents: [String] = []
        var current = ""
        var text = text
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("---") {
                let rest = String(line.dropFirst(3)).trimmingGoSpace()
                if !rest.isEmpty, !rest.hasPrefix("#") {
                    throw Wrapped(description: "error reading yaml document: invalid Yaml document separator: \(rest)")
                }
                if !current.isEmpty { documents.append(current) }
                current = ""
                continue
            }
            current += line + "\n"
        }
        if !current.trimmingGoSpace().isEmpty || !current.isEmpty { documents.append(current) }
        return documents.filter { !$0.isEmpty }
    }
}
