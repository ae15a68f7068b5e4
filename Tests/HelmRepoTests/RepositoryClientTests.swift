import Foundation
import HelmRepo
import Synchronization
import Testing

/// A client with a fresh cache directory and short timeouts, shut down after `body`.
func withTestClient<T>(
    readTimeout: Duration = .seconds(30),
    maxIndexBytes: Int = 1 << 20,
    maxArchiveBytes: Int = 1 << 20,
    cacheDirectory: String? = nil,
    _ body: (RepositoryClient, String) async throws -> T
) async throws -> T {
    let cache = try cacheDirectory ?? makeTemporaryDirectory()
    let configuration = RepositoryClient.Configuration(
        cacheDirectory: cache,
        connectTimeout: .seconds(10),
        readTimeout: readTimeout,
        maxIndexBytes: maxIndexBytes,
        maxArchiveBytes: maxArchiveBytes
    )
    return try await withRepositoryClient(configuration: configuration) { client in try await body(client, cache) }
}

/// A fixture serving `demo` 1.0.0 and 1.1.0 (relative URLs) with correct digests.
func demoRepository(_ fixture: RepoFixture, prefix: String = "") async throws -> [String: [UInt8]] {
    var archives: [String: [UInt8]] = [:]
    var rows: [(name: String, version: String, url: String, digest: String)] = []
    for version in ["1.0.0", "1.1.0"] {
        let bytes = try makeChartArchive(name: "demo", version: version)
        archives[version] = bytes
        rows.append(("demo", version, "charts/demo-\(version).tgz", try sha256sum(bytes)))
        await fixture.serve("\(prefix)/charts/demo-\(version).tgz", .init(bytes: bytes))
    }
    await fixture.serve("\(prefix)/index.yaml", text: indexYAML(rows))
    return archives
}

@Suite(.timeLimit(.minutes(1)))
struct RepositoryClientTests {
    @Test(arguments: ["", "/"])
    func testFetchChart_downloadsVerifiesAndCaches(trailing: String) async throws {
        let fixture = RepoFixture()
        let archives = try await demoRepository(fixture, prefix: "/repo")
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, _ in
                let repository = Repository(url: base + "/repo" + trailing)
                let fetched = try await client.fetchChart(named: "demo", version: "^1.0", from: repository)
                #expect(fetched.chartVersion.version == "1.1.0")
                #expect(!fetched.archive.fromCache)
                let onDisk = try Data(contentsOf: URL(fileURLWithPath: fetched.archive.archivePath))
                #expect([UInt8](onDisk) == archives["1.1.0"])
                #expect(await fixture.count("/repo/index.yaml") == 1)
                #expect(await fixture.count("/repo/charts/demo-1.1.0.tgz") == 1)
            }
        }
    }

    @Test func testFetchChart_secondUseOfExactVersion_costsNoRequest() async throws {
        let fixture = RepoFixture()
        _ = try await demoRepository(fixture)
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, _ in
                let repository = Repository(url: base)
                _ = try await client.fetchChart(named: "demo", version: "1.0.0", from: repository)
                let before = await fixture.totalRequests
                let again = try await client.fetchChart(named: "demo", version: "1.0.0", from: repository)
                #expect(again.archive.fromCache)
                #expect(await fixture.totalRequests == before)
            }
        }
    }

    @Test func testDownloadChart_concurrentRequests_downloadOnce() async throws {
        let fixture = RepoFixture()
        _ = try await demoRepository(fixture)
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, _ in
                let repository = Repository(url: base)
                let index = try await client.index(for: repository)
                let chart = try index.resolve("demo", version: "1.1.0")
                let paths = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<8 {
                        group.addTask { try await client.downloadChart(chart, from: repository).archivePath }
                    }
                    return try await group.reduce(into: Set<String>()) { $0.insert($1) }
                }
                #expect(paths.count == 1)
                #expect(await fixture.count("/charts/demo-1.1.0.tgz") == 1)
            }
        }
    }

    @Test func testDownloadChart_corruptedCacheEntry_isDownloadedAgain() async throws {
        let fixture = RepoFixture()
        let archives = try await demoRepository(fixture)
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, _ in
                let repository = Repository(url: base)
                let chart = try await client.index(for: repository).resolve("demo", version: "1.0.0")
                let first = try await client.downloadChart(chart, from: repository)
                try Data("garbage".utf8).write(to: URL(fileURLWithPath: first.archivePath))
                let second = try await client.downloadChart(chart, from: repository)
                #expect(!second.fromCache)
                #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: second.archivePath))) == archives["1.0.0"])
                #expect(await fixture.count("/charts/demo-1.0.0.tgz") == 2)
            }
        }
    }

    @Test func testDownloadChart_wrongDigest_failsAndCachesNothing() async throws {
        let fixture = RepoFixture()
        let bytes = try makeChartArchive(name: "demo", version: "1.0.0")
        await fixture.serve("/demo-1.0.0.tgz", .init(bytes: bytes))
        let wrong = String(repeating: "0", count: 64)
        await fixture.serve("/index.yaml", text: indexYAML([("demo", "1.0.0", "demo-1.0.0.tgz", wrong)]))
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, cache in
                let error = await #expect(throws: RepoError.self) {
                    try await client.fetchChart(named: "demo", version: "1.0.0", from: Repository(url: base))
                }
                #expect(error?.code == .digestMismatch)
                #expect(error?.message.contains("\(base)/demo-1.0.0.tgz") == true)
                let leftovers = FileManager.default.enumerator(atPath: cache)?.allObjects as? [String] ?? []
                #expect(!leftovers.contains { $0.hasSuffix(".tgz") || $0.contains(".download-") })
            }
        }
    }

    @Test func testIndex_basicAuth() async throws {
        let fixture = RepoFixture()
        _ = try await demoRepository(fixture)
        await fixture.requireBasicAuth(user: "alice", password: "s3cret")
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, _ in
                let error = await #expect(throws: RepoError.self) { try await client.index(for: Repository(url: base)) }
                #expect(error?.code == .unauthorized)
                #expect(error?.message.contains("\(base)/index.yaml") == true)
                #expect(error?.message.hasPrefix("looks like \"\(base)\" is not a valid chart repository") == true)
                let authed = Repository(url: base, username: "alice", password: "s3cret")
                let fetched = try await client.fetchChart(named: "demo", from: authed)
                #expect(fetched.chartVersion.version == "1.1.0")
            }
        }
    }

    @Test func testCredentials_notSentToOtherHosts() async throws {
        let fixture = RepoFixture()
        let bytes = try makeChartArchive(name: "demo", version: "1.0.0")
        await fixture.serve("/demo-1.0.0.tgz", .init(bytes: bytes))
        try await withRepoServer(fixture) { base in
            // The archive URL uses "localhost" while the repository uses 127.0.0.1: another host for Helm.
            let other = base.replacingOccurrences(of: "127.0.0.1", with: "localhost") + "/demo-1.0.0.tgz"
            await fixture.serve(
                "/index.yaml",
                text: indexYAML([("demo", "1.0.0", other, try sha256sum(bytes))])
            )
            try await withTestClient { client, _ in
                let repository = Repository(url: base, username: "alice", password: "pw")
                _ = try await client.fetchChart(named: "demo", from: repository)
                #expect(await fixture.authorizations["/index.yaml"]?.first?.hasPrefix("Basic ") == true)
                #expect(await fixture.authorizations["/demo-1.0.0.tgz"] == [""])
            }
        }
    }

    @Test func testIndex_notFound() async throws {
        let fixture = RepoFixture()
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, _ in
                let error = await #expect(throws: RepoError.self) {
                    try await client.index(for: Repository(url: base + "/nothing"))
                }
                #expect(error?.code == .notFound)
                #expect(error?.message.contains("\(base)/nothing/index.yaml : 404 Not Found") == true)
            }
        }
    }

    @Test func testFetchChart_noSatisfyingVersion() async throws {
        let fixture = RepoFixture()
        _ = try await demoRepository(fixture)
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, _ in
                let error = await #expect(throws: RepoError.self) {
                    try await client.fetchChart(named: "demo", version: "^9", from: Repository(url: base))
                }
                #expect(error?.message == "chart \"demo\" version \"^9\" not found in \(base) repository")
            }
        }
    }

    @Test func testIndex_slowServer_timesOut() async throws {
        let fixture = RepoFixture()
        await fixture.serve("/index.yaml", .init(bytes: [], hang: true))
        try await withRepoServer(fixture) { base in
            try await withTestClient(readTimeout: .milliseconds(300)) { client, _ in
                let error = await #expect(throws: RepoError.self) { try await client.index(for: Repository(url: base)) }
                #expect(error?.code == .timeout)
            }
        }
    }

    @Test func testIndex_oversizedResponse_isRefused() async throws {
        let fixture = RepoFixture()
        await fixture.serve("/index.yaml", text: "apiVersion: v1\n" + String(repeating: "# padding\n", count: 2000))
        try await withRepoServer(fixture) { base in
            try await withTestClient(maxIndexBytes: 4096) { client, _ in
                let error = await #expect(throws: RepoError.self) { try await client.index(for: Repository(url: base)) }
                #expect(error?.code == .tooLarge)
                #expect(error?.message.contains("4096-byte limit") == true)
            }
        }
    }

    @Test func testDownloadChart_oversizedArchive_isRefused() async throws {
        let fixture = RepoFixture()
        let big = [UInt8](repeating: 7, count: 10_000)
        await fixture.serve("/big-1.0.0.tgz", .init(bytes: big))
        await fixture.serve("/index.yaml", text: indexYAML([("big", "1.0.0", "big-1.0.0.tgz", try sha256sum(big))]))
        try await withRepoServer(fixture) { base in
            try await withTestClient(maxArchiveBytes: 4096) { client, _ in
                let error = await #expect(throws: RepoError.self) {
                    try await client.fetchChart(named: "big", from: Repository(url: base))
                }
                #expect(error?.code == .tooLarge)
            }
        }
    }

    @Test func testIndex_unreachable() async throws {
        try await withTestClient { client, _ in
            // Port 1 on loopback: nothing listens there.
            let error = await #expect(throws: RepoError.self) {
                try await client.index(for: Repository(url: "http://127.0.0.1:1/charts"))
            }
            #expect(error?.code == .unreachable)
            #expect(error?.message.contains("http://127.0.0.1:1/charts") == true)
        }
    }

    @Test func testIndex_badTLSMaterial_isATLSError() async throws {
        try await withTestClient { client, _ in
            let badCA = Repository(url: "https://127.0.0.1:1", caCertificatesPEM: Array("not a pem".utf8))
            let error = await #expect(throws: RepoError.self) { try await client.index(for: badCA) }
            #expect(error?.code == .tls)
            let certWithoutKey = Repository(
                url: "https://127.0.0.1:1",
                clientCertificatePEM: Array("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n".utf8)
            )
            let second = await #expect(throws: RepoError.self) { try await client.index(for: certWithoutKey) }
            #expect(second?.code == .tls)
        }
    }

    @Test func testIndex_etag_revalidatesWith304() async throws {
        let fixture = RepoFixture()
        let bytes = try makeChartArchive(name: "demo", version: "1.0.0")
        await fixture.serve(
            "/index.yaml",
            text: indexYAML([("demo", "1.0.0", "demo-1.0.0.tgz", try sha256sum(bytes))]),
            etag: "\"v1\""
        )
        try await withRepoServer(fixture) { base in
            try await withTestClient { client, _ in
                let first = try await client.index(for: Repository(url: base))
                let second = try await client.index(for: Repository(url: base))
                #expect(first.entries["demo"]?.count == 1)
                #expect(second.entries["demo"]?.first?.version == "1.0.0")
                #expect(await fixture.count("/index.yaml") == 2)
            }
        }
    }

    @Test func testDownloadChart_absoluteURLAndProgress() async throws {
        let fixture = RepoFixture()
        let bytes = try makeChartArchive(name: "demo", version: "1.0.0")
        await fixture.serve("/elsewhere/demo.tgz", .init(bytes: bytes))
        try await withRepoServer(fixture) { base in
            await fixture.serve(
                "/repo/index.yaml",
                text: indexYAML([("demo", "1.0.0", base + "/elsewhere/demo.tgz", try sha256sum(bytes))])
            )
            try await withTestClient { client, _ in
                let seen = Counter()
                let fetched = try await client.fetchChart(named: "demo", from: Repository(url: base + "/repo")) {
                    received, total in
                    seen.record(received: received, total: total)
                }
                #expect(fetched.archive.digest == (try sha256sum(bytes)))
                #expect(seen.last?.0 == bytes.count)
                #expect(seen.last?.1 == bytes.count)
            }
        }
    }
}

/// Records the last progress report.
final class Counter: Sendable {
    private let state = Mutex<(Int, Int?)?>(nil)
    func record(received: Int, total: Int?) { state.withLock { $0 = (received, total) } }
    var last: (Int, Int?)? { state.withLock { $0 } }
}
