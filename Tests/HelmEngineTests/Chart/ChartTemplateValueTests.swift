import Foundation
import GoTemplate
import Testing

@testable import HelmEngine

struct ChartTemplateValueTests {
    @Test func testTemplateValue_matchesHelmChartObject() throws {
        let documents = try #require(Fixtures.oracleDocuments("metadata"))
        let chart = try ChartLoader().load(path: Fixtures.chart("metadata"))
        let prepared = try ReleaseValues.prepare(chart: chart, values: [:])
        let root = try #require(documents["metadata/templates/chart.yaml"]).trimmingCharacters(in: .newlines)
        #expect(try GoJSON.encode(prepared.chart.templateValue(isRoot: true)) == root)

        // Helm keeps an absent `annotations` as a nil map[string]string (JSON null, printed
        // map[]); we keep an empty map[string]string, so only that field differs for the child.
        let child = try #require(prepared.chart.dependencies.first)
        #expect(child.metadata.hasAnnotations == false)
        let expectedChild = try #require(documents["metadata/charts/child/templates/chart.yaml"])
            .trimmingCharacters(in: .newlines)
        let ours = try GoJSON.encode(child.templateValue(isRoot: false))
        #expect(ours.replacingOccurrences(of: #""Annotations":{}"#, with: #""Annotations":null"#) == expectedChild)
    }
}
