import Foundation
import GoTemplate
import HelmEngine
import HelmRelease

/// A value printed as `-o json` or `-o yaml` the way Helm prints it: Go structs keep their field order in JSON
/// (encoding/json), maps are sorted, and YAML goes through JSON first (sigs.k8s.io/yaml), so it is sorted too.
indirect enum StructuredOutput: Sendable {
    /// A Go struct: its JSON members in declaration order.
    case object([(String, StructuredOutput)])
    /// A Go slice of structs or values.
    case array([StructuredOutput])
    /// Any other Go value (maps, strings, numbers...), encoded by GoJSON/GoYAML.
    case value(Value)

    /// Helm's `output.EncodeJSON`: compact JSON with HTML characters escaped, then a line break.
    func json() throws -> String {
        try jsonText() + "\n"
    }

    /// Helm's `output.EncodeYAML`.
    func yaml() throws -> String {
        try GoYAML.encode(plainValue)
    }

    private func jsonText() throws -> String {
        switch self {
        case .object(let fields):
            let members = try fields.map { try GoJSON.encode(.string($0.0)) + ":" + $0.1.jsonText() }
            return "{" + members.joined(separator: ",") + "}"
        case .array(let items):
            return "[" + (try items.map { try $0.jsonText() }).joined(separator: ",") + "]"
        case .value(let value):
            return try GoJSON.encode(value)
        }
    }

    /// The value as a plain map/list tree (what the YAML side of sigs.k8s.io/yaml sees).
    var plainValue: Value {
        switch self {
        case .object(let fields):
            var map: [String: Value] = [:]
            for (key, value) in fields { map[key] = value.plainValue }
            return .map(map)
        case .array(let items): return .list(items.map(\.plainValue))
        case .value(let value): return value
        }
    }
}

extension LosslessJSON {
    /// The value Go's `json.Unmarshal` makes of this JSON in an `interface{}`: numbers become `float64`.
    var goValue: GoTemplate.Value {
        switch self {
        case .null: return GoTemplate.Value.null
        case .bool(let bool): return GoTemplate.Value.bool(bool)
        case .number(let literal): return GoTemplate.Value.float(Double(literal) ?? 0)
        case .string(let string): return GoTemplate.Value.string(string)
        case .array(let items): return GoTemplate.Value.list(items.map(\.goValue))
        case .object(let members): return GoTemplate.Value.map(members.mapValues(\.goValue))
        }
    }
}

/// Writes text to standard output.
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
