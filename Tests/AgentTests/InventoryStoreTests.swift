import KubeAPI
import Testing

@testable import Agent

struct InventoryStoreTests {
    private func inventory(_ count: Int, revision: String) -> Inventory {
        var inventory = Inventory(revision: revision, result: #"{"applied":1}"#)
        for index in 0..<count {
            let id = ObjectID(group: "", kind: "ConfigMap", namespace: "apps", name: "cm-\(index)")
            inventory.entries[id] = InventoryEntry(
                id: id, apiVersion: "v1", digest: String(repeating: "ab", count: 16),
                origin: ManifestOrigin(file: "dir with space/f\(index).yaml", document: index % 3 + 1))
        }
        return inventory
    }

    @Test(.timeLimit(.minutes(1)))
    func testSaveLoad_largeInventory_isShardedAndStaleShardsAreDeleted() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                // Over 100 bytes per entry: 40 entries do not fit in one 2,000-byte shard.
                let store = InventoryStore(client: client, namespace: "flux", name: "inv", shardBytes: 2_000)
                let big = inventory(40, revision: "c1")
                try await store.save(big, previousShards: 0)
                let (loaded, shards) = try await store.load()
                #expect(shards > 1)
                #expect(loaded == big)
                _ = try await client.get(.secret, ObjectKey(namespace: "flux", name: "inv-\(shards)"))

                let small = inventory(2, revision: "c2")
                try await store.save(small, previousShards: shards)
                let (reloaded, fewer) = try await store.load()
                #expect(fewer == 1 && reloaded == small)
                await #expect(throws: KubeAPIError.self) {
                    _ = try await client.get(.secret, ObjectKey(namespace: "flux", name: "inv-2"))
                }
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testLoad_corruptInventory_isAnInventoryError() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                var secret = KubeObject(.secret, key: ObjectKey(namespace: "flux", name: "inv"))
                secret["data"] = ["inventory": "bm90IGFuIGVudHJ5"]  // "not an entry"
                _ = try await client.create(secret)
                let store = InventoryStore(client: client, namespace: "flux", name: "inv")
                await #expect(throws: AgentError.self) { _ = try await store.load() }
                do {
                    _ = try await store.load()
                } catch let error as AgentError {
                    #expect(error.code == .inventory && error.message.contains("flux/inv"))
                }
            }
        }
    }
}
