import Foundation
import HelmEngine
import HelmRelease
import KubeAPI
import Testing

/// Installs then upgrades a chart of 50 objects and prints time and peak memory per operation. Runs only with
/// FLUXHELM_BENCHMARK=1 (it measures, it does not assert timings). Peak memory is the process's high-water mark
/// (`VmHWM`, reset before each operation through `/proc/self/clear_refs`); with KubeTestServer it includes the
/// in-process server.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["FLUXHELM_BENCHMARK"] == "1", "set FLUXHELM_BENCHMARK=1"))
struct ActionBenchmarkTests {
    static let template = """
        {{- range until 50 }}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ $.Release.Name }}-cm-{{ . }}
        data:
          value: {{ $.Values.value | quote }}
          index: "{{ . }}"
        {{- end }}

        """

    private static func peakKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        }
        return -1
    }

    private static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// Installs then upgrades as `bench` with `actions`; returns what to print.
    private static func measure(_ env: ActionEnvironment, _ actions: ActionConfiguration, name: String) async throws
        -> String
    {
        let chart = try TestChart.make(values: "value: one\n", templates: ["cms.yaml": Self.template])
        let clock = ContinuousClock()
        resetPeak()
        var start = clock.now
        let installed = try await actions.install(InstallOptions(name: name, namespace: env.namespace, chart: chart))
        let installTime = clock.now - start
        let installPeak = peakKilobytes()
        #expect(installed.status == .deployed)

        resetPeak()
        start = clock.now
        let upgraded = try await actions.upgrade(
            UpgradeOptions(
                name: name, namespace: env.namespace, chart: chart, values: try values(#"{"value":"two"}"#)))
        let upgradeTime = clock.now - start
        let upgradePeak = peakKilobytes()
        #expect(upgraded.status == .deployed)
        #expect(try await env.configMap("\(name)-cm-49")?["data", "value"] == "two")
        return "install 50 objects: \(installTime), peak \(installPeak) kB; "
            + "upgrade 50 objects: \(upgradeTime), peak \(upgradePeak) kB"
    }

    @Test(.timeLimit(.minutes(5))) func testBenchmark_installAndUpgrade50Objects() async throws {
        try await ActionBackend.run { env, _ in
            let backend = env.isRealCluster ? "real cluster" : "KubeTestServer in process"
            let limited = try await Self.measure(env, env.configuration(), name: "limited")
            print("BENCHMARK (client limit 50 qps, burst 100; \(backend)) \(limited)")
            // The same with the client-side rate limit out of the way, to show the actions' own cost.
            try await withKubeClient(
                config: env.config,
                configuration: KubeClient.Configuration(timeout: .seconds(20), qps: 100_000, burst: 100_000)
            ) { client in
                var actions = env.configuration()
                actions.client = client
                let unlimited = try await Self.measure(env, actions, name: "unlimited")
                print("BENCHMARK (no client rate limit; \(backend)) \(unlimited)")
            }
        }
    }
}
