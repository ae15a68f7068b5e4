import Foundation
import Testing

/// fluxhelm's own chart-level conformance cases (`Conformance/cases.json`): small charts written for the features
/// real-world charts rarely exercise together (subcharts as directories and archives, aliases, conditions and tags,
/// import-values, globals, library charts, schema failures, `--set` syntax, `.helmignore`, `.Files`, CRDs, hooks,
/// `--show-only`, capabilities, v1 charts, archives, template errors, `show`). Expected output and error text come
/// only from real Helm (`scripts/gen-own-conformance`); each case must match byte for byte.
struct OwnChartConformanceTests {
    @Test(arguments: OwnConformance.cases)
    func testTemplate_matchesHelmByteForByte(_ testCase: OwnConformance.Case) throws {
        let result = try runFluxhelm(testCase.arguments, directory: OwnConformance.directory)
        let known = OwnConformance.knownIssues[testCase.name]
        if let expectedError = testCase.expectedError {
            // Failing like Helm (non-zero, nothing on stdout, one `Error:` line) is required even when the wording
            // is a known issue.
            #expect(result.status != 0, "\(testCase.name): expected Helm's error, got success")
            #expect(result.stdout.isEmpty, "\(testCase.name): partial output on stdout")
            let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
            #expect(errorLines.count == 1, "\(testCase.name): stderr: \(result.stderr)")
            try check(known, testCase.name) {
                #expect(
                    OwnConformance.sameError(result.stderr, helm: expectedError, contains: testCase.errorContains),
                    "\(testCase.name): error text differs from Helm's:\n\(result.stderr)\nHelm:\n\(expectedError)")
            }
        } else {
            let expected = try #require(testCase.expectedOutput)
            try check(known, testCase.name) {
                #expect(result.status == 0, "\(testCase.name): stderr: \(result.stderr)")
                #expect(result.stdout == expected, "\(testCase.name): output differs from Helm's")
            }
        }
    }

    @Test func testCorpus_isComplete() {
        // Every case has an oracle result, and every known issue names a case that exists.
        #expect(OwnConformance.cases.count >= 40)
        #expect(OwnConformance.cases.allSatisfy { $0.expectedOutput != nil || $0.expectedError != nil })
        let names = Set(OwnConformance.cases.map(\.name))
        #expect(OwnConformance.knownIssues.keys.allSatisfy { names.contains($0) })
    }

    private func check(_ known: String?, _ name: String, _ body: () throws -> Void) throws {
        if let known {
            withKnownIssue(Comment(rawValue: "\(name): \(known)")) { try body() }
        } else {
            try body()
        }
    }
}

/// The corpus under `Tests/FluxhelmCLITests/Conformance`.
enum OwnConformance {
    /// One `fluxhelm template` invocation and what Helm printed for it.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var expectedOutput: String?
        var expectedError: String?
        /// Where the oracle cannot print the CLI's exact text (`oracleNote` in cases.json): what must appear.
        var errorContains: [String]
        var testDescription: String { name }
    }

    /// Whether fluxhelm's error is Helm's: the same text, or Helm's message with context added before it (fluxhelm
    /// names the chart directory where Helm does not), ignoring trailing blank lines.
    static func sameError(_ ours: String, helm: String, contains: [String]) -> Bool {
        if !contains.isEmpty { return contains.allSatisfy { ours.contains($0) } }
        let trimmedOurs = trimTrailing(ours)
        let trimmedHelm = trimTrailing(helm)
        if trimmedOurs == trimmedHelm { return true }
        guard trimmedOurs.hasPrefix("Error: "), trimmedHelm.hasPrefix("Error: ") else { return false }
        return trimmedOurs.hasSuffix(": " + trimmedHelm.dropFirst("Error: ".count))
    }

    private static func trimTrailing(_ text: String) -> String {
        String(text.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Conformance")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("cases.json")),
            let table = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return table.compactMap { entry -> Case? in
            guard let name = entry["name"] as? String, let chart = entry["chart"] as? String else { return nil }
            // `show FORMAT CHART`, or `template REL CHART --namespace NS ARGS…`.
            let arguments =
                if let format = entry["show"] as? String {
                    ["show", format, chart]
                } else {
                    [
                        "template", entry["release"] as? String ?? "rel", chart,
                        "--namespace", entry["namespace"] as? String ?? "ns",
                    ] + (entry["args"] as? [String] ?? [])
                }
            let expected = directory.appendingPathComponent("expected")
            return Case(
                name: name, arguments: arguments,
                expectedOutput: try? String(
                    contentsOf: expected.appendingPathComponent(name + ".yaml"), encoding: .utf8),
                expectedError: try? String(
                    contentsOf: expected.appendingPathComponent(name + ".error.txt"), encoding: .utf8),
                errorContains: entry["errorContains"] as? [String] ?? [])
        }
    }()

    /// Cases fluxhelm does not pass yet, with the reason (`Conformance/known-issues.json`).
    static let knownIssues: [String: String] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("known-issues.json")),
            let table = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return table
    }()
}
