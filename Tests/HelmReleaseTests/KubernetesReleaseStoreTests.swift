import KubeAPI
import KubeTestServer
import Testing

@testable import HelmRelease

/// The Kubernetes-backed record and lease stores against KubeTestServer.
struct KubernetesReleaseStoreTests {
    /// Runs `body` with a client for a fresh KubeTestServer that has namespace `ns`.
    private func withCluster(_ body: (KubeClient) async throws -> Void) async throws {
        try await KubeTestServer.withServer { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            try await withKubeClient(config: config) { client in
                _ = try await client.create(
                    KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "ns"]])
                )
                try await body(client)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: [ReleaseRecord.Kind.secret, .configMap])
    func testRecordDriver_storesHelmsObjectsInTheCluster(_ kind: ReleaseRecord.Kind) async throws {
        try await withCluster { client in
            let clock = ManualWallClock(.at("2026-11-20T23:55:08Z"))
            let records = KubernetesReleaseRecordStore(client: client, kind: kind)
            let storage = ReleaseStorage(driver: RecordReleaseDriver(records: records, clock: clock), maxHistory: 2)
            var first = makeRelease("web", version: 1, status: .deployed)
            first.labels = ["team": "blue"]
            try await storage.create(first)
            try await storage.create(makeRelease("web", version: 2, status: .pendingUpgrade))
            first.info?.status = .superseded
            try await storage.update(first)

            // The stored object is what Helm writes: name, type, labels, data.release.
            let object = try await client.get(
                GroupVersionKind(group: "", version: "v1", kind: kind.rawValue),
                ObjectKey(namespace: "ns", name: "sh.helm.release.v1.web.v1")
            )
            #expect(object.labels["owner"] == "helm" && object.labels["status"] == "superseded")
            #expect(object.labels["team"] == "blue" && object.labels["modifiedAt"] == "1795218908")
            #expect(object.json["type"]?.stringValue == (kind == .secret ? "helm.sh/release.v1" : nil))

            #expect(
                try await storage.history(name: "web", namespace: "ns").map(\.status) == [.superseded, .pendingUpgrade])
            #expect(try await storage.get(name: "web", version: 1, namespace: "ns").labels == ["team": "blue"])
            await #expect(throws: ReleaseError(code: .alreadyExists, message: "")) {
                try await storage.driver.create(makeRelease("web", version: 2, status: .failed))
            }
            // Pruning to two revisions deletes revision 1 (revision 3 is new, nothing is deployed).
            try await storage.create(makeRelease("web", version: 3, status: .pendingUpgrade))
            #expect(try await storage.history(name: "web", namespace: "ns").map(\.version) == [2, 3])
            #expect(try await records.get(name: "sh.helm.release.v1.web.v1", namespace: "ns") == nil)
            await #expect(throws: ReleaseError(code: .notFound, message: "")) {
                try await records.delete(name: "sh.helm.release.v1.web.v1", namespace: "ns")
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testRecordDriver_readsHelmsRecordFromTheCluster() async throws {
        try await withCluster { client in
            let helm = try Fixtures.record("helm-secret-rel-v2.json")
            try await KubernetesReleaseRecordStore(client: client, kind: .secret).create(helm)
            let driver = RecordReleaseDriver(records: KubernetesReleaseRecordStore(client: client, kind: .secret))
            let release = try await driver.get(ReleaseKey(name: "rel", version: 2), namespace: "ns")
            #expect(release == (try helm.release()))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testLeaseStore_twoProcessesOneWinsThenTakeOver() async throws {
        try await withCluster { client in
            let clock = ManualWallClock(.at("2026-01-01T00:00:00.123456789Z"))
            let store = KubernetesReleaseLeaseStore(client: client)
            let a = ReleaseLock(store: store, identity: "a", clock: clock)
            let b = ReleaseLock(store: store, identity: "b", clock: clock)
            let (held, _) = try await a.acquire(release: "web", namespace: "ns")
            #expect(held.holderIdentity == "a" && held.resourceVersion != nil)
            await #expect(throws: ReleaseError(code: .locked, message: "")) {
                try await b.acquire(release: "web", namespace: "ns")
            }
            let lease = try await client.get(
                KubernetesReleaseLeaseStore.gvk, ObjectKey(namespace: "ns", name: "fluxhelm-release-web"))
            #expect(lease.json["spec", "holderIdentity"]?.stringValue == "a")
            #expect(lease.json["spec", "leaseDurationSeconds"]?.intValue == 60)
            #expect(lease.json["spec", "renewTime"]?.stringValue == "2026-01-01T00:00:00.123456Z")

            clock.advance(.seconds(20))
            try await a.renew(release: "web", namespace: "ns")
            clock.advance(.seconds(81))
            let (taken, previous) = try await b.acquire(release: "web", namespace: "ns")
            #expect(taken.holderIdentity == "b" && taken.leaseTransitions == 1 && previous?.holderIdentity == "a")
            await #expect(throws: ReleaseError(code: .locked, message: "")) {
                try await a.renew(release: "web", namespace: "ns")
            }
            try await b.release(release: "web", namespace: "ns")
            #expect(try await store.get(release: "web", namespace: "ns")?.holderIdentity == nil)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testBeginOperation_recoversInterruptedUpgradeInTheCluster() async throws {
        try await withCluster { client in
            let clock = ManualWallClock()
            let leases = KubernetesReleaseLeaseStore(client: client)
            let records = KubernetesReleaseRecordStore(client: client, kind: .secret)
            let storage = ReleaseStorage(driver: RecordReleaseDriver(records: records, clock: clock))
            try await storage.create(makeRelease("web", version: 1, status: .deployed, written: clock.now()))
            // Process a starts an upgrade and is killed after recording pending-upgrade.
            let a = ReleaseLock(store: leases, identity: "a", clock: clock)
            _ = try await a.beginOperation(release: "web", namespace: "ns", storage: storage)
            try await storage.create(makeRelease("web", version: 2, status: .pendingUpgrade, written: clock.now()))

            clock.advance(.seconds(61))
            let b = ReleaseLock(store: leases, identity: "b", clock: clock)
            let start = try await b.beginOperation(release: "web", namespace: "ns", storage: storage)
            #expect(start.recovered?.version == 2)
            let stored = try await storage.get(name: "web", version: 2, namespace: "ns")
            #expect(stored.status == .failed)
            #expect(stored.info?.description.hasPrefix("interrupted: pending-upgrade left by a") == true)
            let secret = try await records.get(name: "sh.helm.release.v1.web.v2", namespace: "ns")
            #expect(secret?.labels["status"] == "failed")
            #expect(try await storage.deployed(name: "web", namespace: "ns").version == 1)
        }
    }
}
