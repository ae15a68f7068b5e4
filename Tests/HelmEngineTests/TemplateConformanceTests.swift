import Foundation
import GoTemplate
import HelmEngine
import Testing

/// Runs the template conformance corpus (`Conformance/**/NAME.tpl`): each case is rendered by fluxhelm exactly as
/// `render_template.py` renders it with Helm's own engine, and compared byte for byte with the committed
/// `NAME.expected` or `NAME.expected-error`. A case that fluxhelm cannot pass yet has a `NAME.known-issue` file
/// saying why; it still runs, and is reported as a known issue instead of a failure.
struct TemplateConformanceTests {
    @Test(arguments: TemplateCase.all)
    func testRender_matchesHelm(_ testCase: TemplateCase) throws {
        if let reason = testCase.knownIssue {
            withKnownIssue(Comment(rawValue: reason)) { try check(testCase) }
        } else {
            try check(testCase)
        }
    }

    @Test func testCorpus_isLargeEnough() {
        // The corpus is the proof of fidelity; shrinking it by accident must not go unnoticed.
        #expect(TemplateCase.all.count >= 600, "only \(TemplateCase.all.count) template cases found")
    }

    private func check(_ testCase: TemplateCase) throws {
        let result = testCase.render()
        switch (result, testCase.expected) {
        case (.success(let output), .output(let expected)):
            #expect(output == expected, "\(testCase.name): output differs")
        case (.failure(let failure), .error(let expected)):
            #expect(failure.message == expected, "\(testCase.name): error message differs")
        case (.success(let output), .error(let expected)):
            Issue.record("\(testCase.name): rendered \(output.debugDescription) but Helm fails with: \(expected)")
        case (.failure(let failure), .output(let expected)):
            Issue.record("\(testCase.name): failed with \(failure.message) but Helm renders \(expected.debugDescription)")
        }
    }
}

/// One template case of the corpus and what Helm made of it.
struct TemplateCase: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable { case output(String), error(String) }

    /// `family/name`.
    let name: String
    let directory: URL
    let base: String
    let expected: Expected
    let knownIssue: String?

    var testDescription: String { name }

    /// Every case in the bundled corpus, sorted by name.
    static let all: [TemplateCase] = {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Conformance"),
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        else { return [] }
        var cases: [TemplateCase] = []
        for case let url as URL in walker where url.pathExtension == "tpl" && !url.lastPathComponent.hasSuffix(".helpers.tpl") {
            let directory = url.deletingLastPathComponent()
            let base = url.deletingPathExtension().lastPathComponent
            let family = directory.lastPathComponent
            func read(_ suffix: String) -> String? {
                try? String(contentsOf: directory.appendingPathComponent(base + suffix), encoding: .utf8)
            }
            let expected: Expected
            if let output = read(".expected") {
                expected = .output(output)
            } else if let error = read(".expected-error") {
                // render_template.py ends the message with a newline of its own.
                expected = .error(error.hasSuffix("\n") ? String(error.dropLast()) : error)
            } else {
                continue  // not generated yet: scripts/gen-template-expected makes it
            }
            cases.append(
                TemplateCase(
                    name: family + "/" + base, directory: directory, base: base, expected: expected,
                    knownIssue: read(".known-issue")?.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return cases.sorted { $0.name < $1.name }
    }()

    /// Renders the case as `render_template.py` does: chart `conformance` 0.1.0 (appVersion 1.0.0), the template as
    /// `templates/case.yaml`, optional helpers and files, release `rel` in namespace `ns`, default capabilities.
    func render() -> Result<String, RenderFailure> {
        do {
            var files = [
                ChartFile(
                    name: "Chart.yaml",
                    text: "apiVersion: v2\nname: conformance\nversion: 0.1.0\nappVersion: 1.0.0\ntype: application\n"),
                ChartFile(name: "templates/case.yaml", data: try bytes(base + ".tpl")),
            ]
            if let helpers = try? bytes(base + ".helpers.tpl") {
                files.append(ChartFile(name: "templates/_helpers.tpl", data: helpers))
            }
            files += try extraFiles()
            let chart = try ChartLoader().load(files: files)
            var values: [String: Value] = [:]
            if let text = try? String(contentsOf: directory.appendingPathComponent(base + ".values.yaml"), encoding: .utf8) {
                values = try GoYAML.decodeObject(text, file: base + ".values.yaml")
            }
            let prepared = try ReleaseValues.prepare(chart: chart, values: values)
            let renderer = ChartRenderer()
            let templates = try renderer.parse(prepared.chart)
            let files2 = try renderer.renderFiles(
                templates, values: prepared.values, release: ReleaseOptions(name: "rel", namespace: "ns"))
            return .success(files2["conformance/templates/case.yaml"] ?? "")
        } catch {
            return .failure(RenderFailure(message: String(describing: error)))
        }
    }

    private func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// `NAME.files/` placed at the chart root.
    private func extraFiles() throws -> [ChartFile] {
        let root = directory.appendingPathComponent(base + ".files")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var files: [ChartFile] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files.append(ChartFile(name: relative, data: Array(try Data(contentsOf: url))))
        }
        return files
    }
}

/// A render that failed, with the message fluxhelm printed.
struct RenderFailure: Error, Equatable {
    var message: String
}
