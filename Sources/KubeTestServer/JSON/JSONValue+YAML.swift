import Yams

/// YAML input (server-side apply bodies), converted to JSON like sigs.k8s.io/yaml does.
extension JSONValue {
    /// Why a YAML document was rejected.
    struct YAMLError: Error, Sendable {
        /// The parser's message or the limit that was hit.
        var message: String
    }

    /// Most nodes one document may expand to; stops alias bombs.
    static let maximumYAMLNodes = 1_000_000

    /// Parses one YAML document (JSON is YAML, so JSON works too).
    static func parseYAML(_ text: String) throws(YAMLError) -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw YAMLError(message: "error converting YAML to JSON: \(error)")
        }
        guard let node else { return .null }
        var budget = maximumYAMLNodes
        return try convert(node, budget: &budget, depth: 0)
    }

    private static func convert(_ node: Node, budget: inout Int, depth: Int) throws(YAMLError) -> JSONValue {
        budget -= 1
        guard budget > 0, depth < JSONParser.maximumDepth else {
            throw YAMLError(message: "error converting YAML to JSON: document too large or too deep")
        }
        switch node {
        case .scalar(let scalar):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case Tag.Name.int.rawValue:
                if let int = Int64(scalar.string) { return .int(int) }
                return node.float.map(JSONValue.double) ?? .string(scalar.string)
            case Tag.Name.float.rawValue: return node.float.map(JSONValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                members[key.string ?? ""] = try convert(value, budget: &budget, depth: depth + 1)
            }
            return .object(members)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for element in sequence { elements.append(try convert(element, budget: &budget, depth: depth + 1)) }
            return .array(elements)
        case .alias:
            return .null
        }
    }
}
