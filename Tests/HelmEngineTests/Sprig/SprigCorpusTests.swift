import Foundation
import GoTemplate
import Testing

@testable import HelmEngine

/// Runs the `sprig-*` conformance cases through GoTemplate's executor with Sprig's functions and
/// compares them with the outputs Helm's engine produced (`NAME.expected` or `NAME.expected-error`).
/// Cases with a values file or Helm's Go-struct objects are counted as skipped here; the HelmEngine
/// corpus runner covers them end to end.
struct SprigCorpusTests {
    struct Case: CustomStringConvertible, Sendable {
        var family: String
        var name: String
        var template: String
        var expected: String?
        var expectedError: String?
        var hasValues: Bool
        var description: String { "\(family)/\(name)" }
    }

    static let corpusRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Conformance")


    static func loadCases() -> [Case] {
        let fm = FileManager.default
        guard let families = try? fm.contentsOfDirectory(atPath: corpusRoot.path) else { return [] }
        var cases: [Case] = []
        for family in families.sorted() where family.hasPrefix("sprig-") {
            let dir = corpusRoot.appendingPathComponent(family)
            guard let files = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
            for file in files.sorted() where file.hasSuffix(".tpl") && !file.hasSuffix(".helpers.tpl") {
                let name = String(file.dropLast(4))
                func read(_ suffix: String) -> String? {
                    try? String(contentsOf: dir.appendingPathComponent(name + suffix), encoding: .utf8)
                }
                cases.append(Case(
                    family: family, name: name, template: read(".tpl") ?? "", expected: read(".expected"),
                    expectedError: read(".expected-error"),
                    hasValues: fm.fileExists(atPath: dir.appendingPathComponent(name + ".values.yaml").path)))
            }
        }
        return cases
    }

    enum Outcome: Equatable {
        case passed
        case skipped(String)
        case failed(String)
    }

    /// Cases whose output depends on a Go struct the HelmEngine provides (not available to these tests).
    static let needsHelmObjects = [".Capabilities", ".Chart", ".Files"]

    static func evaluate(_ c: Case) -> Outcome {
        if c.hasValues { return .skipped("values file (the HelmEngine corpus runner reads values)") }
        if let needle = needsHelmObjects.first(where: { c.template.contains($0) }) { return .skipped("uses \(needle)") }
        if c.expected == nil && c.expectedError == nil { return .skipped("no expectation generated") }
        do {
            let output = try renderSprigCase(c.template)
            if let expected = c.expected {
                return output == expected
                    ? .passed : .failed("got \(output.debugDescription), want \(expected.debugDescription)")
            }
            return .failed("rendered \(output.debugDescription) but Helm failed: \(c.expectedError ?? "")")
        } catch let error as TemplateError {
            if error.code == .parse, error.detail.hasPrefix("function "), error.detail.hasSuffix(" not defined") {
                return .skipped("needs a Helm function: \(error.detail)")
            }
            guard let expectedError = c.expectedError else { return .failed("unexpected error: \(error.message)") }
            return errorMatchesHelm(error, expectedError)
                ? .passed : .failed("error\n  got:  \(error.message)\n  want: \(expectedError)")
        } catch {
            return .failed("unexpected \(error)")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: loadCases())
    func testCase_matchesHelm(_ c: Case) {
        if case .failed(let why) = Self.evaluate(c) { Issue.record("\(c): \(why)") }
    }

    @Test(.timeLimit(.minutes(5)))
    func testCorpus_summary() {
        let cases = Self.loadCases()
        #expect(cases.count >= 300)
        var passed = 0
        var skipped: [String: Int] = [:]
        var failures: [String] = []
        for c in cases {
            switch Self.evaluate(c) {
            case .passed: passed += 1
            case .skipped(let reason): skipped[reason, default: 0] += 1
            case .failed(let message): failures.append("\(c): \(message)")
            }
        }
        print("sprig corpus: \(passed) passed, \(skipped.values.reduce(0, +)) skipped, \(failures.count) failed")
        for (reason, count) in skipped.sorted(by: { $0.key < $1.key }) { print("  skipped \(count): \(reason)") }
        #expect(failures.isEmpty, "\(failures.count) Sprig corpus cases differ from Helm")
        #expect(passed >= 200)
    }
}
