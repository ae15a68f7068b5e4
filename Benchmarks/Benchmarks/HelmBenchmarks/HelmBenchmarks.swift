import Benchmark
import Foundation
import GoTemplate
import HelmEngine
import HelmRepo

/// The chart the engine benchmarks render: the largest in the shared Helm conformance kit (cert-manager, about
/// 1.1 MB of templates), found through `FLUXHELM_BENCH_CHART` or `../../shared/helm-conformance/charts/`.
func benchmarkChartPath() -> String {
    if let path = ProcessInfo.processInfo.environment["FLUXHELM_BENCH_CHART"] { return path }
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return repository.deletingLastPathComponent().appendingPathComponent("shared/helm-conformance/charts/cert-manager")
        .path
}

/// An `index.yaml` with `count` versions spread over 100 charts, as a large repository publishes it.
func repositoryIndexYAML(count: Int) -> String {
    var out = "apiVersion: v1\nentries:\n"
    let perChart = max(count / 100, 1)
    for chart in 0..<100 {
        out += "  chart-\(chart):\n"
        for version in 0..<perChart {
            let semver = "\(version / 100).\(version / 10 % 10).\(version % 10)"
            out += """
                  - name: chart-\(chart)
                    version: \(semver)
                    appVersion: "\(semver)"
                    digest: \(String(repeating: "a", count: 64))
                    created: "2026-11-20T10:00:00Z"
                    urls:
                      - charts/chart-\(chart)-\(semver).tgz

                """
        }
    }
    return out + "generated: \"2026-11-20T10:00:00Z\"\n"
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5), maxIterations: 50)

    let chartPath = benchmarkChartPath()
    let release = ReleaseOptions(name: "rel", namespace: "oracle")

    Benchmark("Chart render, cold (load + values + parse + render + sort)") { benchmark in
        for _ in benchmark.scaledIterations {
            let chart = try ChartLoader().load(path: chartPath)
            let prepared = try ReleaseValues.prepare(chart: chart, values: [:])
            blackHole(try ChartRenderer().render(prepared, release: release))
        }
    }

    Benchmark("Chart parse only (templates of the prepared chart)") { benchmark in
        let prepared = try ReleaseValues.prepare(chart: try ChartLoader().load(path: chartPath), values: [:])
        let renderer = ChartRenderer()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try renderer.parse(prepared.chart)) }
    }

    Benchmark("Chart render, templates cached (execute + sort)") { benchmark in
        let prepared = try ReleaseValues.prepare(chart: try ChartLoader().load(path: chartPath), values: [:])
        let renderer = ChartRenderer()
        let templates = try renderer.parse(prepared.chart)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try renderer.render(templates, chart: prepared.chart, values: prepared.values, release: release))
        }
    }

    Benchmark("Repository index: parse 10,000 entries and resolve ^4.5") { benchmark in
        let yaml = repositoryIndexYAML(count: 10_000)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let index = try RepositoryIndex(yaml: yaml, source: "bench/index.yaml")
            blackHole(try index.resolve("chart-42", version: "^0.5"))
        }
    }

    Benchmark("Repository index: resolve a constraint in a parsed 10,000-entry index") { benchmark in
        let index = try RepositoryIndex(yaml: repositoryIndexYAML(count: 10_000), source: "bench/index.yaml")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try index.resolve("chart-42", version: ">=0.3.0 <0.9.0")) }
    }
}
