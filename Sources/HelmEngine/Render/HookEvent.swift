/// A point in a release's life at which hooks run (`helm.sh/hook` values; Helm's `release.HookEvent`).
///
/// A struct rather than an enum, because a release record may hold an event this model does not know and must
/// keep it.
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

    /// The events Helm knows.
    public static let known: [HookEvent] = [
        .preInstall, .postInstall, .preDelete, .postDelete, .preUpgrade, .postUpgrade, .preRollback, .postRollback,
        .test,
    ]

    /// Parses one value of the `helm.sh/hook` annotation; nil for an event Helm does not know. `test-success` is
    /// Helm 2's name for `test`.
    public init?(annotationValue: String) {
        if annotationValue == "test-success" {
            self = .test
            return
        }
        guard let event = Self.known.first(where: { $0.rawValue == annotationValue }) else { return nil }
        self = event
    }
}
