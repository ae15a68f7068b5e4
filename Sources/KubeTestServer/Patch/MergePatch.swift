/// JSON merge patch (RFC 7386), as kube applies `application/merge-patch+json`.
///
/// Objects merge key by key, `null` deletes a key, and anything else (arrays included) replaces the target.
enum MergePatch {
    /// Applies `patch` to `target`.
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var result = target.objectValue ?? [:]
        for (key, value) in patchMembers {
            if value.isNull {
                result.removeValue(forKey: key)
            } else {
                result[key] = apply(value, to: result[key] ?? .null)
            }
        }
        return .object(result)
    }
}
