import Foundation
import Testing

/// `fluxhelm template` run as a user runs it. Expected output comes from real Helm
/// (`scripts/gen-cli-fixtures` renders it with the oracle in ../shared/helm-conformance).
struct TemplateCommandTests {
    /// The repository root, where `examples/` lives.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func testTemplate_exampleChart_matchesHelmByteForByte() throws {
        let expected = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/hello-demo.helm.yaml"), encoding: .utf8)
        let result = try runFluxhelm(["template", "demo", "examples/charts/hello"], directory: Self.repository)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == expected)
    }

    @Test func testTemplate_missingChart_failsWithOneClearLine() throws {
        let result = try runFluxhelm(["template", "demo", "examples/charts/no-such-chart"], directory: Self.repository)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no-such-chart"))
    }

    @Test func testTemplate_badSetSyntax_failsWithHelmsMessage() throws {
        let result = try runFluxhelm(
            ["template", "demo", "examples/charts/hello", "--set", "a[x]=1"], directory: Self.repository)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("failed parsing --set data: error parsing index"))
    }

    @Test func testTemplate_setOverridesValues() throws {
        let result = try runFluxhelm(
            ["template", "demo", "examples/charts/hello", "--set", "replicaCount=5", "--show-only",
             "templates/deployment.yaml"],
            directory: Self.repository)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("replicas: 5\n"))
        #expect(!result.stdout.contains("kind: Service\n"))
    }

    @Test func testShowChart_printsMetadata() throws {
        let result = try runFluxhelm(["show", "chart", "examples/charts/hello"], directory: Self.repository)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("name: hello\n"))
        #expect(result.stdout.contains("appVersion: 1.27.0\n"))
    }
}
