import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer
import Testing

/// Hooks and waits that need controllers: Jobs, Deployments. On KubeTestServer the fake controllers play them; on
/// a real cluster (FLUXHELM_TEST_KUBECONFIG) the objects really run (busybox and pause images).
@Suite(.timeLimit(.minutes(2)))
struct JobHookActionTests {
    /// Runs `body` with fake controllers on KubeTestServer, or as is on a real cluster.
    private func withControllers<T: Sendable>(
        _ env: ActionEnvironment, _ server: KubeTestServer?, ignored: Set<String> = [],
        failing: [String: String] = [:], _ body: () async throws -> T
    ) async throws -> T {
        guard server != nil else { return try await body() }
        let rules = FakeControllerRules(
            namespace: env.namespace, outcomes: failing.mapValues { .fail($0) }, ignored: ignored)
        return try await withFakeControllers(client: env.client, rules: rules, body)
    }

    static func job(_ suffix: String, events: String, exit: Int = 0, sleep: Int = 0, policy: String? = nil) -> String {
        var annotations = "    helm.sh/hook: \(events)\n"
        if let policy { annotations += "    helm.sh/hook-delete-policy: \(policy)\n" }
        return """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: {{ .Release.Name }}-\(suffix)
              annotations:
            \(annotations)spec:
              backoffLimit: 0
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: main
                      image: busybox:1.36
                      command: ["sh", "-c", "sleep \(sleep); exit \(exit)"]

            """
    }

    static func deployment(image: String = "registry.k8s.io/pause:3.9") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-app
        spec:
          replicas: 1
          selector:
            matchLabels: {app: "{{ .Release.Name }}"}
          template:
            metadata:
              labels: {app: "{{ .Release.Name }}"}
            spec:
              containers:
                - name: main
                  image: \(image)

        """
    }

    private func job(_ env: ActionEnvironment, _ name: String) async throws -> KubeObject? {
        do {
            return try await env.client.get(
                GroupVersionKind(group: "batch", version: "v1", kind: "Job"),
                ObjectKey(namespace: env.namespace, name: name))
        } catch let error as KubeAPIError where error.code == .notFound {
            return nil
        }
    }

    @Test func testInstall_jobHooksCompleteAndSucceededOnesAreDeleted() async throws {
        try await ActionBackend.run { env, server in
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("res"),
                "j1.yaml": Self.job("pre", events: "pre-install", policy: "hook-succeeded"),
                "j2.yaml": Self.job("post", events: "post-install"),
            ])
            let release = try await withControllers(env, server) {
                try await env.configuration().install(
                    InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            }
            #expect(release.status == .deployed)
            #expect(release.hooks.allSatisfy { $0.lastRun.phase == .succeeded })
            #expect(try await job(env, "web-pre") == nil)
            #expect(try await job(env, "web-post") != nil)
        }
    }

    @Test func testInstall_failingHookJob_failsReleaseAndAppliesHookFailedPolicy() async throws {
        try await ActionBackend.run { env, server in
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("res"),
                "j1.yaml": Self.job("a-first", events: "pre-install", policy: "hook-succeeded"),
                "j2.yaml": Self.job("z-broken", events: "pre-install", exit: 1, policy: "hook-failed"),
            ])
            do {
                _ = try await withControllers(env, server, failing: ["web-z-broken": "BackoffLimitExceeded"]) {
                    var options = InstallOptions(name: "web", namespace: env.namespace, chart: chart)
                    options.timeout = .seconds(90)
                    return try await env.configuration().install(options)
                }
                Issue.record("install succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .hookFailed)
                #expect(error.message.hasPrefix("failed pre-install: "))
                #expect(error.message.contains("web-z-broken"))
            }
            let stored = try await env.configuration().status(name: "web", namespace: env.namespace)
            #expect(stored.status == .failed)
            #expect(stored.info?.description.hasPrefix("Release \"web\" failed: failed pre-install: ") == true)
            #expect(stored.hooks.first { $0.name == "web-z-broken" }?.lastRun.phase == .failed)
            #expect(stored.hooks.first { $0.name == "web-a-first" }?.lastRun.phase == .succeeded)
            // hook-failed deleted the failed Job; hook-succeeded deleted the one that ran before it.
            #expect(try await job(env, "web-z-broken") == nil)
            #expect(try await job(env, "web-a-first") == nil)
            #expect(try await env.configMap("web-res") == nil)
        }
    }

    @Test func testInstall_hookTimeout_failsWithTimeout() async throws {
        try await ActionBackend.run { env, server in
            let chart = try TestChart.make(templates: ["j.yaml": Self.job("slow", events: "pre-install", sleep: 3600)])
            do {
                _ = try await withControllers(env, server, ignored: ["web-slow"]) {
                    var options = InstallOptions(name: "web", namespace: env.namespace, chart: chart)
                    options.timeout = .seconds(2)
                    return try await env.configuration().install(options)
                }
                Issue.record("install succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .timeout)
                #expect(error.message.contains("web-slow"))
            }
            #expect(try await env.configuration().status(name: "web", namespace: env.namespace).status == .failed)
        }
    }

    @Test func testInstall_wait_deployedOnceReady() async throws {
        try await ActionBackend.run { env, server in
            let chart = try TestChart.make(templates: ["d.yaml": Self.deployment()])
            var options = InstallOptions(name: "web", namespace: env.namespace, chart: chart)
            options.wait = true
            options.timeout = .seconds(90)
            let release = try await withControllers(env, server) { try await env.configuration().install(options) }
            #expect(release.status == .deployed)
        }
    }

    @Test func testInstall_atomicWaitTimeout_uninstalls() async throws {
        try await ActionBackend.run { env, server in
            let chart = try TestChart.make(templates: [
                "d.yaml": Self.deployment(image: "registry.invalid/never:1"), "a.yaml": TestChart.configMap("res"),
            ])
            var options = InstallOptions(name: "web", namespace: env.namespace, chart: chart)
            options.atomic = true
            options.timeout = .seconds(2)
            do {
                _ = try await withControllers(env, server, ignored: ["web-app"]) {
                    try await env.configuration().install(options)
                }
                Issue.record("install succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .timeout)
                #expect(error.message.contains("has been uninstalled due to rollback-on-failure"))
                #expect(error.message.contains("web-app"))
            }
            #expect(try await env.records("web").isEmpty)
            #expect(try await env.configMap("web-res") == nil)
        }
    }
}
