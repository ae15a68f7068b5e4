import Foundation
import KubeAPI
import Testing

@testable import Agent

/// A bare repository on disk, pushed to from a work tree, both with the real `git`.
struct GitRepositoryFixture {
    let root: URL
    var bare: String { root.appendingPathComponent("remote.git").path }
    var work: String { root.appendingPathComponent("work").path }
    var cache: String { root.appendingPathComponent("cache").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("agent-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Self.git(["init", "--quiet", "--bare", "--initial-branch=main", bare])
        try Self.git(["init", "--quiet", "--initial-branch=main", work])
        try Self.git(["-C", work, "remote", "add", "origin", bare])
    }

    /// Writes (or with `nil`, removes) files, commits and pushes; returns the commit.
    @discardableResult
    func commit(_ files: [String: String?], message: String = "change") throws -> String {
        for (path, text) in files {
            let url = URL(fileURLWithPath: work).appendingPathComponent(path)
            if let text {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } else {
                try FileManager.default.removeItem(at: url)
            }
        }
        try Self.git(["-C", work, "add", "-A"])
        try Self.git([
            "-C", work, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m",
            message,
        ])
        try Self.git(["-C", work, "push", "--quiet", "origin", "main"])
        return try Self.git(["-C", work, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    static func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFixtureError(arguments: arguments) }
        return String(decoding: data, as: UTF8.self)
    }

    struct GitFixtureError: Error { var arguments: [String] }
}

struct GitMirrorSourceTests {
    @Test(.timeLimit(.minutes(1)))
    func testSnapshot_readsTheBranchHeadUnderThePaths_andCountsCommitsBehind() async throws {
        let repo = try GitRepositoryFixture()
        defer { repo.remove() }
        let first = try repo.commit([
            "releaseconfig/a.yaml": configMap("a", data: ["v": "1"]), "other/b.yaml": configMap("b", data: [:]),
        ])
        let source = try await GitMirrorSource.open(
            url: repo.bare, branch: "main", paths: ["releaseconfig"], cacheDirectory: repo.cache)
        let one = try await source.snapshot()
        #expect(one.revision == first)
        #expect(one.files.map(\.path) == ["releaseconfig/a.yaml"])
        try repo.commit(["releaseconfig/a.yaml": configMap("a", data: ["v": "2"])])
        let third = try repo.commit(["releaseconfig/c.yml": configMap("c", data: [:])])
        let two = try await source.snapshot()
        #expect(two.revision == third)
        #expect(two.files.map(\.path) == ["releaseconfig/a.yaml", "releaseconfig/c.yml"])
        #expect(await source.commitsBetween(first, third) == 2)

        let missing = try await GitMirrorSource.open(
            url: repo.bare, branch: "main", paths: ["nope"], cacheDirectory: repo.cache)
        await #expect(throws: AgentError.self) { _ = try await missing.snapshot() }
        let badBranch = try await GitMirrorSource.open(
            url: repo.bare, branch: "dev", paths: [], cacheDirectory: repo.cache)
        await #expect(throws: AgentError.self) { _ = try await badBranch.snapshot() }
    }

    /// The end-to-end list over a bare repository: add, change, remove with prune, broken file, restart.
    @Test(.timeLimit(.minutes(1)))
    func testSync_fromABareRepository_followsCommits() async throws {
        let repo = try GitRepositoryFixture()
        defer { repo.remove() }
        try await withAgentCluster { cluster in
            let source = try await GitMirrorSource.open(
                url: repo.bare, branch: "main", paths: ["releaseconfig"], cacheDirectory: repo.cache)
            try repo.commit([
                "releaseconfig/a.yaml": configMap("a", data: ["v": "1"]),
                "releaseconfig/b.yaml": configMap("b", data: ["v": "1"]),
            ])
            try await cluster.withClient { client, _ in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                let added = try await syncer.sync(try await source.snapshot(), logger: quietLogger)
                #expect(added.applied == 2 && added.failed == 0)

                try repo.commit(["releaseconfig/a.yaml": configMap("a", data: ["v": "2"])])
                let changed = try await syncer.sync(try await source.snapshot(), logger: quietLogger)
                #expect(changed.applied == 1 && changed.unchanged == 1)
                let a = try await client.get(.configMap, ObjectKey(namespace: "apps", name: "a"))
                #expect(a["data", "v"]?.stringValue == "2")

                try repo.commit(["releaseconfig/b.yaml": nil, "releaseconfig/broken.yaml": "a: [b\n"])
                let broken = try await syncer.sync(try await source.snapshot(), logger: quietLogger)
                #expect(broken.pruned == 0 && broken.failures.first?.origin?.file == "releaseconfig/broken.yaml")
                _ = try await client.get(.configMap, ObjectKey(namespace: "apps", name: "b"))

                let head = try repo.commit(["releaseconfig/broken.yaml": nil])
                let fixed = try await syncer.sync(try await source.snapshot(), logger: quietLogger)
                #expect(fixed.pruned == 1 && fixed.failed == 0 && fixed.revision == head)
            }
            try await cluster.withClient { client, transport in
                let restarted = Syncer(client: client, configuration: AgentCluster.configuration())
                let again = try await restarted.sync(try await source.snapshot(), logger: quietLogger)
                #expect(again.applied == 0 && again.unchanged == 1)
                #expect(transport.writes.isEmpty)
            }
        }
    }
}
