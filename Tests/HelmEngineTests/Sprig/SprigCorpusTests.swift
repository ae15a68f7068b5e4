import Foundation
import GoTemplate
import Testing

@testable import HelmEngine

/// Runs the `sprig-*` conformance cases that ``MiniTemplate`` can evaluate and compares them with
/// the outputs Helm's engine produced (`NAME.expected`, or the `error calling NAME: ...` part of
/// `NAME.expected-error`). Cases needing values, Helm objects or template features beyond the mini
/// evaluator are counted as skipped; the lead's corpus runner covers them once the executor lands.
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

    /// Cases whose output is random or time-dependent, which only the oracle's run could produce.
    static let nondeterministic: Set<String> = []

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

    static func evaluate(_ c: Case) -> Outcome {
        if c.hasValues { return .skipped("values") }
        let mini = MiniTemplate(functions: Sprig.functions)
        do {
            let output = try mini.render(c.template)
            if let expected = c.expected {
                return output == expected ? .passed : .failed("got \(output.debugDescription), want \(expected.debugDescription)")
            }
            return .failed("rendered \(output.debugDescription) but Helm failed: \(c.expectedError ?? "")")
        } catch let unsupported as MiniTemplate.Unsupported {
            return .skipped(unsupported.reason)
        } catch let error as MiniTemplate.CallError {
            guard let expectedError = c.expectedError else {
                return .failed("error calling \(error.function): \(error.message)")
            }
            let ours = "error calling \(error.function): \(error.message)"
            if expectedError.contains(ours) { return .passed }
            // Helm reformats `fail` as an execution error with the bare message.
            if error.function == "fail" && expectedError.hasSuffix("): \(error.message)") { return .passed }
            return .failed("got \(ours.debugDescription), want \(expectedError.debugDescription)")
        } catch {
            return .failed("unexpected \(error)")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func testCorpus_runnableCasesMatchHelm() {
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
        for failure in failures { print("FAIL " + failure) }
        #expect(failures.isEmpty, "\(failures.count) Sprig corpus cases differ from Helm")
        #expect(passed >= 200)
    }
}
