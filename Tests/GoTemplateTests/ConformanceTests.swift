import Foundation
import GoTemplate
import Testing

/// Runs the template conformance cases this module owns (`syntax/`, `builtins/`, `fmt/` under
/// Tests/HelmEngineTests/Conformance) against the expectations Helm's own engine produced.
///
/// Cases that need Sprig or Helm functions, `.Chart`, `.Capabilities` or `.Files` are skipped here (the
/// HelmEngine tests run them end to end); each skip is counted with its reason. Helm wraps errors:
/// exec errors either as Go's one-line text or reformatted over three lines
/// (`LOCATION` / `executing "NAME" at <NODE>:` / `DETAIL`), parse errors as
/// `parse error at (NAME:LINE): DETAIL`; the runner compares every part Go produced.
struct ConformanceTests {
    static let families = ["syntax", "builtins", "fmt"]

    /// Cases where fluxhelm deliberately differs from Go, with the reason.
    static let knownDeviations: [String: String] = [:]

    static var cases: [String] {
        var out: [String] = []
        for family in families {
            let dir = conformanceRoot.appendingPathComponent(family)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
            for file in files.sorted() where file.hasSuffix(".tpl") && !file.hasSuffix(".helpers.tpl") {
                out.append("\(family)/\(String(file.dropLast(4)))")
            }
        }
        return out
    }

    enum Outcome: Equatable {
        case passed
        case skipped(String)
        case failed(String)
    }

    static func evaluate(_ name: String) throws -> Outcome {
        let base = conformanceRoot.appendingPathComponent(name).path
        let text = try String(contentsOfFile: base + ".tpl", encoding: .utf8)
        let helpers = try? String(contentsOfFile: base + ".helpers.tpl", encoding: .utf8)
        let valuesText = (try? String(contentsOfFile: base + ".values.yaml", encoding: .utf8)) ?? ""
        let expected = try? String(contentsOfFile: base + ".expected", encoding: .utf8)
        let expectedError = try? String(contentsOfFile: base + ".expected-error", encoding: .utf8)
        if expected == nil && expectedError == nil { return .skipped("no expectation generated") }
        if let why = knownDeviations[name] { return .skipped(why) }
        for needle in [".Chart", ".Capabilities", ".Files", ".Subcharts"]
        where text.contains(needle) || (helpers ?? "").contains(needle) {
            return .skipped("uses \(needle), a Go struct the HelmEngine provides")
        }
        let values = try helmValues(yaml: valuesText)
        let output: String
        do {
            output = try renderLikeHelm(text, helpers: helpers, values: values, functions: StandInFunctions.all)
        } catch let error as TemplateError {
            if error.code == .parse, error.detail.hasPrefix("function "), error.detail.hasSuffix(" not defined"),
                !(expectedError ?? "").contains(error.detail)
            {
                return .skipped("needs a Sprig/Helm \(error.detail.dropLast(" not defined".count))")
            }
            guard let expectedError else { return .failed("unexpected error: \(error.message)") }
            return matches(error, expectedError)
                ? .passed : .failed("error\n  got:      \(error.message)\n  expected: \(expectedError)")
        }
        guard let expected else {
            return .failed("expected error \(expectedError ?? ""), got output \(output.debugDescription)")
        }
        return output == expected
            ? .passed
            : .failed("output\n  got:      \(output.debugDescription)\n  expected: \(expected.debugDescription)")
    }

    /// Compares our error with Helm's text for it, part by part.
    static func matches(_ error: TemplateError, _ expected: String) -> Bool {
        let expected = expected.trimmingCharacters(in: .whitespacesAndNewlines)
        if expected == error.message { return true }
        let tokens = error.message.components(separatedBy: ": ")
        if error.code == .parse {
            // Helm's cleanupParseError keeps the location and the text after the last ": ".
            guard tokens.count > 1 else { return false }
            return expected == "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
        }
        if expected.hasPrefix("execution error at (") {
            // Helm reports `fail`/`required` as `execution error at (LOCATION): MESSAGE`.
            guard let location = error.location, let range = error.detail.range(of: ": ") else { return false }
            return expected == "execution error at (\(location)): \(error.detail[range.upperBound...])"
        }
        // Helm 4 reformats exec errors over lines: LOCATION / executing "NAME" at <NODE>: / DETAIL,
        // recursively for a template error inside `error calling include:`.
        func lines(_ text: String) -> [String] {
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return lines(expected) == lines(helmReformatted(error.message))
    }

    /// Helm 4's multi-line form of a Go exec error message.
    static func helmReformatted(_ message: String) -> String {
        let pattern = #"^template: (.*?): executing "(.*?)" at <(.*?)>: (.*)$"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
            let match = regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)),
            match.numberOfRanges == 5
        else { return message }
        func group(_ i: Int) -> String { String(message[Range(match.range(at: i), in: message)!]) }
        var detail = group(4)
        if detail.hasPrefix("error calling "), let colon = detail.range(of: ": ") {
            let head = detail[..<colon.lowerBound]
            let rest = String(detail[colon.upperBound...])
            if rest.hasPrefix("template: ") {
                detail = "\(head):\n" + (rest.contains(": executing ") ? helmReformatted(rest) : rest)
            }
        }
        return "\(group(1))\nexecuting \"\(group(2))\" at <\(group(3))>:\n\(detail)"
    }

    @Test(.timeLimit(.minutes(1)), arguments: cases)
    func testCase_matchesHelm(_ name: String) throws {
        let outcome = try Self.evaluate(name)
        if case .failed(let why) = outcome { Issue.record("\(name): \(why)") }
    }

    @Test func testCorpus_summary() throws {
        var passed = 0
        var skipped: [String: Int] = [:]
        var failed = 0
        for name in Self.cases {
            switch try Self.evaluate(name) {
            case .passed: passed += 1
            case .skipped(let why): skipped[why, default: 0] += 1
            case .failed: failed += 1
            }
        }
        let skipCount = skipped.values.reduce(0, +)
        print(
            "GoTemplate conformance: \(Self.cases.count) cases, \(passed) passed, \(failed) failed, \(skipCount) skipped"
        )
        for (why, n) in skipped.sorted(by: { $0.key < $1.key }) { print("  skipped \(n): \(why)") }
        #expect(Self.cases.count > 0)
        #expect(failed == 0)
    }
}
