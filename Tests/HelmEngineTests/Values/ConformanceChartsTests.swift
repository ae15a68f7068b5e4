import Foundation
import GoTemplate
import Testing

@testable import HelmEngine

/// Loads every real-world chart of the shared conformance kit and prepares the values of each
/// case, checking that the templates Helm rendered are among the ones we would render.
struct ConformanceChartsTests {
    /// The kit lives beside the repository (`../shared/helm-conformance` from main).
    static let kit: String? = {
        var directory = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("shared/helm-conformance").path
            if FileManager.default.fileExists(atPath: candidate + "/cases.json") { return candidate }
        }
        return nil
    }()

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var chart: String
        var values: [String]
        var testDescription: String { name }
    }

    static func cases() -> [Case] {
        guard let kit, let data = FileManager.default.contents(atPath: kit + "/cases.json"),
            case .object(let members)? = try? JSONReader.parseDocument([UInt8](data))
        else { return [] }
        return members.compactMap { member in
            guard case .string(let chart)? = member.value["chart"], case .array(let files)? = member.value["values"]
            else { return nil }
            let values = files.compactMap { if case .string(let path) = $0 { path } else { nil } }
            return Case(name: member.key, chart: chart, values: values)
        }
    }

    private func templatePaths(_ chart: Chart, prefix: String) -> Set<String> {
        var paths = Set(chart.isLibrary ? [] : chart.templates.map { prefix + "/" + $0.name })
        for dependency in chart.dependencies {
            paths.formUnion(templatePaths(dependency, prefix: prefix + "/charts/" + dependency.name))
        }
        return paths
    }

    @Test(.enabled(if: kit != nil, "the shared conformance kit is not beside the repository"), arguments: cases())
    func testPrepare_realWorldChart(testCase: Case) throws {
        let kit = try #require(Self.kit)
        let options = ValuesOptions(valueFiles: testCase.values.map { kit + "/" + $0 })
        let user = try options.merge()
        let chart = try ChartLoader().load(path: kit + "/" + testCase.chart)
        try ChartDependencies.checkPresent(chart)
        let prepared = try ReleaseValues.prepare(chart: chart, values: user)
        #expect(!prepared.values.isEmpty)
        guard let expected = FileManager.default.contents(atPath: kit + "/expected/\(testCase.name).yaml") else {
            return
        }
        let sources = String(decoding: expected, as: UTF8.self).split(separator: "\n")
            .filter { $0.hasPrefix("# Source: ") }.map { String($0.dropFirst("# Source: ".count)) }
        let ours = templatePaths(prepared.chart, prefix: prepared.chart.name)
        #expect(
            Set(sources).subtracting(ours).isEmpty,
            "Helm rendered templates we would not: \(Set(sources).subtracting(ours))")
    }
}
