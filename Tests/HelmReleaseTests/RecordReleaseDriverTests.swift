import HelmRelease
import Testing

struct RecordReleaseDriverTests {
    let clock = ManualWallClock(.at("2026-11-20T23:55:08Z"))

    private func driver(_ kind: ReleaseRecord.Kind) -> (RecordReleaseDriver, MemoryReleaseRecordStore) {
        let store = MemoryReleaseRecordStore(kind: kind)
        return (RecordReleaseDriver(records: store, clock: clock), store)
    }

    @Test(arguments: [ReleaseRecord.Kind.secret, .configMap])
    func testCreate_writesHelmsObject(_ kind: ReleaseRecord.Kind) async throws {
        let (driver, store) = driver(kind)
        var release = makeRelease("web", version: 1, status: .pendingInstall)
        release.labels = ["team": "blue"]
        try await driver.create(release)
        let record = try #require(await store.get(name: "sh.helm.release.v1.web.v1", namespace: "ns"))
        #expect(record.kind == kind)
        #expect(
            record.labels == [
                "createdAt": "1795218908", "name": "web", "owner": "helm", "status": "pending-install", "version": "1",
                "team": "blue",
            ]
        )
        #expect(try await driver.get(ReleaseKey(name: "web", version: 1), namespace: "ns") == release)
        #expect(driver.name == kind.rawValue)
    }

    @Test func testUpdate_labelsModifiedAtAndDropsCreatedAt() async throws {
        // Helm's Update builds a fresh object: modifiedAt, no createdAt.
        let (driver, store) = driver(.secret)
        try await driver.create(makeRelease("web", version: 1, status: .pendingInstall))
        clock.advance(.seconds(10))
        try await driver.update(makeRelease("web", version: 1, status: .deployed))
        let record = try #require(await store.get(name: "sh.helm.release.v1.web.v1", namespace: "ns"))
        #expect(record.labels["modifiedAt"] == "1795218918")
        #expect(record.labels["createdAt"] == nil)
        #expect(record.labels["status"] == "deployed")
    }

    @Test func testCreate_existingIsAlreadyExists() async throws {
        let (driver, _) = driver(.secret)
        try await driver.create(makeRelease("web", version: 1, status: .deployed))
        await #expect(throws: ReleaseError(code: .alreadyExists, message: "")) {
            try await driver.create(makeRelease("web", version: 1, status: .deployed))
        }
    }

    @Test func testGet_readsHelmsOwnRecord() async throws {
        let (driver, store) = driver(.secret)
        await store.put(try Fixtures.record("helm-secret-rel-v2.json"))
        let release = try await driver.get(ReleaseKey(name: "rel", version: 2), namespace: "ns")
        #expect(release.status == .deployed && release.labels == ["team": "blue"])
    }

    @Test func testGet_corruptedRecordIsErrorNamingIt() async throws {
        let (driver, store) = driver(.secret)
        await store.put(corrupted(version: 2))
        let error = await #expect(throws: ReleaseError.self) {
            try await driver.get(ReleaseKey(name: "web", version: 2), namespace: "ns")
        }
        #expect(error?.code == .corruptedRecord)
        #expect(error?.description.contains("sh.helm.release.v1.web.v2") == true)
    }

    @Test func testList_skipsCorruptedRecordAndKeepsOthers() async throws {
        let (driver, store) = driver(.secret)
        try await driver.create(makeRelease("web", version: 1, status: .deployed))
        await store.put(corrupted(version: 2))
        let storage = ReleaseStorage(driver: driver)
        #expect(try await storage.history(name: "web", namespace: "ns").map(\.version) == [1])
        // The corrupted record is not lost: it is still there, and a new revision 2 cannot overwrite it.
        await #expect(throws: ReleaseError(code: .alreadyExists, message: "")) {
            try await driver.create(makeRelease("web", version: 2, status: .pendingUpgrade))
        }
        #expect(await store.get(name: "sh.helm.release.v1.web.v2", namespace: "ns") != nil)
    }

    @Test func testDelete_returnsReleaseAndRemovesObject() async throws {
        let (driver, store) = driver(.configMap)
        try await driver.create(makeRelease("web", version: 1, status: .deployed))
        #expect(try await driver.delete(ReleaseKey(name: "web", version: 1), namespace: "ns").version == 1)
        #expect(await store.get(name: "sh.helm.release.v1.web.v1", namespace: "ns") == nil)
        await #expect(throws: ReleaseError(code: .notFound, message: "")) {
            try await driver.delete(ReleaseKey(name: "web", version: 1), namespace: "ns")
        }
    }

    @Test func testStorage_prunesThroughRecords() async throws {
        let (driver, store) = driver(.secret)
        let storage = ReleaseStorage(driver: driver, maxHistory: 2)
        try await storage.create(makeRelease("web", version: 1, status: .superseded))
        try await storage.create(makeRelease("web", version: 2, status: .deployed))
        try await storage.create(makeRelease("web", version: 3, status: .pendingUpgrade))
        #expect(
            await store.list(namespace: "ns", labels: ["name": "web"]).map(\.name) == [
                "sh.helm.release.v1.web.v2", "sh.helm.release.v1.web.v3",
            ])
    }

    private func corrupted(version: Int) -> ReleaseRecord {
        ReleaseRecord(
            kind: .secret, name: "sh.helm.release.v1.web.v\(version)", namespace: "ns",
            labels: ["name": "web", "owner": "helm", "status": "deployed", "version": "\(version)"],
            body: "H4sI-not-base64"
        )
    }
}
