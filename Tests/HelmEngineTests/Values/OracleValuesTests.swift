import Foundation
import GoTemplate
import Testing

@testable import HelmEngine

/// A chart case recorded with Helm (Fixtures/oracle/record.sh from cases.txt).
struct OracleCase: CustomTestStringConvertible, Sendable {
    var name: String
    var chart: String
    var arguments: [String]

    var testDescription: String { name }

    static func all() -> [OracleCase] {
        guard let text = Fixtures.read("oracle/cases.txt") else { return [] }
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let fields = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            return OracleCase(
                name: fields[0], chart: fields[1], arguments: fields[2].split(separator: " ").map(String.init))
        }
    }

    /// The values options the arguments describe (render.py's `-f`, `--set`, `--set-string`).
    var options: ValuesOptions {
        var options = ValuesOptions()
        var index = 0
        while index + 1 < arguments.count {
            let value = arguments[index + 1]
            switch arguments[index] {
            case "-f": options.valueFiles.append(value)
            case "--set": options.values.append(value)
            case "--set-string": options.stringValues.append(value)
            default: break
            }
            index += 2
        }
        return options
    }
}

struct OracleValuesTests {
    private func prepare(_ testCase: OracleCase) throws -> ReleaseValues.Prepared {
        let user = try testCase.options.merge { path in
            guard let data = FileManager.default.contents(atPath: Fixtures.root + "/" + path) else {
                throw ChartError(code: .notFound, message: "open \(path): no such file or directory")
            }
            return [UInt8](data)
        }
        let chart = try ChartLoader().load(path: Fixtures.root + "/" + testCase.chart)
        try ChartDependencies.checkPresent(chart)
        return try ReleaseValues.prepare(chart: chart, values: user)
    }

    /// Paths of the templates Helm would render for the processed chart (library charts render none).
    private func renderedPaths(_ chart: Chart, prefix: String) -> [String] {
        var paths: [String] = []
        if !chart.isLibrary {
            paths += chart.templates.filter { !GoPath.base($0.name).hasPrefix("_") }.map { prefix + "/" + $0.name }
        }
        for dependency in chart.dependencies {
            paths += renderedPaths(dependency, prefix: prefix + "/charts/" + dependency.name)
        }
        return paths
    }

    @Test func testCorpus_isPresent() {
        #expect(OracleCase.all().count >= 25)
    }

    @Test(arguments: OracleCase.all().filter { Fixtures.read("oracle/\($0.name).expected") != nil })
    func testPrepare_matchesHelmValues(testCase: OracleCase) throws {
        let documents = try #require(Fixtures.oracleDocuments(testCase.name))
        let prepared = try prepare(testCase)
        let root = prepared.chart.name
        #expect(Set(renderedPaths(prepared.chart, prefix: root)) == Set(documents.keys))
        for (path, body) in documents where path.hasSuffix("templates/values.yaml") {
            // The chart's scope: root, or the chain of subchart names in the path.
            let inner = path.dropFirst(root.count + 1).dropLast("templates/values.yaml".count)
            let scope = inner.split(separator: "/").enumerated().filter { $0.offset % 2 == 1 }.map {
                String($0.element)
            }
            var values: Value = .map(prepared.values)
            for name in scope {
                guard case .map(let map, _) = values, let next = map[name] else {
                    Issue.record("no values for \(path)")
                    return
                }
                values = next
            }
            let json =
                scope.isEmpty
                ? body
                : String(
                    body.split(separator: "\n").first { $0.hasPrefix("values: ") }?
                        .dropFirst("values: ".count) ?? "")
            let expected = try JSONReader.parseDocument(Array(json.utf8))
            #expect(ValueMatch.matches(values, expected), "\(path): got \(values)")
        }
    }

    @Test(arguments: OracleCase.all().filter { Fixtures.read("oracle/\($0.name).expected-error") != nil })
    func testPrepare_failsLikeHelm(testCase: OracleCase) throws {
        let helm = try #require(Fixtures.read("oracle/\(testCase.name).expected-error"))
        let error = try #require(throws: ChartError.self) { try prepare(testCase) }
        if let last = helm.split(separator: "\n").last, last.hasPrefix("helm_python.errors.HelmValuesError: ") {
            // The oracle parses each --set alone; Helm's CLI prefixes the flag.
            let message = last.dropFirst("helm_python.errors.HelmValuesError: ".count)
            #expect(error.message == "failed parsing --set data: \(message)")
        } else if helm.hasPrefix("Error: chart dependencies processing failed: ") {
            #expect(error.message == helm.dropFirst("Error: ".count).trimmingCharacters(in: .newlines))
        } else if helm.contains("values don't meet the specifications") {
            // The library walks Go maps, so Helm's line order varies; compare the lines as a set.
            let expected = helm.dropFirst("Error: ".count).split(separator: "\n").map(String.init)
            #expect(error.code == .schemaViolation || error.code == .invalidSchema)
            #expect(error.message.split(separator: "\n").map(String.init).sorted() == expected.sorted())
        } else if helm.hasPrefix("Error: failed to parse ") {
            // The oracle reads -f files as common.Values; Helm's CLI as map[string]interface {}.
            // Helm's CLI (loader.LoadValues) also says "cannot unmarshal yaml document:".
            let file = helm.dropFirst("Error: failed to parse ".count).split(separator: ":")[0]
            let detail = helm.components(separatedBy: "json: ")[1].components(separatedBy: "Go value of type")[0]
            #expect(
                error.message == "failed to parse \(file): cannot unmarshal yaml document: error unmarshaling JSON: "
                    + "while decoding JSON: json: \(detail)Go value of type map[string]interface {}")
        } else {
            Issue.record("unrecognised oracle error: \(helm)")
        }
    }
}
