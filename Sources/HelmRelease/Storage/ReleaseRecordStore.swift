/// Where encoded release records live as Kubernetes objects: Secrets or ConfigMaps of one kind.
///
/// ``RecordReleaseDriver`` implements Helm's Secret and ConfigMap drivers on top of this seam; the
/// Kubernetes-backed store is a thin adapter over the API client, and ``MemoryReleaseRecordStore`` serves tests.
/// Stores throw ``ReleaseError``: `.alreadyExists` on create, `.notFound` on update or delete of a missing object,
/// `.storage` for other failures.
public protocol ReleaseRecordStore: Sendable {
    /// The kind of object the store keeps.
    var kind: ReleaseRecord.Kind { get }

    /// The record named `name` in `namespace`, or nil if there is none.
    func get(name: String, namespace: String) async throws -> ReleaseRecord?

    /// Records whose labels include all of `labels`; `namespace` nil lists all namespaces.
    func list(namespace: String?, labels: [String: String]) async throws -> [ReleaseRecord]

    /// Creates the object. - Throws: `.alreadyExists` if it exists.
    func create(_ record: ReleaseRecord) async throws

    /// Replaces the object. - Throws: `.notFound` if it does not exist.
    func update(_ record: ReleaseRecord) async throws

    /// Deletes the object. - Throws: `.notFound` if it does not exist.
    func delete(name: String, namespace: String) async throws
}
