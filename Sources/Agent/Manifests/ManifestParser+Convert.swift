import KubeAPI
import Yams

/// YAML nodes to JSON values, and JSON values to manifests.
extension ManifestParser {
    /// Converts a YAML node to JSON as `sigs.k8s.io/yaml` does.
    static func convert(_ node: Node, budget: inout Int, depth: Int) throws(AgentError) -> JSONValue {
        budget -= 1
        guard budget > 0 else {
            throw AgentError(code: .parse, message: "the document expands to more than \(maximumNodes) nodes")
        }
        guard depth < maximumDepth else {
            throw AgentError(code: .parse, message: "the document nests deeper than \(maximumDepth) levels")
        }
        switch node {
        case .scalar(let scalar):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return nil
            case Tag.Name.bool.rawValue:
                return node.bool.map { JSONValue(booleanLiteral: $0) } ?? .string(scalar.string)
            case Tag.Name.int.rawValue:
                if let int = node.int { return JSONValue(integerLiteral: Int64(int)) }
                return node.float.map { JSONValue(floatLiteral: $0) } ?? .string(scalar.string)
            case Tag.Name.float.rawValue:
                guard let double = node.float, double.isFinite else {
                    throw AgentError(code: .parse, message: "\(scalar.string) is not a number JSON can hold")
                }
                return JSONValue(floatLiteral: double)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            var merged: [String: JSONValue] = [:]
            for (key, value) in mapping {
                if key.tag.rawValue == Tag.Name.merge.rawValue {
                    // Merge keys: the merged mappings' members apply unless the mapping sets them itself.
                    let sources = value.sequence.map { Array($0) } ?? [value]
                    for source in sources {
                        let converted = try convert(source, budget: &budget, depth: depth + 1)
                        guard let object = converted.objectValue else {
                            throw AgentError(code: .parse, message: "a merge key (<<) must name a mapping")
                        }
                        for (k, v) in object where merged[k] == nil { merged[k] = v }
                    }
                    continue
                }
                guard let name = key.scalar?.string else {
                    throw AgentError(code: .parse, message: "a mapping key is not a string (line \(lineOf(key)))")
                }
                members[name] = try convert(value, budget: &budget, depth: depth + 1)
            }
            for (k, v) in merged where members[k] == nil { members[k] = v }
            return .object(members)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for element in sequence { elements.append(try convert(element, budget: &budget, depth: depth + 1)) }
            return .array(elements)
        case .alias:
            throw AgentError(code: .parse, message: "an alias could not be resolved (line \(lineOf(node)))")
        }
    }

    private static func lineOf(_ node: Node) -> Int { node.mark.map { $0.line } ?? 0 }

    /// Appends the objects a document holds: the object itself, or the items of a `List` kind.
    static func objects(in json: JSONValue, origin: ManifestOrigin, into manifests: inout [Manifest])
        throws(AgentError)
    {
        guard json.objectValue != nil else {
            throw AgentError.invalidObject(origin, "the document is not a mapping")
        }
        let kind = json["kind"]?.stringValue ?? ""
        if kind.hasSuffix("List"), let items = json["items"]?.arrayValue {
            for (index, item) in items.enumerated() {
                manifests.append(try manifest(item, origin: origin, where: "items[\(index)]"))
            }
            return
        }
        manifests.append(try manifest(json, origin: origin, where: nil))
    }

    private static func manifest(_ json: JSONValue, origin: ManifestOrigin, where path: String?) throws(AgentError)
        -> Manifest
    {
        let at = path.map { " (\($0))" } ?? ""
        guard json.objectValue != nil else { throw AgentError.invalidObject(origin, "an item is not a mapping\(at)") }
        let object = KubeObject(json)
        guard !object.apiVersion.isEmpty else { throw AgentError.invalidObject(origin, "apiVersion is missing\(at)") }
        guard !object.kind.isEmpty else { throw AgentError.invalidObject(origin, "kind is missing\(at)") }
        guard !object.name.isEmpty else {
            throw AgentError.invalidObject(origin, "metadata.name is missing in \(object.kind)\(at)")
        }
        return Manifest(object: object, origin: origin)
    }
}
