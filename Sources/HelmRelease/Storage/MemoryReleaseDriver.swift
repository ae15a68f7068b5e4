/// Keeps release records in memory, with the semantics of Helm's memory driver (`storage/driver.Memory`).
///
/// Use it for tests, dry runs and `--storage memory`. A release with an empty namespace is stored in `default`,
/// as Helm does. Records are kept decoded; nothing is encoded, so it costs no compression.
public actor MemoryReleaseDriver: ReleaseStorageDriver {
    private struct Entry {
        var release: Release
        var labels: [String: String]
    }

    /// namespace → record key → entry.
    private var namespaces: [String: [ReleaseKey: Entry]] = [:]

    /// Creates an empty store.
    public init() {}

    /// `Memory`, as Helm names it.
    public nonisolated var name: String { "Memory" }

    private static func namespace(_ namespace: String) -> String { namespace.isEmpty ? "default" : namespace }

    /// The revision stored under `key`.
    public func get(_ key: ReleaseKey, namespace: String) throws -> Release {
        guard let entry = namespaces[Self.namespace(namespace)]?[key] else {
            throw ReleaseError.notFound(key: key.description)
        }
        return entry.release
    }

    /// Revisions whose labels include `labels`, ordered by namespace, name and revision.
    public func list(namespace: String?, labels: [String: String]) -> [Release] {
        let scopes: [String] = namespace.map { [Self.namespace($0)] } ?? namespaces.keys.sorted()
        var result: [Release] = []
        for scope in scopes {
            let entries = (namespaces[scope] ?? [:]).sorted {
                ($0.key.name, $0.key.version) < ($1.key.name, $1.key.version)
            }
            for (_, entry) in entries where labels.allSatisfy({ entry.labels[$0.key] == $0.value }) {
                result.append(entry.release)
            }
        }
        return result
    }

    /// Stores a new revision; fails with `.alreadyExists` rather than overwrite.
    public func create(_ release: Release) throws {
        let key = ReleaseKey(name: release.name, version: release.version)
        let scope = Self.namespace(release.namespace)
        guard namespaces[scope]?[key] == nil else { throw ReleaseError.alreadyExists(key: key.description) }
        namespaces[scope, default: [:]][key] = Entry(release: release, labels: release.recordLabels)
    }

    /// Replaces a stored revision; fails with `.notFound` if it does not exist.
    public func update(_ release: Release) throws {
        let key = ReleaseKey(name: release.name, version: release.version)
        let scope = Self.namespace(release.namespace)
        guard namespaces[scope]?[key] != nil else { throw ReleaseError.notFound(key: key.description) }
        namespaces[scope]?[key] = Entry(release: release, labels: release.recordLabels)
    }

    /// Deletes a stored revision and returns it.
    public func delete(_ key: ReleaseKey, namespace: String) throws -> Release {
        let scope = Self.namespace(namespace)
        guard let entry = namespaces[scope]?.removeValue(forKey: key) else {
            throw ReleaseError.notFound(key: key.description)
        }
        return entry.release
    }
}
