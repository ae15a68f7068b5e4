import HelmRelease
import Testing

struct MemoryReleaseDriverTests {
    @Test func testCreate_thenGet() async throws {
        let driver = MemoryReleaseDriver()
        let release = makeRelease("web", version: 1, status: .deployed)
        try await driver.create(release)
        #expect(try await driver.get(ReleaseKey(name: "web", version: 1), namespace: "ns") == release)
        #expect(driver.name == "Memory")
    }

    @Test func testCreate_existingKeyFailsAndKeepsRecord() async throws {
        let driver = MemoryReleaseDriver()
        try await driver.create(makeRelease("web", version: 1, status: .deployed))
        await #expect(throws: ReleaseError(code: .alreadyExists, message: "")) {
            try await driver.create(makeRelease("web", version: 1, status: .failed))
        }
        #expect(try await driver.get(ReleaseKey(name: "web", version: 1), namespace: "ns").status == .deployed)
    }

    @Test func testGet_missingIsNotFound() async {
        await #expect(throws: ReleaseError(code: .notFound, message: "")) {
            try await MemoryReleaseDriver().get(ReleaseKey(name: "web", version: 1), namespace: "ns")
        }
    }

    @Test func testUpdate_replacesAndRelabels() async throws {
        let driver = MemoryReleaseDriver()
        try await driver.create(makeRelease("web", version: 1, status: .pendingInstall))
        try await driver.update(makeRelease("web", version: 1, status: .deployed))
        #expect(await driver.list(namespace: "ns", labels: ["status": "pending-install"]).isEmpty)
        #expect(await driver.list(namespace: "ns", labels: ["status": "deployed"]).count == 1)
    }

    @Test func testUpdate_missingIsNotFound() async {
        await #expect(throws: ReleaseError(code: .notFound, message: "")) {
            try await MemoryReleaseDriver().update(makeRelease("web", version: 1, status: .deployed))
        }
    }

    @Test func testDelete_returnsRecordAndRemovesIt() async throws {
        let driver = MemoryReleaseDriver()
        try await driver.create(makeRelease("web", version: 1, status: .deployed))
        let deleted = try await driver.delete(ReleaseKey(name: "web", version: 1), namespace: "ns")
        #expect(deleted.version == 1)
        await #expect(throws: ReleaseError(code: .notFound, message: "")) {
            try await driver.delete(ReleaseKey(name: "web", version: 1), namespace: "ns")
        }
    }

    @Test func testList_filtersByLabelsAndNamespace() async throws {
        let driver = MemoryReleaseDriver()
        var labelled = makeRelease("web", version: 2, status: .deployed)
        labelled.labels = ["team": "blue"]
        try await driver.create(makeRelease("web", version: 1, status: .superseded))
        try await driver.create(labelled)
        try await driver.create(makeRelease("db", version: 1, status: .deployed))
        try await driver.create(makeRelease("web", version: 1, status: .deployed, namespace: "other"))

        #expect(await driver.list(namespace: "ns", labels: ["name": "web"]).map(\.version) == [1, 2])
        #expect(await driver.list(namespace: "ns", labels: ["team": "blue"]).map(\.version) == [2])
        #expect(
            await driver.list(namespace: "ns", labels: ["owner": "helm", "status": "deployed"]).map(\.name) == [
                "db", "web",
            ])
        #expect(
            await driver.list(namespace: nil, labels: ["name": "web"]).map(\.namespace) == ["ns", "ns", "other"])
        #expect(await driver.list(namespace: "none", labels: [:]).isEmpty)
    }

    @Test func testCreate_emptyNamespaceMeansDefault() async throws {
        let driver = MemoryReleaseDriver()
        try await driver.create(makeRelease("web", version: 1, status: .deployed, namespace: ""))
        #expect(try await driver.get(ReleaseKey(name: "web", version: 1), namespace: "default").name == "web")
    }
}
