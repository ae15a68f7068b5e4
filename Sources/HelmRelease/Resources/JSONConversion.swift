import GoTemplate
import KubeAPI

/// Go values decoded from YAML (sigs.k8s.io/yaml semantics) to the JSON a Kubernetes object is sent as.
enum JSONConversion {
    /// Nesting handled before refusing the document (hostile input must not exhaust the stack).
    static let maxDepth = 512

    /// Converts a decoded YAML value. Whole numbers become integers (as the API server reads `3` in
    /// `replicas: 3`); other numbers stay floating point.
    ///
    /// - Throws: ``ReleaseError`` (``ReleaseError/Code/invalidManifest``) for values JSON cannot carry or nesting
    ///   deeper than ``maxDepth``.
    static func json(from value: Value, source: String, depth: Int = 0) throws -> JSONValue {
        guard depth <= maxDepth else {
            throw ReleaseError.badDocument(source: source, "nesting deeper than \(maxDepth) levels")
        }
        switch value {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int, _): return .int(Int64(int))
        case .float(let double):
            guard double.isFinite else {
                throw ReleaseError.badDocument(source: source, "json: unsupported value: \(double)")
            }
            if double.rounded() == double, abs(double) < 9.2e18 { return .int(Int64(double)) }
            return .double(double)
        case .string(let string): return .string(string)
        case .list(let items, _):
            var array: [JSONValue] = []
            array.reserveCapacity(items.count)
            for item in items { array.append(try json(from: item, source: source, depth: depth + 1)) }
            return .array(array)
        case .map(let members, _):
            var object: [String: JSONValue] = [:]
            object.reserveCapacity(members.count)
            for (key, member) in members { object[key] = try json(from: member, source: source, depth: depth + 1) }
            return .object(object)
        case .object:
            throw ReleaseError.badDocument(source: source, "a value of type \(typeName(of: value)) is not JSON")
        }
    }

    /// The YAML-level name of a value's type, for messages.
    static func typeName(of value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .int, .float: "number"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        case .object: "object"
        }
    }
}
