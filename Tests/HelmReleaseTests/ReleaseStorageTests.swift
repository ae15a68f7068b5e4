import HelmRelease
import Testing

struct ReleaseStorageTests {
    /// Stores revisions 1...statuses.count with the given statuses, without pruning.
    private func seeded(_ statuses: [ReleaseStatus], maxHistory: Int) async throws -> ReleaseStorage {
        let driver = MemoryReleaseDriver()
        for (index, status) in statuses.enumerated() {
            try await driver.create(makeRelease("web", version: index + 1, status: status))
        }
        return ReleaseStorage(driver: driver, maxHistory: maxHistory)
    }

    private func versions(_ storage: ReleaseStorage) async throws -> [Int] {
        try await storage.history(name: "web", namespace: "ns").map(\.version)
    }

    @Test func testHistory_sortedOldestFirst() async throws {
        let driver = MemoryReleaseDriver()
        for version in [3, 1, 2] { try await driver.create(makeRelease("web", version: version, status: .superseded)) }
        try await driver.create(makeRelease("db", version: 9, status: .deployed))
        let storage = ReleaseStorage(driver: driver)
        #expect(try await versions(storage) == [1, 2, 3])
        #expect(try await storage.last(name: "web", namespace: "ns").version == 3)
    }

    @Test func testLast_noRevisionsIsNotFound() async {
        let storage = ReleaseStorage(driver: MemoryReleaseDriver())
        await #expect(throws: ReleaseError(code: .notFound, message: "")) {
            try await storage.last(name: "web", namespace: "ns")
        }
    }

    @Test func testDeployed_returnsHighestDeployed() async throws {
        let storage = try await seeded([.superseded, .deployed, .failed], maxHistory: 0)
        #expect(try await storage.deployed(name: "web", namespace: "ns").version == 2)
        #expect(try await storage.last(name: "web", namespace: "ns").status == .failed)
    }

    @Test func testDeployed_noneDeployedIsError() async throws {
        let storage = try await seeded([.failed], maxHistory: 0)
        await #expect(throws: ReleaseError(code: .noDeployedRelease, message: "")) {
            try await storage.deployed(name: "web", namespace: "ns")
        }
    }

    @Test func testCreate_prunesOldestToMaxHistory() async throws {
        let storage = try await seeded([.superseded, .superseded, .superseded, .deployed], maxHistory: 3)
        try await storage.create(makeRelease("web", version: 5, status: .pendingUpgrade))
        #expect(try await versions(storage) == [3, 4, 5])
    }

    @Test func testCreate_pruningNeverDeletesTheDeployedRevision() async throws {
        // Revision 2 is the deployed one; 3-5 failed upgrades after it.
        let storage = try await seeded([.superseded, .deployed, .failed, .failed, .failed], maxHistory: 3)
        try await storage.create(makeRelease("web", version: 6, status: .pendingUpgrade))
        #expect(try await versions(storage) == [2, 5, 6])
        #expect(try await storage.deployed(name: "web", namespace: "ns").version == 2)
    }

    @Test func testCreate_maxHistoryOneKeepsDeployedAndNew() async throws {
        let storage = try await seeded([.superseded, .deployed], maxHistory: 1)
        try await storage.create(makeRelease("web", version: 3, status: .pendingUpgrade))
        #expect(try await versions(storage) == [2, 3])
    }

    @Test func testCreate_maxHistoryZeroKeepsEverything() async throws {
        let storage = try await seeded(Array(repeating: .superseded, count: 12), maxHistory: 0)
        try await storage.create(makeRelease("web", version: 13, status: .deployed))
        #expect(try await versions(storage) == Array(1...13))
    }

    @Test func testCreate_existingRevisionIsNotOverwritten() async throws {
        let storage = try await seeded([.deployed], maxHistory: 10)
        await #expect(throws: ReleaseError(code: .alreadyExists, message: "")) {
            try await storage.create(makeRelease("web", version: 1, status: .failed))
        }
        #expect(try await storage.get(name: "web", version: 1, namespace: "ns").status == .deployed)
    }

    @Test func testCreate_rejectsInvalidRelease() async {
        let storage = ReleaseStorage(driver: MemoryReleaseDriver())
        await #expect(throws: ReleaseError(code: .invalidRelease, message: "")) {
            try await storage.create(makeRelease("", version: 1, status: .deployed))
        }
        await #expect(throws: ReleaseError(code: .invalidRelease, message: "")) {
            try await storage.create(makeRelease("web", version: 0, status: .deployed))
        }
    }

    @Test func testLatestRevisions_onePerRelease() async throws {
        let driver = MemoryReleaseDriver()
        try await driver.create(makeRelease("web", version: 1, status: .superseded))
        try await driver.create(makeRelease("web", version: 2, status: .deployed))
        try await driver.create(makeRelease("db", version: 1, status: .failed, namespace: "other"))
        let storage = ReleaseStorage(driver: driver)
        let latest = try await storage.latestRevisions(namespace: nil)
        #expect(latest.map(\.name) == ["db", "web"])
        #expect(latest.map(\.version) == [1, 2])
        #expect(try await storage.latestRevisions(namespace: "ns").map(\.name) == ["web"])
    }
}
