import Foundation
import HelmEngine
import Testing

@testable import HelmRelease

/// Real Helm (the oracle, through scripts/helm-release-fixture.py) reads records fluxhelm wrote and upgrades
/// the release. Runs only where the oracle is installed: set ORACLE_PYTHON to its python.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ORACLE_PYTHON"] != nil, "set ORACLE_PYTHON to run real Helm"))
struct HelmInteropTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Two revisions of a release built by fluxhelm's model alone (not copied from a Helm record).
    static func fluxhelmRevisions() -> [Release] {
        let chart = ReleaseChart(
            metadata: {
                var metadata = ChartMetadata(name: "swiftchart", version: "0.3.0")
                metadata.appVersion = "9.9"
                metadata.description = "made by fluxhelm"
                return metadata
            }(),
            templates: [ChartFile(name: "templates/cm.yaml", data: Array("kind: ConfigMap\n".utf8))],
            values: ["replicas": 1, "image": ["tag": "v1"]],
            files: []
        )
        let first = GoTime.at("2026-03-04T05:06:07.123456789Z")
        func revision(_ version: Int, _ status: ReleaseStatus, _ tag: String, _ written: GoTime) -> Release {
            Release(
                name: "swiftrel",
                info: ReleaseInfo(
                    firstDeployed: first, lastDeployed: written, status: status,
                    description: version == 1 ? "Install complete" : "Upgrade complete", notes: "hello <world> & co\n"
                ),
                chart: chart,
                config: ["image": ["tag": .string(tag)], "ratio": .number("0.5")],
                manifest: "---\n# Source: swiftchart/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                    + "  name: swiftrel-cm\ndata:\n  tag: \"\(tag)\"\n",
                hooks: [
                    Hook(
                        name: "swiftrel-hook", kind: "Job", path: "swiftchart/templates/hook.yaml",
                        manifest: "kind: Job\n",
                        events: [.preUpgrade],
                        lastRun: HookExecution(startedAt: written, completedAt: written, phase: .succeeded),
                        weight: 3, deletePolicies: [.hookSucceeded]
                    )
                ],
                version: version,
                namespace: "ns",
                labels: ["team": "swift"],
                applyMethod: "ssa"
            )
        }
        return [
            revision(1, .superseded, "v1", first),
            revision(2, .deployed, "v2", first.adding(.seconds(60))),
        ]
    }

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

    @Test(.timeLimit(.minutes(1)), arguments: [ReleaseRecord.Kind.secret, .configMap])
    func testHelm_readsAndUpgradesFluxhelmRecords(_ kind: ReleaseRecord.Kind) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fluxhelm-interop-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for release in Self.fluxhelmRevisions() {
            let record = try ReleaseRecord(
                release: release, kind: kind, isUpdate: false, now: .at("2026-03-04T05:07:07Z"))
            let path = directory.appendingPathComponent("\(record.name).json").path
            try Data(record.kubernetesObjectJSON).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let chart = Self.repository.appendingPathComponent("Tests/HelmReleaseTests/Fixtures/chart").path
        let result = try runHelm(["read", "--upgrade-with", chart] + paths)
        let driver = kind == .secret ? "secret" : "configmap"
        let view = try #require(result[driver]?["swiftrel"])

        let status = try #require(view["status"])
        #expect(status["status"] == "deployed")
        #expect(status["revision"] == 2)
        #expect(status["chart_name"] == "swiftchart")
        #expect(status["chart_version"] == "0.3.0")
        #expect(status["app_version"] == "9.9")
        #expect(status["notes"] == "hello <world> & co\n")
        #expect(status["manifest"]?.stringValue?.contains("tag: \"v2\"") == true)
        #expect(status["labels"]?["team"] == "swift")

        #expect(view["values"] == ["image": ["tag": "v2"], "ratio": .number("0.5")])
        let history = try #require(view["history"]?.arrayValue)
        #expect(history.map { $0["revision"] } == [1, 2])
        #expect(history.map { $0["status"] } == ["superseded", "deployed"])

        let all = try #require(view["all"])
        #expect(all["info"]?["description"] == "Upgrade complete")
        #expect(all["info"]?["first_deployed"] == "2026-03-04T05:06:07.123456789Z")
        #expect(all["hooks"]?[0]?["weight"] == 3)

        #expect(result[driver]?["list"]?.arrayValue?.count == 1)

        // Helm upgraded the release on top of fluxhelm's records: ours became superseded, reused values kept.
        let after = try #require(view["history_after_upgrade"]?.arrayValue)
        #expect(after.map { $0["status"] } == ["superseded", "superseded", "deployed"])
        #expect(after.last?["chart_name"] == "fixture")
        #expect(view["values_after_upgrade"] == ["image": ["tag": "v2"], "ratio": .number("0.5")])
    }
}

extension LosslessJSON {
    fileprivate subscript(index: Int) -> LosslessJSON? {
        guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
