/// Keeps leases in memory with resource versions, like an API server; for tests and single-process use.
public actor MemoryReleaseLeaseStore: ReleaseLeaseStore {
    private var leases: [String: ReleaseLease] = [:]
    private var lastVersion = 0

    /// Creates an empty store.
    public init() {}

    private static func id(_ release: String, _ namespace: String) -> String { namespace + "/" + release }

    /// The stored lease, if any.
    public func get(release: String, namespace: String) -> ReleaseLease? {
        leases[Self.id(release, namespace)]
    }

    /// Creates a lease; a conflict if one exists.
    public func create(_ lease: ReleaseLease) throws -> ReleaseLease {
        let id = Self.id(lease.release, lease.namespace)
        guard leases[id] == nil else {
            throw ReleaseError.conflict("lease \(ReleaseLease.objectName(release: lease.release)) already exists")
        }
        return store(lease, id: id)
    }

    /// Replaces a lease if its resource version matches.
    public func update(_ lease: ReleaseLease) throws -> ReleaseLease {
        let id = Self.id(lease.release, lease.namespace)
        guard let current = leases[id], current.resourceVersion == lease.resourceVersion else {
            throw ReleaseError.conflict(
                "lease \(ReleaseLease.objectName(release: lease.release)) changed since it was read"
            )
        }
        return store(lease, id: id)
    }

    /// Deletes a lease if its resource version matches; nothing if it is absent.
    public func delete(_ lease: ReleaseLease) throws {
        let id = Self.id(lease.release, lease.namespace)
        guard let current = leases[id] else { return }
        guard current.resourceVersion == lease.resourceVersion else {
            throw ReleaseError.conflict(
                "lease \(ReleaseLease.objectName(release: lease.release)) changed since it was read")
        }
        leases[id] = nil
    }

    private func store(_ lease: ReleaseLease, id: String) -> ReleaseLease {
        lastVersion += 1
        var stored = lease
        stored.resourceVersion = String(lastVersion)
        leases[id] = stored
        return stored
    }
}
