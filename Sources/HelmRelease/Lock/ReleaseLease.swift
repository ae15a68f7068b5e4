public import HelmEngine

/// The lock of one release: the state of a `coordination.k8s.io/v1` Lease named `fluxhelm-release-NAME` in
/// the release's namespace.
///
/// The holder renews ``renewTime`` while its operation runs; once `renewTime + leaseDuration` has passed
/// without renewal, the holder is presumed dead and another process may take the lease over.
public struct ReleaseLease: Sendable, Hashable {
    /// The Lease object's name for a release: `fluxhelm-release-NAME`.
    public static func objectName(release: String) -> String { "fluxhelm-release-" + release }

    /// The release the lease guards.
    public var release: String
    /// The release's namespace, where the Lease lives.
    public var namespace: String
    /// The process holding it (`spec.holderIdentity`); nil when released.
    public var holderIdentity: String?
    /// How long it stays valid after a renewal (`spec.leaseDurationSeconds`).
    public var leaseDuration: Duration
    /// When the current holder acquired it (`spec.acquireTime`).
    public var acquireTime: GoTime
    /// When the holder last renewed it (`spec.renewTime`); on release, the release time.
    public var renewTime: GoTime
    /// How many times the holder changed (`spec.leaseTransitions`).
    public var leaseTransitions: Int
    /// The object's `metadata.resourceVersion`, for optimistic concurrency; nil before it is created.
    public var resourceVersion: String?

    /// Creates a lease state.
    public init(
        release: String, namespace: String, holderIdentity: String?, leaseDuration: Duration, acquireTime: GoTime,
        renewTime: GoTime, leaseTransitions: Int = 0, resourceVersion: String? = nil
    ) {
        self.release = release
        self.namespace = namespace
        self.holderIdentity = holderIdentity
        self.leaseDuration = leaseDuration
        self.acquireTime = acquireTime
        self.renewTime = renewTime
        self.leaseTransitions = leaseTransitions
        self.resourceVersion = resourceVersion
    }

    /// When the lease stops protecting its holder: `renewTime + leaseDuration`, or `renewTime` if released.
    public var expiry: GoTime { holderIdentity == nil ? renewTime : renewTime.adding(leaseDuration) }

    /// Whether a holder has it and it has not expired at `now`.
    public func isHeld(at now: GoTime) -> Bool { holderIdentity != nil && now < expiry }
}
