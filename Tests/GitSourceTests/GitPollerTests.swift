import GitSource
import Logging
import ServiceLifecycle
import Testing

@Suite(.timeLimit(.minutes(1)))
struct GitPollerTests {
    @Test func testRun_reportsTheCurrentCommitThenEachNewOne() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp() }
        let first = try await upstream.commit(["a.txt": "one"])
        let registry = GitMirrorRegistry(cacheDirectory: cache.path)
        let mirror = try await registry.mirror(for: upstream.url)
        let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let poller = GitPoller(mirror: mirror, pollInterval: .milliseconds(20), logger: quiet)
        let updates = await poller.updates(for: "main")
        let other = await poller.updates(for: "other")
        let group = ServiceGroup(
            configuration: .init(services: [poller], gracefulShutdownSignals: [], logger: quiet))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = updates.makeAsyncIterator()
            #expect(await iterator.next() == .commit(try GitCommit(sha: first)))
            // A ref that does not exist yet is reported as a failure once, then as a commit when it appears.
            var otherIterator = other.makeAsyncIterator()
            guard case .failed(let error)? = await otherIterator.next() else {
                Issue.record("expected a failure for the missing ref")
                return
            }
            #expect(error.code == .refNotFound)
            let second = try await upstream.commit(["a.txt": "two"])
            #expect(await iterator.next() == .commit(try GitCommit(sha: second)))
            let third = try await upstream.commit(["b.txt": "b"], branch: "other")
            #expect(await otherIterator.next() == .commit(try GitCommit(sha: third)))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            // Shutdown finishes the streams; the unchanged main branch was never reported twice.
            #expect(await iterator.next() == nil)
        }
    }
}
