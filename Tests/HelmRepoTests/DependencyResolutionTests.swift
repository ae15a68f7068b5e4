import Foundation
import HelmRepo
import Testing

@Suite(.timeLimit(.minutes(1)))
struct DependencyResolutionTests {
    @Test func testResolveDependencies_fileAndRepository_withoutLock() async throws {
        let fixture = RepoFixture()
        _ = try await demoRepository(fixture)
        let work = try makeTemporaryDirectory()
        let parent = try writeChart(name: "parent", version: "0.1.0", in: work)
        let local = try writeChart(name: "localdep", version: "0.3.0", in: work)
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, _ in
                let requests = [
                    DependencyRequest(name: "localdep", version: "~0.3", repository: "file://../localdep"),
                    DependencyRequest(name: "demo", version: "^1.0.0", repository: base, alias: "web"),
                ]
                let resolution = try await client.resolveDependencies(requests, chartDirectory: parent)
                #expect(!resolution.usedLockFile)
                #expect(resolution.dependencies.map(\.version) == ["0.3.0", "1.1.0"])
                #expect(resolution.dependencies[0].source == .directory(path: local))
                guard case .archive(let path) = resolution.dependencies[1].source else {
                    Issue.record("expected an archive")
                    return
                }
                #expect(FileManager.default.fileExists(atPath: path))
                #expect(resolution.dependencies[1].alias == "web")
                #expect(resolution.lock.dependencies.map(\.version) == ["0.3.0", "1.1.0"])
                #expect(resolution.lock.digest.hasPrefix("sha256:"))
            }
        }
    }

    @Test func testResolveDependencies_honoursMatchingLock_andSecondRunCostsNoRequest() async throws {
        let fixture = RepoFixture()
        _ = try await demoRepository(fixture)
        let work = try makeTemporaryDirectory()
        let parent = try writeChart(name: "parent", version: "0.1.0", in: work)
        try await withRepoServer(fixture) { base in
            let requests = [DependencyRequest(name: "demo", version: "^1.0.0", repository: base)]
            let locked = [DependencyLock.Entry(name: "demo", version: "1.0.0", repository: base)]
            let lock = DependencyLock(
                digest: DependencyLock.digest(requested: requests, locked: locked),
                generated: "2026-01-01T00:00:00Z",
                dependencies: locked
            )
            try lock.yaml.write(toFile: parent + "/Chart.lock", atomically: true, encoding: .utf8)
            try await withTestClient { client, _ in
                let first = try await client.resolveDependencies(requests, chartDirectory: parent)
                #expect(first.usedLockFile)
                #expect(first.dependencies.map(\.version) == ["1.0.0"])  // not the newer 1.1.0
                let before = await fixture.totalRequests
                let second = try await client.resolveDependencies(requests, chartDirectory: parent)
                #expect(second.dependencies == first.dependencies)
                #expect(await fixture.totalRequests == before)
            }
        }
    }

    @Test func testResolveDependencies_lockOutOfSync() async throws {
        let work = try makeTemporaryDirectory()
        let parent = try writeChart(name: "parent", version: "0.1.0", in: work)
        let lock = DependencyLock(
            digest: "sha256:0000",
            dependencies: [.init(name: "demo", version: "1.0.0", repository: "https://example.invalid")]
        )
        try lock.yaml.write(toFile: parent + "/Chart.lock", atomically: true, encoding: .utf8)
        try await withTestClient { client, _ in
            let error = await #expect(throws: RepoError.self) {
                try await client.resolveDependencies(
                    [DependencyRequest(name: "demo", version: "^1", repository: "https://example.invalid")],
                    chartDirectory: parent
                )
            }
            #expect(error?.code == .lockOutOfSync)
            #expect(error?.message.hasPrefix("the lock file (Chart.lock) is out of sync") == true)
        }
    }

    @Test(arguments: ["@stable", "stable", "oci://registry.example.com/charts"])
    func testResolveDependencies_unsupportedRepository(repository: String) async throws {
        let work = try makeTemporaryDirectory()
        try await withTestClient { client, _ in
            let error = await #expect(throws: RepoError.self) {
                try await client.resolveDependencies(
                    [DependencyRequest(name: "x", version: "1.0.0", repository: repository)],
                    chartDirectory: work
                )
            }
            #expect(error?.code == .unsupportedRepository)
            #expect(error?.message.contains(repository) == true)
        }
    }

    @Test func testResolveDependencies_localVersionOutOfRange_listsMissing() async throws {
        let work = try makeTemporaryDirectory()
        let parent = try writeChart(name: "parent", version: "0.1.0", in: work)
        try writeChart(name: "localdep", version: "0.3.0", in: work)
        try await withTestClient { client, _ in
            let error = await #expect(throws: RepoError.self) {
                try await client.resolveDependencies(
                    [DependencyRequest(name: "localdep", version: "^1", repository: "file://../localdep")],
                    chartDirectory: parent
                )
            }
            #expect(error?.code == .dependency)
            #expect(
                error?.message.hasPrefix(
                    #"can't get a valid version for 1 subchart(s): "localdep" (repository "file://../localdep", version "^1")"#
                ) == true
            )
        }
    }

    @Test func testResolveDependencies_missingLocalDirectory() async throws {
        let work = try makeTemporaryDirectory()
        try await withTestClient { client, _ in
            let error = await #expect(throws: RepoError.self) {
                try await client.resolveDependencies(
                    [DependencyRequest(name: "gone", version: "1.0.0", repository: "file://gone")],
                    chartDirectory: work
                )
            }
            #expect(error?.message == "directory \(work)/gone not found")
        }
    }

    @Test func testResolveDependencies_chartAlreadyInChartsDirectory() async throws {
        let work = try makeTemporaryDirectory()
        let parent = try writeChart(name: "parent", version: "0.1.0", in: work)
        let vendored = try writeChart(name: "sub", version: "2.0.0", in: parent + "/charts")
        try await withTestClient { client, _ in
            let resolution = try await client.resolveDependencies(
                [DependencyRequest(name: "sub", version: "^2", repository: "")],
                chartDirectory: parent
            )
            // Helm locks such a dependency with the constraint as written.
            #expect(resolution.dependencies.map(\.version) == ["^2"])
            #expect(resolution.dependencies.first?.source == .directory(path: vendored))
        }
    }

    @Test func testResolveDependencies_invalidConstraint() async throws {
        let work = try makeTemporaryDirectory()
        try await withTestClient { client, _ in
            let error = await #expect(throws: RepoError.self) {
                try await client.resolveDependencies(
                    [DependencyRequest(name: "x", version: "foo bar", repository: "https://example.invalid")],
                    chartDirectory: work
                )
            }
            #expect(error?.code == .invalidConstraint)
            #expect(
                error?.message
                    == #"dependency "x" has an invalid version/constraint format: improper constraint: "foo bar""#
            )
        }
    }
}
