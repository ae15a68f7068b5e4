import Foundation
import HelmEngine
import KubeAPI
import Testing

@testable import HelmRelease

/// Real Helm (the oracle, through scripts/helm-release-fixture.py) reads the records fluxhelm's actions wrote for
/// an install and an upgrade, and upgrades the release itself. Runs where the oracle is installed: set
/// ORACLE_PYTHON to its python.
@Suite(
    .enabled(if: ProcessInfo.processInfo.environment["ORACLE_PYTHON"] != nil, "set ORACLE_PYTHON to run real Helm"),
    .timeLimit(.minutes(2)))
struct HelmOracleActionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func runHelm(_ arguments: [String]) throws -> LosslessJSON {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["ORACLE_PYTHON"] ?? "")
        process.arguments = [Self.repository.appendingPathComponent("scripts/helm-release-fixture.py").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONParser.parse(Array(data))
    }

    @Test func testHelm_readsAndUpgradesReleaseFluxhelmInstalledAndUpgraded() async throws {
        let chartPath = Self.repository.appendingPathComponent("Tests/HelmReleaseTests/Fixtures/chart").path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fluxhelm-oracle-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try ChartLoader().load(path: chartPath)
            var install = InstallOptions(
                name: "flux", namespace: env.namespace, chart: chart, values: try values(#"{"greeting":"hi"}"#))
            install.labels = ["team": "swift"]
            _ = try await actions.install(install)
            env.clock.advance(.seconds(10))
            var upgrade = UpgradeOptions(
                name: "flux", namespace: env.namespace, chart: chart, values: try values(#"{"greeting":"bonjour"}"#))
            upgrade.description = "second"
            _ = try await actions.upgrade(upgrade)
            var paths: [String] = []
            for (name, object) in try await env.records("flux") {
                let path = directory.appendingPathComponent("\(name).json").path
                try Data(object.json.serialized()).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            #expect(paths.count == 2)
            let result = try runHelm(["read", "--upgrade-with", chartPath] + paths.sorted())
            let view = try #require(result["secret"]?["flux"])
            let status = try #require(view["status"])
            #expect(status["status"] == "deployed")
            #expect(status["revision"] == 2)
            #expect(status["chart_name"] == "fixture")
            #expect(status["chart_version"] == "1.2.3")
            #expect(status["labels"]?["team"] == "swift")
            #expect(status["notes"]?.stringValue?.contains("Thank you for installing fixture as flux") == true)
            #expect(status["manifest"]?.stringValue?.contains("greeting: \"bonjour\"") == true)
            #expect(view["values"] == ["greeting": "bonjour"])
            let history = try #require(view["history"]?.arrayValue)
            #expect(history.map { $0["status"] } == ["superseded", "deployed"])
            #expect(view["all"]?["info"]?["description"] == "second")
            let after = try #require(view["history_after_upgrade"]?.arrayValue)
            #expect(after.map { $0["status"] } == ["superseded", "superseded", "deployed"])
            #expect(view["values_after_upgrade"] == ["greeting": "bonjour"])
        }
    }
}
