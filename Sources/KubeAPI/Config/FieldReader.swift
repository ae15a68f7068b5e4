import Foundation
import Yams

/// One named entry (cluster, user or context) and the file it came from.
struct KubeconfigEntry {
    var file: String
    var field: String
    var body: Node
}

/// Reads typed fields of one entry, naming the file and field path in every error.
struct FieldReader {
    let entry: KubeconfigEntry
    var directory: String { FileReader.directory(of: entry.file) }

    /// A reader for a nested mapping, e.g. `exec` inside a user; `nil` when the key is absent or null.
    func child(_ key: String) throws(KubeAPIError) -> FieldReader? {
        guard let node = entry.body.mapping?[key], !Self.isNull(node) else { return nil }
        guard node.mapping != nil else { throw fail(key, "must be a mapping") }
        return FieldReader(entry: KubeconfigEntry(file: entry.file, field: "\(entry.field).\(key)", body: node))
    }

    /// The items of a list of mappings (`env`, `extensions`), each with its own field path; `[]` when absent.
    func children(_ key: String) throws(KubeAPIError) -> [FieldReader] {
        guard let node = entry.body.mapping?[key], !Self.isNull(node) else { return [] }
        guard let items = node.sequence else { throw fail(key, "must be a list") }
        var result: [FieldReader] = []
        for (i, item) in items.enumerated() {
            guard item.mapping != nil else { throw fail("\(key)[\(i)]", "must be a mapping") }
            result.append(
                FieldReader(entry: KubeconfigEntry(file: entry.file, field: "\(entry.field).\(key)[\(i)]", body: item)))
        }
        return result
    }

    /// A list of strings (`args`); `[]` when absent.
    func strings(_ key: String) throws(KubeAPIError) -> [String] {
        guard let node = entry.body.mapping?[key], !Self.isNull(node) else { return [] }
        guard let items = node.sequence else { throw fail(key, "must be a list of strings") }
        var result: [String] = []
        for (i, item) in items.enumerated() {
            guard case .scalar(let scalar) = item else { throw fail("\(key)[\(i)]", "must be a string") }
            result.append(scalar.string)
        }
        return result
    }

    /// Any value, as JSON (`extensions[].extension`, `auth-provider.config`).
    func json(_ key: String) throws(KubeAPIError) -> JSONValue? {
        guard let node = entry.body.mapping?[key], !Self.isNull(node) else { return nil }
        guard let value = Self.json(node, depth: 0) else { throw fail(key, "is nested too deeply or uses an alias") }
        return value
    }

    private static func json(_ node: Node, depth: Int) -> JSONValue? {
        guard depth < 64 else { return nil }
        switch node {
        case .scalar(let scalar):
            // Plain scalars resolve by YAML's core schema; quoted ones are strings.
            if node.null != nil { return .null }
            if let bool = node.bool { return .bool(bool) }
            if let int = node.int { return .int(Int64(int)) }
            if let double = node.float { return .double(double) }
            return .string(scalar.string)
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let converted = json(value, depth: depth + 1) else { return nil }
                object[key.string ?? "\(key)"] = converted
            }
            return .object(object)
        case .sequence(let sequence):
            var array: [JSONValue] = []
            for item in sequence {
                guard let converted = json(item, depth: depth + 1) else { return nil }
                array.append(converted)
            }
            return .array(array)
        case .alias:
            return nil
        }
    }

    /// An error naming this entry's `key`.
    func fail(_ key: String, _ what: String) -> KubeAPIError {
        .config(file: "kubeconfig \(entry.file)", field: "\(entry.field).\(key)", what)
    }

    func has(_ key: String) -> Bool { entry.body.mapping?[key] != nil }

    func string(_ key: String) throws(KubeAPIError) -> String? {
        guard let node = entry.body.mapping?[key], !Self.isNull(node) else { return nil }
        guard case .scalar(let scalar) = node else { throw fail(key, "must be a string") }
        return scalar.string
    }

    func bool(_ key: String) throws(KubeAPIError) -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail(key, "\"\(text)\" is not a boolean")
        }
    }

    /// The `*-data` field (base64) when present, else the contents of the file the path field names.
    func bytes(data dataKey: String, file fileKey: String) throws(KubeAPIError) -> [UInt8]? {
        if let encoded = try string(dataKey), !encoded.isEmpty {
            // Go's base64 decoder skips line breaks; anything else outside the alphabet is an error.
            let compact = encoded.filter { $0 != "\n" && $0 != "\r" }
            guard let data = Data(base64Encoded: compact) else { throw fail(dataKey, "not valid base64") }
            return [UInt8](data)
        }
        if let path = try string(fileKey), !path.isEmpty {
            let resolved = FileReader.resolve(path, against: directory)
            return try FileReader.read(resolved, what: "kubeconfig \(entry.file): \(entry.field).\(fileKey)")
        }
        return nil
    }
}

extension FieldReader {
    /// Whether a node is YAML null (`null`, `~` or empty).
    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return s.string == "null" || s.string == "~" || s.string.isEmpty }
        return false
    }
}
