import Foundation
public import KubeAPI

/// Reads and writes the ``Inventory`` as Secrets in the agent's namespace.
///
/// The first Secret, named ``name``, holds the sync marker (`revision`), the last ``SyncResult`` summary
/// (`result`), the shard count (`shards`) and the first part of the inventory (`inventory`). An inventory larger
/// than ``shardBytes`` continues in Secrets named `NAME-2`, `NAME-3`, ..., so no object comes near the API
/// server's 1 MiB limit (about 5,000 objects fit in one shard). Shards are written before the first Secret and
/// stale ones deleted after it, so a reader never sees a shard count whose shards are missing.
///
/// Why a Secret and not a ConfigMap: the inventory holds a digest of every applied object, Secrets included,
/// and a digest of a short secret value can be guessed offline. Kubernetes' aggregated `view` role grants reading
/// ConfigMaps but not Secrets, so a Secret keeps the digests as private as the objects themselves.
public struct InventoryStore: Sendable {
    /// The client.
    public var client: KubeClient
    /// The namespace of the Secrets (the agent's namespace).
    public var namespace: String
    /// The first Secret's name.
    public var name: String
    /// The field manager the Secrets are applied with.
    public var fieldManager: String
    /// Most inventory bytes one Secret holds. Default: ``defaultShardBytes``.
    public var shardBytes: Int

    /// 700 KiB of text is about 933 KiB in base64, under the API server's 1 MiB object limit.
    public static let defaultShardBytes = 700 * 1024

    /// Creates a store; every parameter after `name` has the default listed on its property.
    public init(
        client: KubeClient, namespace: String, name: String, fieldManager: String = "fluxhelm",
        shardBytes: Int = InventoryStore.defaultShardBytes
    ) {
        self.client = client
        self.namespace = namespace
        self.name = name
        self.fieldManager = fieldManager
        self.shardBytes = shardBytes
    }

    /// The first Secret's key, which events about syncs are recorded on.
    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    /// Loads the inventory; an empty one when none is stored yet.
    ///
    /// - Returns: the inventory and the number of Secrets it was stored in (0 when none).
    /// - Throws: ``AgentError/Code/inventory`` when a Secret cannot be read or does not decode; the sync must not
    ///   go on then, since prune would not know what the agent owns.
    public func load() async throws(AgentError) -> (inventory: Inventory, shards: Int) {
        let first: KubeObject
        do {
            first = try await client.get(.secret, key)
        } catch let error as KubeAPIError where error.code == .notFound {
            return (Inventory(), 0)
        } catch {
            throw .inventory("cannot read the inventory Secret \(key)", cause: error)
        }
        var inventory = Inventory(
            revision: Self.string(first, "revision") ?? "", result: Self.string(first, "result") ?? "")
        let shards = Int(Self.string(first, "shards") ?? "1") ?? 1
        guard inventory.add(chunk: Self.string(first, "inventory") ?? "") else {
            throw .inventory("the inventory Secret \(key) holds a line that is not an entry")
        }
        if shards > 1 {
            for index in 2...shards {
                let shardKey = ObjectKey(namespace: namespace, name: "\(name)-\(index)")
                let shard: KubeObject
                do {
                    shard = try await client.get(.secret, shardKey)
                } catch {
                    throw .inventory("cannot read inventory shard \(shardKey) (\(index) of \(shards))", cause: error)
                }
                guard inventory.add(chunk: Self.string(shard, "inventory") ?? "") else {
                    throw .inventory("the inventory shard \(shardKey) holds a line that is not an entry")
                }
            }
        }
        return (inventory, shards)
    }

    /// Stores the inventory and the sync result.
    ///
    /// - Parameters:
    ///   - inventory: what to store, with the sync result summary.
    ///   - previousShards: how many Secrets the inventory used before; extra ones are deleted.
    /// - Returns: the first Secret as stored (for recording events on it).
    @discardableResult
    public func save(_ inventory: Inventory, previousShards: Int) async throws(AgentError)
        -> KubeObject
    {
        let chunks = inventory.chunks(limit: shardBytes)
        do {
            for (index, chunk) in chunks.enumerated().dropFirst() {
                _ = try await apply(name: "\(name)-\(index + 1)", data: ["inventory": chunk])
            }
            let stored = try await apply(
                name: name,
                data: [
                    "revision": inventory.revision, "result": inventory.result, "shards": String(chunks.count),
                    "inventory": chunks[0],
                ])
            if previousShards > chunks.count {
                for index in (chunks.count + 1)...previousShards {
                    _ = try? await client.delete(.secret, ObjectKey(namespace: namespace, name: "\(name)-\(index)"))
                }
            }
            return stored
        } catch {
            throw .inventory("cannot write the inventory Secret \(key)", cause: error)
        }
    }

    private func apply(name: String, data: [String: String]) async throws -> KubeObject {
        var secret = KubeObject(.secret, key: ObjectKey(namespace: namespace, name: name))
        secret["type"] = "fluxhelm.io/sync-inventory"
        secret.labels = ["app.kubernetes.io/managed-by": "fluxhelm"]
        secret["data"] = .object(data.mapValues { .string(Data($0.utf8).base64EncodedString()) })
        return try await client.apply(secret, fieldManager: fieldManager, force: true)
    }

    private static func string(_ secret: KubeObject, _ key: String) -> String? {
        guard let encoded = secret["data", key]?.stringValue, let data = Data(base64Encoded: encoded) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }
}
