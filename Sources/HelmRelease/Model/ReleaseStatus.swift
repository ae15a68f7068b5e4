/// The status of a release revision, as Helm records it (`pkg/release/common.Status`).
///
/// Legal transitions, as Helm's actions make them:
/// - `pending-install` → `deployed` | `failed`
/// - `pending-upgrade` → `deployed` | `failed` (the previous `deployed` revision becomes `superseded`)
/// - `pending-rollback` → `deployed` | `failed`
/// - `deployed` → `superseded` (a newer revision deployed) | `uninstalling` → `uninstalled` (with
///   `--keep-history`) or deleted
/// - any `pending-*` whose operation died → `failed` (fluxhelm's recovery, see ``ReleaseRecovery``)
///
/// A value Helm may add later is kept as is, so records written by newer Helm versions round-trip.
public struct ReleaseStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The status as stored in the record and its `status` label.
    public var rawValue: String

    /// Creates a status from its stored text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The release is in an uncertain state.
    public static let unknown = ReleaseStatus(rawValue: "unknown")
    /// The release has been pushed to Kubernetes.
    public static let deployed = ReleaseStatus(rawValue: "deployed")
    /// The release has been uninstalled (kept with `--keep-history`).
    public static let uninstalled = ReleaseStatus(rawValue: "uninstalled")
    /// A newer revision has been deployed.
    public static let superseded = ReleaseStatus(rawValue: "superseded")
    /// The operation that made this revision failed.
    public static let failed = ReleaseStatus(rawValue: "failed")
    /// An uninstall is under way.
    public static let uninstalling = ReleaseStatus(rawValue: "uninstalling")
    /// An install is under way.
    public static let pendingInstall = ReleaseStatus(rawValue: "pending-install")
    /// An upgrade is under way.
    public static let pendingUpgrade = ReleaseStatus(rawValue: "pending-upgrade")
    /// A rollback is under way.
    public static let pendingRollback = ReleaseStatus(rawValue: "pending-rollback")

    /// Whether an operation is under way (Helm's `IsPending`: the three `pending-*` states).
    public var isPending: Bool { self == .pendingInstall || self == .pendingUpgrade || self == .pendingRollback }

    /// The stored text.
    public var description: String { rawValue }
}
