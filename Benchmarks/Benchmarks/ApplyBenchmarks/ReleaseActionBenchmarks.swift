import Benchmark
import GoTemplate
import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer

/// A chart whose one template renders the 50 objects of `releaseManifest`, with the revision from `.Values`.
func benchmarkChart() throws -> Chart {
    let template = releaseManifest(revision: 999).replacingOccurrences(of: "999", with: "{{ .Values.revision }}")
    return try ChartLoader().load(files: [
        ChartFile(name: "Chart.yaml", text: "apiVersion: v2\nname: bench\nversion: 1.0.0\n"),
        ChartFile(name: "values.yaml", text: "revision: 1\n"),
        ChartFile(name: "templates/objects.yaml", text: template),
    ])
}

/// Runs `fluxhelm install` then `upgrade` of the 50-object chart through the release actions (render, records in
/// Secrets, lease lock, server-side apply) against a fresh KubeTestServer, measuring only `phase`.
func measureAction(_ phase: Phase, _ benchmark: Benchmark, unlimited: Bool) async throws {
    let chart = try benchmarkChart()
    try await KubeTestServer.withServer { server in
        let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
        let configuration =
            unlimited ? KubeClient.Configuration(qps: 100_000, burst: 100_000) : KubeClient.Configuration()
        try await withKubeClient(config: config, configuration: configuration) { client in
            _ = try await client.create(
                KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "bench"]]))
            let actions = try await ActionConfiguration.kubernetes(
                client: client, storageDriver: "secret", namespace: "bench")

            if phase == .install { benchmark.startMeasurement() }
            let installed = try await actions.install(InstallOptions(name: "rel", namespace: "bench", chart: chart))
            if phase == .install { benchmark.stopMeasurement() }
            precondition(installed.status == .deployed)

            if phase == .upgrade { benchmark.startMeasurement() }
            let upgraded = try await actions.upgrade(
                UpgradeOptions(name: "rel", namespace: "bench", chart: chart, values: ["revision": .float(2)]))
            if phase == .upgrade { benchmark.stopMeasurement() }
            precondition(upgraded.status == .deployed && upgraded.version == 2)
            blackHole(upgraded)
        }
    }
}

/// The release benchmark: install, then upgrade, a chart of 50 resources.
func releaseActionBenchmarks() {
    Benchmark("Release 50 resources: install (render, record, lock, apply)") {
        try await measureAction(.install, $0, unlimited: false)
    }
    Benchmark("Release 50 resources: upgrade, every object changed") {
        try await measureAction(.upgrade, $0, unlimited: false)
    }
    Benchmark("Release 50 resources, no client rate limit: install") {
        try await measureAction(.install, $0, unlimited: true)
    }
    Benchmark("Release 50 resources, no client rate limit: upgrade") {
        try await measureAction(.upgrade, $0, unlimited: true)
    }
}
