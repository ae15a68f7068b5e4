public import KubeAPI

/// Release records as Secrets or ConfigMaps in a Kubernetes cluster, through a `KubeClient`.
///
/// Use it with ``RecordReleaseDriver`` for Helm's Secret driver (the default) or ConfigMap driver
/// (`--storage configmap`):
///
/// ```swift
/// let driver = RecordReleaseDriver(records: KubernetesReleaseRecordStore(client: client, kind: .secret))
/// let storage = ReleaseStorage(driver: driver, maxHistory: 10)
/// ```
public struct KubernetesReleaseRecordStore: ReleaseRecordStore {
    /// The client that reaches the cluster.
    public var client: KubeClient
    /// Secrets or ConfigMaps.
    public let kind: ReleaseRecord.Kind

    /// Creates a store of `kind` objects reached through `client`.
    public init(client: KubeClient, kind: ReleaseRecord.Kind) {
        self.client = client
        self.kind = kind
    }

    private var gvk: GroupVersionKind { GroupVersionKind(group: "", version: "v1", kind: kind.rawValue) }

    /// The record, or nil when the object does not exist.
    public func get(name: String, namespace: String) async throws -> ReleaseRecord? {
        do {
            return try Self.record(try await client.get(gvk, ObjectKey(namespace: namespace, name: name)))
        } catch let error as KubeAPIError where error.code == .notFound {
            return nil
        } catch let error as KubeAPIError {
            throw Self.storageError(error, "get \(kind.rawValue) \(namespace)/\(name)")
        }
    }

    /// Records matching `labels` (a label selector), across all namespaces when `namespace` is nil.
    public func list(namespace: String?, labels: [String: String]) async throws -> [ReleaseRecord] {
        let list: KubeObjectList
        do {
            list = try await client.listAll(
                gvk, namespace: namespace ?? "", options: ListOptions(labelSelector: LabelSelector(matchLabels: labels))
            )
        } catch let error as KubeAPIError {
            throw Self.storageError(error, "list \(kind.rawValue) in \(namespace ?? "all namespaces")")
        }
        // An object that is not a record at all (no data.release) is skipped, as Helm skips undecodable records.
        return list.items.compactMap { try? Self.record($0) }
    }

    /// Creates the object. - Throws: `.alreadyExists` if it exists; nothing is overwritten.
    public func create(_ record: ReleaseRecord) async throws {
        // A create carries no resource version (the API server rejects one).
        var record = record
        record.resourceVersion = nil
        do {
            _ = try await client.create(try Self.object(record))
        } catch let error as KubeAPIError where error.code == .alreadyExists {
            throw ReleaseError.alreadyExists(key: record.name)
        } catch let error as KubeAPIError {
            throw Self.storageError(error, "create \(kind.rawValue) \(record.namespace)/\(record.name)")
        }
    }

    /// Replaces the object. - Throws: `.notFound` if it does not exist.
    public func update(_ record: ReleaseRecord) async throws {
        do {
            _ = try await client.update(try Self.object(record))
        } catch let error as KubeAPIError where error.code == .notFound {
            throw ReleaseError.notFound(key: record.name)
        } catch let error as KubeAPIError where error.code == .conflict {
            throw ReleaseError.conflict("release record \(record.name) changed while it was being replaced")
        } catch let error as KubeAPIError {
            throw Self.storageError(error, "update \(kind.rawValue) \(record.namespace)/\(record.name)")
        }
    }

    /// Deletes the object. - Throws: `.notFound` if it does not exist.
    public func delete(name: String, namespace: String) async throws {
        do {
            try await client.delete(gvk, ObjectKey(namespace: namespace, name: name))
        } catch let error as KubeAPIError where error.code == .notFound {
            throw ReleaseError.notFound(key: name)
        } catch let error as KubeAPIError {
            throw Self.storageError(error, "delete \(kind.rawValue) \(namespace)/\(name)")
        }
    }

    // MARK: Conversion (both sides are plain JSON; only strings are involved)

    static func object(_ record: ReleaseRecord) throws -> KubeObject {
        KubeObject(try JSONValue(parsing: record.kubernetesObjectJSON))
    }

    static func record(_ object: KubeObject) throws(ReleaseError) -> ReleaseRecord {
        try ReleaseRecord(kubernetesObjectJSON: object.json.serialized())
    }

    static func storageError(_ error: KubeAPIError, _ action: String) -> ReleaseError {
        ReleaseError(code: .storage, message: "\(action) failed: \(error.message)", cause: error)
    }
}
