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

    @Test(.timeLimit(.minutes(5))) func testBenchmark_installAndUpgrade50Objects() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(values: "value: one\n", templates: ["cms.yaml": Self.template])
            let clock = ContinuousClock()
            Self.resetPeak()
            var start = clock.now
            let installed = try await actions.install(
                InstallOptions(name: "bench", namespace: env.namespace, chart: chart))
            let installTime = clock.now - start
            let installPeak = Self.peakKilobytes()
            #expect(installed.status == .deployed)

            Self.resetPeak()
            start = clock.now
            let upgraded = try await actions.upgrade(
                UpgradeOptions(
                    name: "bench", namespace: env.namespace, chart: chart, values: try values(#"{"value":"two"}"#)))
            let upgradeTime = clock.now - start
            let upgradePeak = Self.peakKilobytes()
            #expect(upgraded.status == .deployed)
            #expect(try await env.configMap("bench-cm-49")?["data", "value"] == "two")
            print(
                "BENCHMARK install 50 objects: \(installTime), peak \(installPeak) kB; "
                    + "upgrade 50 objects: \(upgradeTime), peak \(upgradePeak) kB "
                    + "(\(env.isRealCluster ? "real cluster" : "KubeTestServer in process"))")
        }
    }
}
