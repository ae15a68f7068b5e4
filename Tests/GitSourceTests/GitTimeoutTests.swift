import Foundation
import GitSource
import NIOCore
import NIOPosix
import Testing

@Suite(.timeLimit(.minutes(1)))
struct GitTimeoutTests {
    @Test func testFetch_whenGitHangs_killsItAndItsChildren() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        // A stand-in `git` that starts a child and waits forever; both must be killed at the timeout.
        let fake = dir.path + "/fake-git"
        try """
        #!/bin/sh
        echo $$ > \(dir.path)/git.pid
        sleep 600 &
        echo $! > \(dir.path)/child.pid
        wait
        """.write(toFile: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let mirror = try GitMirror(
            remote: GitRemote("https://example.invalid/org/repo"), directory: dir.path + "/cache/mirror",
            configuration: GitConfiguration(gitExecutable: fake, networkTimeout: .milliseconds(500)))
        let error = await #expect(throws: GitSourceError.self) { try await mirror.fetch() }
        #expect(error?.code == .timeout)
        #expect(error?.message.contains("https://example.invalid/org/repo") == true)
        let gitPID = try #require(Int32(try String(contentsOfFile: dir.path + "/git.pid", encoding: .utf8).trimmed))
        let childPID = try #require(
            Int32(try String(contentsOfFile: dir.path + "/child.pid", encoding: .utf8).trimmed))
        #expect(isDead(gitPID))
        #expect(isDead(childPID))
    }

    @Test func testFetch_whenTheRemoteNeverAnswers_timesOut() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        // A TCP listener on loopback that accepts connections and never says a word.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 8)
            .childChannelInitializer { _ in group.next().makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        let url = "git://127.0.0.1:\(port)/repo.git"
        let mirror = try GitMirror(
            remote: GitRemote(url), directory: dir.path + "/mirror",
            configuration: GitConfiguration(networkTimeout: .seconds(1)))
        let error = await #expect(throws: GitSourceError.self) { try await mirror.fetch() }
        #expect(error?.code == .timeout)
        #expect(error?.url == url)
        #expect(!mirror.isCloned)
        try await channel.close()
        try await group.shutdownGracefully()
    }

    @Test func testRun_whenGitIsMissing_saysSo() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let mirror = try GitMirror(
            remote: GitRemote("file:///nowhere"), directory: dir.path + "/mirror",
            configuration: GitConfiguration(gitExecutable: "fluxhelm-no-such-git"))
        let error = await #expect(throws: GitSourceError.self) { try await mirror.fetch() }
        #expect(error?.code == .gitNotFound)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
