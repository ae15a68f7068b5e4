import KubeAPI
import KubeController
import KubeTestServer
import Testing

@Suite(.timeLimit(.minutes(1)))
struct FinalizerTests {
    @Test func testKubeObjectFinalizers_addRemoveHas() {
        var object = KubeObject.configMap("ns", "x")
        #expect(!object.hasFinalizer("a"))
        let results = [
            object.addFinalizer("a"), object.addFinalizer("a"), object.addFinalizer("b"),
        ]
        #expect(results == [true, false, true])
        #expect(object.finalizers == ["a", "b"])
        #expect(object.hasFinalizer("a"))
        let removed = [object.removeFinalizer("a"), object.removeFinalizer("a")]
        #expect(removed == [true, false])
        #expect(object.finalizers == ["b"])
        #expect(!object.isBeingDeleted)
    }

    @Test func testAddFinalizer_fromAStaleCopy_keepsFinalizersOthersAdded() async throws {
        try await withTestServer { server, client in
            var original = KubeObject.configMap("ns", "x")
            original.finalizers = ["other.io/a"]
            let stale = try await client.create(original)
            // Another controller adds its finalizer after our read.
            _ = try await client.patch(
                .configMap, stale.key, patch: .merge(["metadata": ["finalizers": ["other.io/a", "other.io/b"]]]))
            let updated = try await client.addFinalizer("fluxhelm.io/finalizer", to: stale)
            #expect(updated.finalizers == ["other.io/a", "other.io/b", "fluxhelm.io/finalizer"])
            let stored = try await client.get(.configMap, stale.key)
            #expect(stored.finalizers == ["other.io/a", "other.io/b", "fluxhelm.io/finalizer"])
            // Adding again is a no-op without a write.
            let again = try await client.addFinalizer("fluxhelm.io/finalizer", to: stored)
            #expect(again.resourceVersion == stored.resourceVersion)
        }
    }

    @Test func testRemoveFinalizer_keepsOthersAndLetsDeletionFinish() async throws {
        try await withTestServer { server, client in
            var original = KubeObject.configMap("ns", "x")
            original.finalizers = ["fluxhelm.io/finalizer", "other.io/a"]
            let stale = try await client.create(original)
            let deleting = try #require(try await client.delete(.configMap, stale.key))
            #expect(deleting.isBeingDeleted)
            // The stale copy predates the deletion; the helper re-reads on conflict.
            let kept = try #require(try await client.removeFinalizer("fluxhelm.io/finalizer", from: stale))
            #expect(kept.finalizers == ["other.io/a"])
            // Removing the last finalizer lets the API delete the object.
            _ = try await client.removeFinalizer("other.io/a", from: kept)
            await #expect(throws: KubeAPIError(code: .notFound, message: "")) {
                _ = try await client.get(.configMap, stale.key)
            }
            // Nothing left to remove: not an error.
            #expect(try await client.removeFinalizer("other.io/a", from: kept) == nil)
        }
    }
}
