/// Compact JSON output.
extension JSONValue {
    /// Keys kube-apiserver writes first; the rest follow in sorted order so output is deterministic.
    private static let leadingKeys = ["kind", "apiVersion", "metadata", "type", "object"]

    /// The compact JSON text of this value.
    func serialized() -> String {
        var output = ""
        output.reserveCapacity(256)
        write(into: &output)
        return output
    }

    /// The compact JSON encoding as bytes.
    func serializedBytes() -> [UInt8] {
        Array(serialized().utf8)
    }

    private func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let bool): output += bool ? "true" : "false"
        case .int(let int): output += String(int)
        case .double(let double): output += Self.format(double)
        case .string(let string): Self.writeString(string, into: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            var first = true
            let leading = Self.leadingKeys.filter { members[$0] != nil }
            let rest = members.keys.filter { !Self.leadingKeys.contains($0) }.sorted()
            for key in leading + rest {
                guard let value = members[key] else { continue }
                if !first { output += "," }
                first = false
                Self.writeString(key, into: &output)
                output += ":"
                value.write(into: &output)
            }
            output += "}"
        }
    }

    /// Formats a double like Go's encoding/json for the common cases: integral values without a fraction.
    private static func format(_ double: Double) -> String {
        guard double.isFinite else { return "null" }
        if double.rounded() == double && abs(double) < 1e15 { return String(Int64(double)) }
        return String(double)
    }

    private static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
