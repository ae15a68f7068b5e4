/// A hook of a release: a resource Helm runs at a lifecycle event (`pkg/release/v1.Hook`).
public struct Hook: Sendable, Hashable {
    /// The resource's name.
    public var name: String
    /// The resource's Kubernetes kind.
    public var kind: String
    /// The template that rendered it, relative to the charts root (for example `mychart/templates/job.yaml`).
    public var path: String
    /// The rendered manifest.
    public var manifest: String
    /// The events it runs on (`helm.sh/hook`).
    public var events: [HookEvent]
    /// The outcome of its last run.
    public var lastRun: HookExecution
    /// Its order among hooks of the same event (`helm.sh/hook-weight`).
    public var weight: Int
    /// When Helm deletes it (`helm.sh/hook-delete-policy`).
    public var deletePolicies: [HookDeletePolicy]
    /// When Helm copies its logs (`helm.sh/hook-output-log-policy`).
    public var outputLogPolicies: [HookOutputLogPolicy]
    /// Members a newer Helm wrote that this model does not know; written back unchanged.
    public var unknownFields: [String: LosslessJSON]

    /// Creates a hook; every parameter defaults to empty.
    public init(
        name: String = "", kind: String = "", path: String = "", manifest: String = "", events: [HookEvent] = [],
        lastRun: HookExecution = HookExecution(), weight: Int = 0, deletePolicies: [HookDeletePolicy] = [],
        outputLogPolicies: [HookOutputLogPolicy] = [], unknownFields: [String: LosslessJSON] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.path = path
        self.manifest = manifest
        self.events = events
        self.lastRun = lastRun
        self.weight = weight
        self.deletePolicies = deletePolicies
        self.outputLogPolicies = outputLogPolicies
        self.unknownFields = unknownFields
    }
}

/// The record of a hook's last run (`pkg/release/v1.HookExecution`).
public struct HookExecution: Sendable, Hashable {
    /// When it started; ``GoTime/zero`` if it never ran (then omitted from the record).
    public var startedAt: GoTime
    /// When it completed; ``GoTime/zero`` if it has not (then omitted from the record).
    public var completedAt: GoTime
    /// How it ended.
    public var phase: HookPhase

    /// Creates a run record; by default one that never ran (`phase` empty, as Helm leaves it).
    public init(startedAt: GoTime = .zero, completedAt: GoTime = .zero, phase: HookPhase = HookPhase(rawValue: "")) {
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.phase = phase
    }
}

/// A lifecycle event a hook runs on (`helm.sh/hook` values).
public struct HookEvent: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The annotation value, such as `pre-install`.
    public var rawValue: String
    /// Creates an event from its annotation value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Before any resource is installed.
    public static let preInstall = HookEvent(rawValue: "pre-install")
    /// After all resources are installed.
    public static let postInstall = HookEvent(rawValue: "post-install")
    /// Before any resource is deleted on uninstall.
    public static let preDelete = HookEvent(rawValue: "pre-delete")
    /// After all resources are deleted on uninstall.
    public static let postDelete = HookEvent(rawValue: "post-delete")
    /// Before an upgrade changes resources.
    public static let preUpgrade = HookEvent(rawValue: "pre-upgrade")
    /// After an upgrade changed resources.
    public static let postUpgrade = HookEvent(rawValue: "post-upgrade")
    /// Before a rollback changes resources.
    public static let preRollback = HookEvent(rawValue: "pre-rollback")
    /// After a rollback changed resources.
    public static let postRollback = HookEvent(rawValue: "post-rollback")
    /// Run by `helm test`.
    public static let test = HookEvent(rawValue: "test")
    /// The annotation value.
    public var description: String { rawValue }
}

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

/// How a hook run ended (`pkg/release/v1.HookPhase`).
public struct HookPhase: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stored text, such as `Succeeded`.
    public var rawValue: String
    /// Creates a phase from its stored text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The hook is in an unknown state.
    public static let unknown = HookPhase(rawValue: "Unknown")
    /// The hook is running.
    public static let running = HookPhase(rawValue: "Running")
    /// The hook succeeded.
    public static let succeeded = HookPhase(rawValue: "Succeeded")
    /// The hook failed.
    public static let failed = HookPhase(rawValue: "Failed")
    /// The stored text.
    public var description: String { rawValue }
}
