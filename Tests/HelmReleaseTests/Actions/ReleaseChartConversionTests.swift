import Foundation
import GoTemplate
import HelmEngine
import Testing

@testable import HelmRelease

/// The chart fluxhelm stores in a release, compared with what real Helm stored for the same chart (the committed
/// fixture records), and the conversion back.
struct ReleaseChartConversionTests {
    private func helmStoredChart() throws -> ReleaseChart {
        let release = try Fixtures.record("helm-secret-rel-v1.json").release(codec: ReleaseCodec())
        return try #require(release.chart)
    }

    private func loadedFixtureChart() throws -> HelmEngine.Chart {
        try ChartLoader().load(path: try Fixtures.directory.appendingPathComponent("chart").path)
    }

    @Test func testInit_matchesWhatHelmStored_exceptModificationTimes() throws {
        let helm = try helmStoredChart()
        let ours = try ReleaseChart(try loadedFixtureChart())
        #expect(ours.metadata == helm.metadata)
        #expect(ours.lock == helm.lock)
        #expect(ours.values == helm.values)
        #expect(ours.schema == helm.schema)
        func withoutTimes(_ files: [ChartFile]?) -> [String: [UInt8]] {
            Dictionary(uniqueKeysWithValues: (files ?? []).map { ($0.name, $0.data) })
        }
        #expect(ours.templates?.map(\.name) == helm.templates?.map(\.name))
        #expect(withoutTimes(ours.templates) == withoutTimes(helm.templates))
        #expect(ours.files?.map(\.name) == helm.files?.map(\.name))
        #expect(withoutTimes(ours.files) == withoutTimes(helm.files))
    }

    @Test func testEngineChart_roundTripsStoredChart() throws {
        let helm = try helmStoredChart()
        let engine = try helm.engineChart()
        #expect(engine.metadata.name == "fixture")
        #expect(engine.metadata.annotations["example.com/team"] == "núcleo")
        #expect(engine.templates.map(\.name) == helm.templates?.map(\.name))
        // Stored numbers come back as float64, as Go's json.Unmarshal gives them to templates.
        guard case .float(let replicas)? = engine.values["replicas"] else {
            Issue.record("replicas is \(String(describing: engine.values["replicas"]))")
            return
        }
        #expect(replicas == 1)
        let again = try ReleaseChart(engine)
        #expect(again.metadata == helm.metadata)
        #expect(again.values == helm.values)
    }

    @Test func testValues_keepGoNumberForms() throws {
        let stored = try LosslessJSON.values([
            "int": .int(3, .int64), "float": .float(1.5), "big": .float(1_000_000), "text": .string("<a&b>"),
            "list": .list([.bool(true), .null], .interface),
        ])
        #expect(stored["int"] == .number("3"))
        #expect(stored["float"] == .number("1.5"))
        #expect(stored["big"] == .number("1000000"))  // json.Marshal uses exponents only from 1e21
        #expect(stored["text"] == .string("<a&b>"))
        #expect(stored["list"] == .array([.bool(true), .null]))
        let back = try LosslessJSON.templateValues(stored)
        guard case .float(let int)? = back["int"] else {
            Issue.record("int came back as \(String(describing: back["int"]))")
            return
        }
        #expect(int == 3)
    }
}
