/// A JSON document as the server stores and serves it.
///
/// The server keeps objects as untyped JSON, like kube-apiserver's unstructured path, so that any kind (built-in or
/// custom) round-trips without a schema. Integers and floating-point numbers stay distinct so that `replicas: 3`
/// never turns into `3.0`.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The members of an object, or nil for any other value.
    var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, or nil for any other value.
    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The string, or nil for any other value.
    var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The integer (also from an integral double), or nil for any other value.
    var intValue: Int64? {
        switch self {
        case .int(let int): return int
        case .double(let double) where double.rounded() == double && abs(double) < 9e15: return Int64(double)
        default: return nil
        }
    }

    /// The boolean, or nil for any other value.
    var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The member `key` of an object; nil when absent or when this is not an object.
    subscript(key: String) -> JSONValue? {
        get { objectValue?[key] }
        set {
            guard case .object(var members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The value at a path of object keys; nil when any step is missing.
    subscript(path path: [String]) -> JSONValue? {
        get {
            var current: JSONValue? = self
            for key in path { current = current?[key] }
            return current
        }
        set {
            guard let first = path.first else {
                if let newValue { self = newValue }
                return
            }
            guard case .object(var members) = self else { return }
            if path.count == 1 {
                members[first] = newValue
            } else {
                var child = members[first] ?? .object([:])
                if child.objectValue == nil { child = .object([:]) }
                child[path: Array(path.dropFirst())] = newValue
                members[first] = child
            }
            self = .object(members)
        }
    }

    /// True for `null`.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The JSON type name used in error messages ("object", "array", ...).
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Compares numbers by value, so that `1` and `1.0` are equal as in JSON.
    func semanticallyEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.int(let left), .double(let right)): return Double(left) == right
        case (.double(let left), .int(let right)): return left == Double(right)
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.semanticallyEquals($1) }
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            for (key, value) in left {
                guard let counterpart = right[key], value.semanticallyEquals(counterpart) else { return false }
            }
            return true
        default: return self == other
        }
    }
}
