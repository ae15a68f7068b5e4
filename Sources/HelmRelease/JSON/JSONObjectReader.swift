import HelmEngine

/// Reads the members of one JSON object into typed fields, the way Go's `json.Unmarshal` fills a struct.
///
/// A missing member or `null` leaves the field at its zero value; a member of the wrong type is an error that
/// names its path. Members never read are returned by ``remaining`` so models can keep them.
struct JSONObjectReader {
    private var members: [String: LosslessJSON]
    let path: String
    let record: String?

    init(_ value: LosslessJSON, path: String, record: String?) throws(ReleaseError) {
        switch value {
        case .object(let members): self.members = members
        // Go decodes null into a nil pointer; the model reads it as an empty struct.
        case .null: self.members = [:]
        default: throw .corrupted(record: record, "expected an object", path: path)
        }
        self.path = path
        self.record = record
    }

    /// Members not read so far.
    var remaining: [String: LosslessJSON] { members }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private func mismatch(_ key: String, _ expected: String) -> ReleaseError {
        .corrupted(record: record, "expected \(expected)", path: fieldPath(key))
    }

    /// Takes a member out; nil when missing or `null`.
    mutating func take(_ key: String) -> LosslessJSON? {
        guard let value = members.removeValue(forKey: key), value != .null else { return nil }
        return value
    }

    mutating func string(_ key: String) throws(ReleaseError) -> String {
        guard let value = take(key) else { return "" }
        guard case .string(let text) = value else { throw mismatch(key, "a string") }
        return text
    }

    mutating func bool(_ key: String) throws(ReleaseError) -> Bool {
        guard let value = take(key) else { return false }
        guard case .bool(let flag) = value else { throw mismatch(key, "a boolean") }
        return flag
    }

    mutating func int(_ key: String) throws(ReleaseError) -> Int {
        guard let value = take(key) else { return 0 }
        guard case .number(let text) = value, let number = Int(text) else { throw mismatch(key, "an integer") }
        return number
    }

    mutating func time(_ key: String) throws(ReleaseError) -> GoTime {
        guard let value = take(key) else { return .zero }
        guard case .string(let text) = value else { throw mismatch(key, "an RFC 3339 time") }
        // Helm 4 reads "" as the zero time (Info and HookExecution UnmarshalJSON).
        if text.isEmpty { return .zero }
        guard let time = GoTime(rfc3339: text) else { throw mismatch(key, "an RFC 3339 time, got \"\(text)\"") }
        return time
    }

    mutating func bytes(_ key: String) throws(ReleaseError) -> [UInt8]? {
        guard let value = take(key) else { return nil }
        guard case .string(let text) = value, let data = Base64.decode(text.utf8) else {
            throw mismatch(key, "base64 bytes")
        }
        return data
    }

    mutating func object(_ key: String) throws(ReleaseError) -> [String: LosslessJSON]? {
        guard let value = take(key) else { return nil }
        guard case .object(let members) = value else { throw mismatch(key, "an object") }
        return members
    }

    mutating func array(_ key: String) throws(ReleaseError) -> [LosslessJSON]? {
        guard let value = take(key) else { return nil }
        guard case .array(let elements) = value else { throw mismatch(key, "an array") }
        return elements
    }

    mutating func strings(_ key: String) throws(ReleaseError) -> [String] {
        guard let elements = try array(key) else { return [] }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            switch element {
            case .string(let text): result.append(text)
            case .null: result.append("")
            default: throw mismatch("\(key)[\(index)]", "a string")
            }
        }
        return result
    }

    mutating func stringMap(_ key: String) throws(ReleaseError) -> [String: String] {
        guard let members = try object(key) else { return [:] }
        var result: [String: String] = [:]
        for (name, element) in members {
            switch element {
            case .string(let text): result[name] = text
            case .null: result[name] = ""
            default: throw mismatch("\(key).\(name)", "a string")
            }
        }
        return result
    }

    /// Reads an array of objects with `read` for each element.
    mutating func objects<T>(
        _ key: String, _ read: (LosslessJSON, String) throws(ReleaseError) -> T
    ) throws(ReleaseError) -> [T]? {
        guard let elements = try array(key) else { return nil }
        var result: [T] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            result.append(try read(element, "\(fieldPath(key))[\(index)]"))
        }
        return result
    }
}
