import KubeAPI
import Logging
import ServiceLifecycle
import Testing

@testable import Agent

struct SyncAgentTests {
    /// The loop syncs at start and again on every trigger (a new commit), each pass seeing the newest commit.
    @Test(.timeLimit(.minutes(1)))
    func testRun_syncsAtStartAndOnEachTrigger() async throws {
        let repo = try GitRepositoryFixture()
        defer { repo.remove() }
        try repo.commit(["releaseconfig/a.yaml": configMap("a", data: ["v": "1"])])
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                let source = try await GitMirrorSource.open(
                    url: repo.bare, branch: "main", paths: ["releaseconfig"], cacheDirectory: repo.cache)
                let (results, resultSink) = AsyncStream.makeStream(of: SyncResult.self)
                let (triggers, trigger) = AsyncStream.makeStream(of: Void.self)
                let agent = SyncAgent(
                    source: source, syncer: Syncer(client: client, configuration: AgentCluster.configuration()),
                    configuration: SyncAgent.Configuration(interval: .seconds(3600)), logger: quietLogger,
                    triggers: triggers, onResult: { resultSink.yield($0) })
                let group = ServiceGroup(
                    configuration: ServiceGroupConfiguration(services: [.init(service: agent)], logger: quietLogger))
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask { try await group.run() }
                    var iterator = results.makeAsyncIterator()
                    let first = try #require(await iterator.next())
                    #expect(first.applied == 1)
                    let second = try repo.commit(["releaseconfig/b.yaml": configMap("b", data: [:])])
                    trigger.yield()
                    let next = try #require(await iterator.next())
                    #expect(next.revision == second && next.applied == 1 && next.unchanged == 1)
                    await group.triggerGracefulShutdown()
                    try await tasks.waitForAll()
                }
            }
        }
    }
}
