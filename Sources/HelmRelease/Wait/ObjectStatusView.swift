import KubeAPI

/// Read-only accessors over a live object's JSON for the readiness rules: integer fields with defaults,
/// conditions by type, and the object's name as messages print it.
struct ObjectStatusView {
    let object: KubeObject

    init(_ object: KubeObject) { self.object = object }

    /// One entry of `status.conditions`.
    struct Condition {
        var type: String
        var status: String
        var reason: String
        var message: String

        var isTrue: Bool { status == "True" }
        var isFalse: Bool { status == "False" }

        /// `reason: message`, or whichever of them is present.
        var explanation: String {
            switch (reason.isEmpty, message.isEmpty) {
            case (false, false): "\(reason): \(message)"
            case (false, true): reason
            case (true, false): message
            case (true, true): "condition \(type) is \(status)"
            }
        }
    }

    /// `Kind "name"` (or `Kind "name" in namespace "ns"`), the form messages name objects in.
    var subject: String {
        let kind = object.kind.isEmpty ? "object" : object.kind
        return object.namespace.isEmpty
            ? "\(kind) \"\(object.name)\"" : "\(kind) \"\(object.name)\" in namespace \"\(object.namespace)\""
    }

    /// The integer at `path`, or `fallback` when absent or not an integer.
    func int(_ path: String..., default fallback: Int64 = 0) -> Int64 {
        object.json.value(at: path)?.intValue ?? fallback
    }

    /// The integer at `path`, or nil when absent or not an integer.
    func optionalInt(_ path: String...) -> Int64? { object.json.value(at: path)?.intValue }

    /// The string at `path`, or `fallback`.
    func string(_ path: String..., default fallback: String = "") -> String {
        object.json.value(at: path)?.stringValue ?? fallback
    }

    /// Whether `path` holds JSON `true`.
    func bool(_ path: String...) -> Bool { object.json.value(at: path)?.boolValue ?? false }

    /// The value at `path`.
    func value(_ path: String...) -> JSONValue? { object.json.value(at: path) }

    /// `status.conditions`, skipping malformed entries.
    var conditions: [Condition] {
        (object.json.value(at: ["status", "conditions"])?.arrayValue ?? []).compactMap { entry in
            guard let type = entry["type"]?.stringValue else { return nil }
            return Condition(
                type: type, status: entry["status"]?.stringValue ?? "", reason: entry["reason"]?.stringValue ?? "",
                message: entry["message"]?.stringValue ?? "")
        }
    }

    /// The first condition of a type.
    func condition(_ type: String) -> Condition? { conditions.first { $0.type == type } }

    /// `metadata.generation` when present.
    var generation: Int64? { optionalInt("metadata", "generation") }

    /// `status.observedGeneration` when present.
    var observedGeneration: Int64? { optionalInt("status", "observedGeneration") }
}

/// Kubernetes' IntOrString scaled against a total: an integer as is, `"N%"` of the total rounded up or down.
/// Returns nil for a malformed value, so callers can choose the controller's fallback.
enum IntOrPercent {
    static func scaled(_ value: JSONValue?, total: Int64, roundUp: Bool, default fallback: JSONValue) -> Int64? {
        let value = value ?? fallback
        if let int = value.intValue { return int }
        guard let text = value.stringValue else { return nil }
        // As Kubernetes' GetScaledValueFromIntOrPercent: a string must be a percentage.
        guard text.hasSuffix("%"), let percent = Int64(text.dropLast()) else { return nil }
        let product = percent.multipliedReportingOverflow(by: total)
        guard !product.overflow else { return nil }
        let (quotient, remainder) = product.partialValue.quotientAndRemainder(dividingBy: 100)
        return roundUp && remainder > 0 ? quotient + 1 : quotient
    }
}
