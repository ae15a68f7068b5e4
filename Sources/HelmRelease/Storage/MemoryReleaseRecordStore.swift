/// Keeps encoded release records in memory, as an API server would keep the Secrets or ConfigMaps.
///
/// For tests of ``RecordReleaseDriver``: ``put(_:)`` stores any record as is, including corrupted ones.
public actor MemoryReleaseRecordStore: ReleaseRecordStore {
    /// The kind of object kept.
    public nonisolated let kind: ReleaseRecord.Kind
    /// namespace/name → record.
    private var records: [String: ReleaseRecord] = [:]
    private var lastVersion = 0

    /// Creates an empty store of one kind.
    public init(kind: ReleaseRecord.Kind) {
        self.kind = kind
    }

    private static func id(_ name: String, _ namespace: String) -> String { namespace + "/" + name }

    /// Stores `record` as is, replacing any object of that name (a test's back door).
    public func put(_ record: ReleaseRecord) {
        records[Self.id(record.name, record.namespace)] = stamped(record)
    }

    /// The record, or nil.
    public func get(name: String, namespace: String) -> ReleaseRecord? {
        records[Self.id(name, namespace)]
    }

    /// Records whose labels include `labels`, by namespace and name.
    public func list(namespace: String?, labels: [String: String]) -> [ReleaseRecord] {
        records.values
            .filter { namespace == nil || $0.namespace == namespace }
            .filter { record in labels.allSatisfy { record.labels[$0.key] == $0.value } }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    /// Creates the object; `.alreadyExists` if it exists.
    public func create(_ record: ReleaseRecord) throws {
        let id = Self.id(record.name, record.namespace)
        guard records[id] == nil else { throw ReleaseError.alreadyExists(key: record.name) }
        records[id] = stamped(record)
    }

    /// Replaces the object; `.notFound` if missing.
    public func update(_ record: ReleaseRecord) throws {
        let id = Self.id(record.name, record.namespace)
        guard records[id] != nil else { throw ReleaseError.notFound(key: record.name) }
        records[id] = stamped(record)
    }

    /// Deletes the object; `.notFound` if missing.
    public func delete(name: String, namespace: String) throws {
        guard records.removeValue(forKey: Self.id(name, namespace)) != nil else {
            throw ReleaseError.notFound(key: name)
        }
    }

    private func stamped(_ record: ReleaseRecord) -> ReleaseRecord {
        lastVersion += 1
        var stored = record
        stored.resourceVersion = String(lastVersion)
        return stored
    }
}
