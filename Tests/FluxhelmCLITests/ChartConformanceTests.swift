import Foundation
import Testing

/// Renders every case of the shared Helm conformance kit (`../shared/helm-conformance`: real-world charts and what
/// real Helm renders for them) with the `fluxhelm template` binary, and compares with Helm's output both as parsed
/// YAML documents (the kit's own `compare.py`) and byte for byte.
struct ChartConformanceTests {
    @Test(arguments: ChartConformance.caseNames)
    func testTemplate_matchesHelm(_ name: String) throws {
        let run = try #require(ChartConformance.shared, "helm-conformance kit not found: \(ChartConformance.kitHint)")
        let verdict = try #require(run.verdicts[name], "compare.py printed no verdict for \(name)")
        if let reason = ChartConformance.knownIssues[name] {
            withKnownIssue(Comment(rawValue: reason)) { #expect(verdict.passed, "\(name): \(verdict.line)") }
        } else {
            #expect(verdict.passed, "\(name): \(verdict.line)")
        }
    }

    /// Byte for byte, for every case whose Helm output is stable (no `expected/CASE.nondet.json`).
    @Test(arguments: ChartConformance.caseNames)
    func testTemplate_matchesHelmByteForByte(_ name: String) throws {
        let run = try #require(ChartConformance.shared, "helm-conformance kit not found: \(ChartConformance.kitHint)")
        guard run.byteComparableCases.contains(name) else { return }
        if let reason = ChartConformance.byteKnownIssues[name] {
            withKnownIssue(Comment(rawValue: reason)) { #expect(run.byteIdentical.contains(name), "\(name)") }
        } else {
            #expect(run.byteIdentical.contains(name), "\(name): output differs from expected/\(name).yaml")
        }
    }

    @Test func testSummary_bytesAndDocuments() throws {
        let run = try #require(ChartConformance.shared, "helm-conformance kit not found: \(ChartConformance.kitHint)")
        let passed = run.verdicts.values.filter(\.passed).count
        // The figures the closing notes report; printed so CI logs carry them.
        print(
            "helm-conformance: \(passed)/\(run.verdicts.count) cases match as parsed YAML; "
                + "\(run.byteIdentical.count)/\(run.byteComparable) deterministic cases byte-identical "
                + "(\(run.byteIdentical.sorted().joined(separator: ", ")))")
        #expect(run.verdicts.count == ChartConformance.caseNames.count)
    }
}

/// One run of the whole kit, shared by the tests above.
struct ChartConformance: Sendable {
    struct Verdict: Sendable {
        var passed: Bool
        var line: String
    }

    var verdicts: [String: Verdict]
    var byteIdentical: Set<String>
    var byteComparableCases: Set<String>
    var byteComparable: Int { byteComparableCases.count }

    static let kitHint = "set FLUXHELM_HELM_CONFORMANCE or put shared/ beside the repository"

    /// The kit: `FLUXHELM_HELM_CONFORMANCE`, or `shared/helm-conformance` beside the repository.
    static let kit: URL? = {
        if let path = ProcessInfo.processInfo.environment["FLUXHELM_HELM_CONFORMANCE"] {
            return URL(fileURLWithPath: path)
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidate = repository.deletingLastPathComponent().appendingPathComponent("shared/helm-conformance")
        return FileManager.default.fileExists(atPath: candidate.appendingPathComponent("cases.json").path)
            ? candidate : nil
    }()

    /// Every case of `cases.json`, sorted.
    static let caseNames: [String] = {
        guard let kit, let data = try? Data(contentsOf: kit.appendingPathComponent("cases.json")),
            let table = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return ["(kit missing)"] }
        return table.keys.sorted()
    }()

    /// Cases fluxhelm does not pass yet, with the reason (kept in `ChartConformanceKnownIssues.json`).
    static let knownIssues: [String: String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("ChartConformanceKnownIssues.json")
        guard let data = try? Data(contentsOf: url),
            let table = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return table
    }()

    /// Cases whose bytes differ from `expected/` for a recorded reason (`ChartConformanceByteKnownIssues.json`).
    static let byteKnownIssues: [String: String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("ChartConformanceByteKnownIssues.json")
        guard let data = try? Data(contentsOf: url),
            let table = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return table
    }()

    static let shared: ChartConformance? = {
        guard let kit else { return nil }
        return try? run(kit: kit)
    }()

    /// Renders each case as `render_all.py` would, then scores the results with `compare.py`.
    static func run(kit: URL) throws -> ChartConformance {
        let data = try Data(contentsOf: kit.appendingPathComponent("cases.json"))
        let table = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("fluxhelm-conformance-\(UUID())")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        var byteIdentical: Set<String> = []
        var byteComparableCases: Set<String> = []
        for (name, spec) in table {
            var arguments = [
                "template", spec["release"] as? String ?? "rel", spec["chart"] as? String ?? "",
                "--namespace", spec["namespace"] as? String ?? "oracle",
            ]
            for values in spec["values"] as? [String] ?? [] { arguments += ["-f", values] }
            let result = try runFluxhelm(arguments, directory: kit)
            if result.status == 0 {
                try Data(result.stdout.utf8).write(to: out.appendingPathComponent(name + ".yaml"))
            } else {
                try Data(result.stderr.utf8).write(to: out.appendingPathComponent(name + ".error.txt"))
            }
            // Byte comparison is meaningful only where Helm's own output is stable.
            let expected = kit.appendingPathComponent("expected/\(name).yaml")
            let nondeterministic = kit.appendingPathComponent("expected/\(name).nondet.json")
            if FileManager.default.fileExists(atPath: expected.path),
                !FileManager.default.fileExists(atPath: nondeterministic.path)
            {
                byteComparableCases.insert(name)
                if result.status == 0, (try? Data(contentsOf: expected)) == Data(result.stdout.utf8) {
                    byteIdentical.insert(name)
                }
            }
        }
        let compare = Process()
        compare.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compare.arguments = ["python3", kit.appendingPathComponent("compare.py").path, out.path, "--details", "4"]
        let pipe = Pipe()
        compare.standardOutput = pipe
        compare.standardError = pipe
        try compare.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        compare.waitUntilExit()
        var verdicts: [String: Verdict] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for (prefix, passed) in [("PASS ", true), ("FAIL ", false)] where line.hasPrefix(prefix) {
                let rest = line.dropFirst(prefix.count)
                let name = String(rest.prefix { $0 != ":" })
                verdicts[name] = Verdict(passed: passed, line: String(line))
                current = name
            }
            if line.hasPrefix("    "), let current { verdicts[current]?.line += "\n" + line }
        }
        return ChartConformance(
            verdicts: verdicts, byteIdentical: byteIdentical, byteComparableCases: byteComparableCases)
    }
}
