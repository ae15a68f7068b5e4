import Foundation
import Testing

/// Bad input to `fluxhelm template`: each must fail with a non-zero exit, one `Error:` line naming the file, key or
/// URL, Helm's wording (the oracle's text in `Conformance/expected/*.error.txt`, or Helm's source where the oracle
/// cannot run the CLI path), and nothing on stdout. The repository failures (unreachable, no version satisfies the
/// constraint, wrong digest, bad credentials) are in ``TemplateRepoTests``.
struct TemplateBadInputTests {
    static let directory = OwnConformance.directory

    /// Runs `fluxhelm template rel ARGS…` in the corpus folder and checks the invariants of every failure.
    func fail(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try runFluxhelm(["template", "rel"] + arguments, directory: Self.directory)
        #expect(result.status != 0, "expected a failure, got: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "partial output on stdout: \(result.stdout)", sourceLocation: sourceLocation)
        let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(errorLines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("Error: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stderr
    }

    /// Helm's text for a corpus case.
    func helm(_ name: String) throws -> String {
        try String(
            contentsOf: Self.directory.appendingPathComponent("expected/\(name).error.txt"), encoding: .utf8)
    }

    @Test func testMissingChart_dotPath_failsWithHelmsMessage() throws {
        let stderr = try fail(["./charts/does-not-exist"])
        // action.ChartPathOptions.LocateChart: a path starting with `.` that does not exist.
        #expect(stderr == "Error: path \"./charts/does-not-exist\" not found\n")
    }

    @Test func testMissingChart_plainPath_namesThePath() throws {
        let stderr = try fail(["charts/does-not-exist"])
        #expect(stderr.contains("charts/does-not-exist"))
    }

    @Test func testBrokenChartYAML_namesTheFileAndLine() throws {
        let stderr = try fail(["charts/brokenyaml"])
        #expect(OwnConformance.sameError(stderr, helm: try helm("bad-broken-chart-yaml"), contains: []), "\(stderr)")
        #expect(stderr.contains("Chart.yaml") && stderr.contains("line 3"))
    }

    @Test func testUnknownDependency_namesTheDependency() throws {
        let stderr = try fail(["charts/missingdep"])
        #expect(OwnConformance.sameError(stderr, helm: try helm("bad-unknown-dependency"), contains: []), "\(stderr)")
        #expect(stderr.contains("missing in charts/ directory: ghost"))
    }

    @Test func testValuesFileNotAMap_namesTheFile() throws {
        let stderr = try fail(["charts/setvals", "-f", "inputs/list-values.yaml"])
        // pkg/cli/values/options.go: `failed to parse FILE: ` + loader.LoadValues' error.
        #expect(stderr.hasPrefix("Error: failed to parse inputs/list-values.yaml: "))
        #expect(stderr.contains("cannot unmarshal array into Go value of type"))
    }

    @Test func testValuesFileMissing_namesTheFile() throws {
        let stderr = try fail(["charts/setvals", "-f", "inputs/no-such-values.yaml"])
        #expect(OwnConformance.sameError(stderr, helm: try helm("bad-values-file-missing"), contains: []), "\(stderr)")
    }

    @Test func testSetSyntaxError_namesTheExpression() throws {
        let stderr = try fail(["charts/setvals", "--set", "a[x]=1"])
        #expect(OwnConformance.sameError(stderr, helm: try helm("bad-set-syntax"), contains: []), "\(stderr)")
    }

    @Test func testSetJSONSyntaxError_namesTheExpression() throws {
        let stderr = try fail(["charts/setvals", "--set-json", "a={broken"])
        #expect(OwnConformance.sameError(stderr, helm: try helm("bad-set-json"), contains: []), "\(stderr)")
    }

    @Test func testSchemaViolation_namesThePathAndRule() throws {
        let stderr = try fail(["charts/schema", "--set", "image.repository=NGINX"])
        #expect(OwnConformance.sameError(stderr, helm: try helm("schema-pattern"), contains: []), "\(stderr)")
        #expect(stderr.contains("at '/image/repository'"))
    }

    @Test func testKubeVersionConstraint_namesBothVersions() throws {
        let stderr = try fail(["charts/oldkube"])
        #expect(
            OwnConformance.sameError(stderr, helm: try helm("caps-kube-version-constraint-fails"), contains: []),
            "\(stderr)")
    }

    @Test func testInvalidKubeVersionFlag_failsWithHelmsMessage() throws {
        let stderr = try fail(["charts/caps", "--kube-version", "banana"])
        #expect(stderr.hasPrefix("Error: invalid kube version 'banana': "))
    }

    @Test func testShowOnlyUnknownTemplate_failsWithHelmsMessage() throws {
        let stderr = try fail(["charts/files", "--show-only", "templates/nope.yaml"])
        #expect(OwnConformance.sameError(stderr, helm: try helm("files-show-only-missing"), contains: []), "\(stderr)")
    }
}
