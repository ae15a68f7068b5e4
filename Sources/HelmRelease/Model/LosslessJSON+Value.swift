public import GoTemplate
import HelmEngine

extension LosslessJSON {
    /// The JSON text, as Go's `encoding/json` writes it.
    public var jsonText: String {
        var writer = GoJSONWriter()
        writer.value(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Values as a release record stores them: Go's `json.Marshal` of the values map, kept lossless.
    /// - Throws: ``ReleaseError/Code/invalidRelease`` for a value JSON cannot hold (a NaN, for example).
    public static func values(_ values: [String: GoTemplate.Value]) throws -> [String: LosslessJSON] {
        let text: String
        do {
            text = try GoJSON.encode(.map(values, .interface))
        } catch {
            throw ReleaseError(
                code: .invalidRelease, message: "values cannot be stored as JSON: \(error)", cause: nil)
        }
        guard case .object(let members) = try JSONParser.parse(Array(text.utf8)) else { return [:] }
        return members
    }

    /// Stored values as templates see them after Helm reads a record: `json.Unmarshal` into
    /// `map[string]interface{}`, so every number is a `float64` (as in Helm, a reused `3` renders as `3`, a reused
    /// `1000000` as `1e+06`).
    public static func templateValues(_ members: [String: LosslessJSON]?) throws -> [String: GoTemplate.Value] {
        guard let members, !members.isEmpty else { return [:] }
        let value: GoTemplate.Value
        do {
            value = try GoJSON.decode(LosslessJSON.object(members).jsonText)
        } catch {
            throw ReleaseError(code: .corruptedRecord, message: "stored values cannot be read: \(error)")
        }
        guard case .map(let map, _) = value else { return [:] }
        return map
    }
}
