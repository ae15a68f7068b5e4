import Foundation
import Testing

/// `fluxhelm template NAME CHART --repo URL --version C` against a real HTTP repository on loopback, served from this
/// process: resolution, basic auth, digest checking, unreachable repositories and the on-disk chart cache.
@Suite(.timeLimit(.minutes(1)))
struct TemplateRepoTests {
    /// A repository with demo 1.0.0, 1.0.3, 1.1.0 and 2.0.0-rc.1.
    static func makeRepository() async throws -> (LoopbackChartRepository, [TestChartArchive]) {
        let repository = LoopbackChartRepository()
        let charts = try ["1.0.0", "1.0.3", "1.1.0", "2.0.0-rc.1"].map {
            try TestChartArchive(name: "demo", version: $0)
        }
        for chart in charts { await repository.serve("/charts/demo-\(chart.version).tgz", chart.bytes) }
        await repository.serve("/index.yaml", TestChartArchive.index(charts))
        return (repository, charts)
    }

    /// A fresh cache directory, so every test starts cold.
    static func cacheEnvironment() -> [String: String] {
        ["FLUXHELM_CACHE_HOME": FileManager.default.temporaryDirectory
            .appendingPathComponent("fluxhelm-cache-\(UUID().uuidString)").path]
    }

    @Test func testTemplate_repoConstraint_rendersTheNewestMatchingVersion() async throws {
        let (repository, _) = try await Self.makeRepository()
        let environment = Self.cacheEnvironment()
        let result = try await repository.withServer { url in
            try await runFluxhelmAsync(
                ["template", "rel", "demo", "--repo", url, "--version", "~1.0"], environment: environment)
        }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("---\n# Source: demo/templates/cm.yaml\n"))
        #expect(result.stdout.contains("  name: rel-demo\n"))
        #expect(result.stdout.contains("  version: \"1.0.3\"\n"))
        #expect(await repository.count("/index.yaml") == 1)
        #expect(await repository.count("/charts/demo-1.0.3.tgz") == 1)
    }

    @Test func testTemplate_noVersion_takesTheLatestRelease() async throws {
        let (repository, _) = try await Self.makeRepository()
        let environment = Self.cacheEnvironment()
        let result = try await repository.withServer { url in
            try await runFluxhelmAsync(["template", "rel", "demo", "--repo", url], environment: environment)
        }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // 2.0.0-rc.1 is a prerelease: skipped without --devel, as Helm does.
        #expect(result.stdout.contains("  version: \"1.1.0\"\n"))
    }

    @Test func testTemplate_basicAuth_sendsCredentialsAndFailsWithoutThem() async throws {
        let (repository, _) = try await Self.makeRepository()
        await repository.requireBasicAuth(user: "alice", password: "s3cret")
        let environment = Self.cacheEnvironment()
        let (good, bad) = try await repository.withServer { url in
            let good = try await runFluxhelmAsync(
                ["template", "rel", "demo", "--repo", url, "--version", "1.1.0", "--username", "alice",
                 "--password", "s3cret"],
                environment: environment)
            let bad = try await runFluxhelmAsync(
                ["template", "rel", "demo", "--repo", url, "--version", "1.0.0", "--username", "alice",
                 "--password", "wrong"],
                environment: Self.cacheEnvironment())
            return (good, bad)
        }
        #expect(good.status == 0, "stderr: \(good.stderr)")
        #expect(good.stdout.contains("  version: \"1.1.0\"\n"))
        #expect(bad.status != 0)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.hasPrefix("Error: looks like \"http://127.0.0.1:"), "stderr: \(bad.stderr)")
        #expect(bad.stderr.contains("is not a valid chart repository or cannot be reached"))
        #expect(bad.stderr.contains("401"), "stderr: \(bad.stderr)")
    }

    @Test func testTemplate_wrongDigest_failsNamingTheArchive() async throws {
        let (repository, charts) = try await Self.makeRepository()
        let wrong = String(repeating: "0", count: 64)
        await repository.serve("/index.yaml", TestChartArchive.index(charts, digestOverride: wrong))
        let result = try await repository.withServer { url in
            try await runFluxhelmAsync(
                ["template", "rel", "demo", "--repo", url, "--version", "1.0.0"], environment: Self.cacheEnvironment())
        }
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: "), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("demo-1.0.0.tgz"), "stderr: \(result.stderr)")
        #expect(result.stderr.lowercased().contains("digest"), "stderr: \(result.stderr)")
    }

    @Test func testTemplate_noVersionSatisfies_failsWithHelmsMessage() async throws {
        let (repository, _) = try await Self.makeRepository()
        let (result, base) = try await repository.withServer { url in
            let arguments = ["template", "rel", "demo", "--repo", url, "--version", "^3.0.0"]
            return (try await runFluxhelmAsync(arguments, environment: Self.cacheEnvironment()), url)
        }
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        // pkg/repo/v1 ChartNotFoundError: `chart "NAME" version "C" not found in URL repository`.
        #expect(result.stderr == "Error: chart \"demo\" version \"^3.0.0\" not found in \(base) repository\n")
    }

    @Test func testTemplate_unreachableRepository_failsNamingTheURL() async throws {
        // A port that was listening a moment ago and is closed now: connection refused.
        let repository = LoopbackChartRepository()
        let url = try await repository.withServer { $0 }
        let result = try await runFluxhelmAsync(
            ["template", "rel", "demo", "--repo", url, "--version", "1.0.0"], environment: Self.cacheEnvironment())
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        // Helm: `looks like "URL" is not a valid chart repository or cannot be reached: …connection refused`.
        let prefix = "Error: looks like \"\(url)\" is not a valid chart repository or cannot be reached: "
        #expect(result.stderr.hasPrefix(prefix), "stderr: \(result.stderr)")
        #expect(result.stderr.hasSuffix("connect: connection refused\n"), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }.count == 1)
    }

    @Test func testTemplate_secondRun_isServedFromTheCache() async throws {
        let (repository, _) = try await Self.makeRepository()
        let environment = Self.cacheEnvironment()
        let (first, second, requestsBetween, requestsAfter) = try await repository.withServer { url in
            let arguments = ["template", "rel", "demo", "--repo", url, "--version", "1.0.3"]
            let first = try await runFluxhelmAsync(arguments, environment: environment)
            let between = await repository.requests.count
            let second = try await runFluxhelmAsync(arguments, environment: environment)
            return (first, second, between, await repository.requests.count)
        }
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(requestsBetween == 2)  // index.yaml, then the archive
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout == first.stdout)
        #expect(requestsAfter == requestsBetween, "the second run reached the server")
    }

    @Test func testTemplate_secondRunWithConstraint_downloadsTheArchiveOnce() async throws {
        let (repository, _) = try await Self.makeRepository()
        let environment = Self.cacheEnvironment()
        let (first, second) = try await repository.withServer { url in
            let arguments = ["template", "rel", "demo", "--repo", url, "--version", ">=1.0.0 <1.1.0"]
            return (
                try await runFluxhelmAsync(arguments, environment: environment),
                try await runFluxhelmAsync(arguments, environment: environment)
            )
        }
        #expect(first.status == 0 && second.status == 0, "stderr: \(first.stderr) \(second.stderr)")
        #expect(second.stdout == first.stdout)
        // A range needs the index each time (it may have new versions); the archive comes from the cache.
        #expect(await repository.count("/charts/demo-1.0.3.tgz") == 1)
    }
}
