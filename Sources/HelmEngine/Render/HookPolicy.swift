// The policies a hook's annotations set (`helm.sh/hook-delete-policy`, `helm.sh/hook-output-log-policy`).

/// When Helm deletes a hook resource (`helm.sh/hook-delete-policy` values).
public struct HookDeletePolicy: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The annotation value, such as `hook-succeeded`.
    public var rawValue: String
    /// Creates a policy from its annotation value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Delete after the hook succeeded.
    public static let hookSucceeded = HookDeletePolicy(rawValue: "hook-succeeded")
    /// Delete after the hook failed.
    public static let hookFailed = HookDeletePolicy(rawValue: "hook-failed")
    /// Delete the previous resource before creating the hook again (Helm's default).
    public static let beforeHookCreation = HookDeletePolicy(rawValue: "before-hook-creation")
    /// The annotation value.
    public var description: String { rawValue }
}

/// When Helm copies a hook's logs (`helm.sh/hook-output-log-policy` values).
public struct HookOutputLogPolicy: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The annotation value.
    public var rawValue: String
    /// Creates a policy from its annotation value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Copy logs when the hook succeeded.
    public static let hookSucceeded = HookOutputLogPolicy(rawValue: "hook-succeeded")
    /// Copy logs when the hook failed.
    public static let hookFailed = HookOutputLogPolicy(rawValue: "hook-failed")
    /// The annotation value.
    public var description: String { rawValue }
}
