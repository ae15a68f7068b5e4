public import KubeAPI
public import Logging

/// Writes and deletes a release's objects with server-side apply, Helm's ownership metadata and Helm's
/// ownership checks.
///
/// Every object it writes carries the label `app.kubernetes.io/managed-by: Helm` and the annotations
/// `meta.helm.sh/release-name` and `meta.helm.sh/release-namespace`, and is applied with ``fieldManager``
/// (`helm` by default, so fluxhelm and helm share field ownership).
public struct ResourceApplier: Sendable {
    /// The cluster.
    public let client: KubeClient
    /// The server-side apply field manager.
    public let fieldManager: String
    /// The release the objects belong to.
    public let releaseName: String
    /// The release's namespace (recorded in the ownership annotation).
    public let releaseNamespace: String
    /// Where the applier logs (debug: each object written or deleted).
    public let logger: Logger
    /// The clock CRD establishment waits on.
    public let clock: any Clock<Duration>
    /// How often CRDs are re-read while waiting for `Established`.
    public var pollInterval: Duration = .milliseconds(500)
    /// At most this many objects of one kind are written at once (Helm writes a kind's objects in parallel).
    public var maxConcurrentWrites: Int = 8

    /// Creates an applier for one release.
    public init(
        client: KubeClient, fieldManager: String = "helm", releaseName: String, releaseNamespace: String,
        logger: Logger = Logger(label: "fluxhelm.apply"), clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.client = client
        self.fieldManager = fieldManager
        self.releaseName = releaseName
        self.releaseNamespace = releaseNamespace
        self.logger = logger
        self.clock = clock
    }

    /// Install: checks that none of the resources exists unowned (Helm's `unable to continue with install: ...
    /// exists and cannot be imported into the current release: invalid ownership metadata; ...`; objects already
    /// owned by this release are adopted, and with `takeOwnership` every existing object is), then applies them in
    /// the given order (callers pass install order) with ownership metadata.
    ///
    /// - Throws: ``ReleaseError`` ``ReleaseError/Code/resourceConflict`` for an object owned by something else,
    ///   ``ReleaseError/Code/resourceFailed`` (cause: the KubeAPIError) for a write the cluster refused.
    public func create(
        _ resources: [ReleaseResource], takeOwnership: Bool = false, forceConflicts: Bool = false
    ) async throws -> ResourceChanges {
        throw ReleaseError.unimplemented("ResourceApplier.create")
    }

    /// Upgrade/rollback: applies `target` (new objects created, existing ones applied), then deletes what is in
    /// `current` but not in `target` (unless the live object says `helm.sh/resource-policy: keep`), in reverse
    /// install order.
    ///
    /// Objects new to the release go through the same ownership check as on install (`unable to continue with
    /// update: ...`) unless `takeOwnership`. With `force`, an object whose apply the cluster rejects as Invalid
    /// (an immutable field) is deleted and created again. `forceConflicts` takes over fields other managers own.
    ///
    /// - Throws: ``ReleaseError``: ``ReleaseError/Code/invalidOperation`` for `force` with `forceConflicts`,
    ///   ``ReleaseError/Code/resourceConflict``, or ``ReleaseError/Code/resourceFailed`` naming every object that
    ///   failed.
    public func update(
        current: [ReleaseResource], target: [ReleaseResource], force: Bool = false, forceConflicts: Bool = false,
        takeOwnership: Bool = false
    ) async throws -> ResourceChanges {
        throw ReleaseError.unimplemented("ResourceApplier.update")
    }

    /// Uninstall: deletes in the given order (callers pass uninstall order), skipping kept ones and already-absent
    /// ones; returns what it deleted and what it kept; errors are collected and thrown once at the end naming each.
    ///
    /// - Throws: ``ReleaseError`` ``ReleaseError/Code/resourceFailed`` listing every delete that failed.
    public func delete(
        _ resources: [ReleaseResource], propagation: DeleteOptions.PropagationPolicy = .background
    ) async throws -> ResourceChanges {
        throw ReleaseError.unimplemented("ResourceApplier.delete")
    }

    /// CRDs from `crds/`: created if absent (never updated or deleted, as Helm), then waits until each is
    /// `Established`.
    ///
    /// - Throws: ``ReleaseError``: ``ReleaseError/Code/resourceFailed`` when a create fails,
    ///   ``ReleaseError/Code/timeout`` naming the first CRD not established within `timeout`.
    public func installCRDs(_ crds: [ReleaseResource], timeout: Duration) async throws {
        throw ReleaseError.unimplemented("ResourceApplier.installCRDs")
    }
}
