/// Where release leases live: `coordination.k8s.io/v1` Leases in the cluster, or memory in tests.
///
/// Writes use optimistic concurrency: ``update(_:)`` succeeds only if the stored lease still has the
/// `resourceVersion` the caller read, so of two processes racing for a lease exactly one wins.
public protocol ReleaseLeaseStore: Sendable {
    /// The lease of `release`, or nil if none exists.
    func get(release: String, namespace: String) async throws -> ReleaseLease?

    /// Creates a lease and returns it as stored (with its resource version).
    /// - Throws: ``ReleaseError/Code/conflict`` if one exists already.
    func create(_ lease: ReleaseLease) async throws -> ReleaseLease

    /// Replaces a lease whose stored resource version equals `lease.resourceVersion`; returns it as stored.
    /// - Throws: ``ReleaseError/Code/conflict`` if it changed since it was read, or no longer exists.
    func update(_ lease: ReleaseLease) async throws -> ReleaseLease

    /// Deletes a lease whose stored resource version equals `lease.resourceVersion`; an absent lease is not an error.
    /// - Throws: ``ReleaseError/Code/conflict`` if it changed since it was read.
    func delete(_ lease: ReleaseLease) async throws
}
