import Foundation
import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer
import Testing

/// Less common paths of the actions: rollback hooks, cleanup on failure, test Pods, conflicts on upgrade, failed
/// delete hooks.
@Suite(.timeLimit(.minutes(2)))
struct ActionFailureTests {
    static let testPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{ .Release.Name }}-%NAME%
          annotations:
            helm.sh/hook: test
        spec:
          restartPolicy: Never
          containers:
            - name: main
              image: busybox:1.36
              command: ["sh", "-c", "exit %EXIT%"]

        """

    private func withControllers<T: Sendable>(
        _ env: ActionEnvironment, _ server: KubeTestServer?, failing: [String: String] = [:],
        _ body: () async throws -> T
    ) async throws -> T {
        guard server != nil else { return try await body() }
        let rules = FakeControllerRules(namespace: env.namespace, outcomes: failing.mapValues { .fail($0) })
        return try await withFakeControllers(client: env.client, rules: rules, body)
    }

    @Test func testRollback_runsRollbackHooks() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("a"),
                "h1.yaml": TestChart.hookConfigMap("pre-rb", events: "pre-rollback"),
                "h2.yaml": TestChart.hookConfigMap("post-rb", events: "post-rollback"),
            ])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            _ = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: chart))
            #expect(try await env.configMap("web-pre-rb") == nil)
            let rolled = try await actions.rollback(name: "web", namespace: env.namespace, RollbackOptions())
            #expect(rolled.info?.description == "Rollback to 1")
            // The hooks are revision 1's, rendered then: .Release.Revision was 1.
            #expect(try await env.configMap("web-pre-rb")?["data", "revision"] == "1")
            #expect(try await env.configMap("web-post-rb") != nil)
            #expect(rolled.hooks.filter { $0.events.contains(.preRollback) }.first?.lastRun.phase == .succeeded)
        }
    }

    @Test func testUpgrade_cleanupOnFail_deletesCreatedObjects() async throws {
        try await ActionBackend.run { env, server in
            let actions = env.configuration()
            let v1 = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: v1))
            let v2 = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("a"), "b.yaml": TestChart.configMap("new"),
                "j.yaml": JobHookActionTests.job("post", events: "post-upgrade", exit: 1),
            ])
            var options = UpgradeOptions(name: "web", namespace: env.namespace, chart: v2)
            options.cleanupOnFail = true
            options.timeout = .seconds(90)
            do {
                _ = try await withControllers(env, server, failing: ["web-post": "BackoffLimitExceeded"]) {
                    try await actions.upgrade(options)
                }
                Issue.record("upgrade succeeded")
            } catch let error as ReleaseError {
                #expect(error.message.hasPrefix("post-upgrade hooks failed: "))
            }
            #expect(try await env.configMap("web-new") == nil)
            #expect(try await env.configMap("web-a") != nil)
            let history = try await actions.history(name: "web", namespace: env.namespace)
            #expect(history.map(\.status) == [.deployed, .failed])
        }
    }

    @Test func testTest_podsRecordResults_andFailureIsReported() async throws {
        try await ActionBackend.run { env, server in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("a"),
                "t1.yaml": Self.testPod.replacingOccurrences(of: "%NAME%", with: "a-ok").replacingOccurrences(
                    of: "%EXIT%", with: "0"),
                "t2.yaml": Self.testPod.replacingOccurrences(of: "%NAME%", with: "bad").replacingOccurrences(
                    of: "%EXIT%", with: "1"),
            ])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            var options = TestOptions()
            options.timeout = .seconds(90)
            do {
                _ = try await withControllers(env, server, failing: ["web-bad": "exit code 1"]) {
                    try await actions.test(name: "web", namespace: env.namespace, options)
                }
                Issue.record("a failing test passed")
            } catch let error as ReleaseError {
                #expect(error.message.contains("web-bad"))
            }
            let stored = try await actions.status(name: "web", namespace: env.namespace)
            #expect(stored.status == .deployed)
            #expect(stored.info?.description == "Install complete")
            #expect(stored.hooks.first { $0.name == "web-a-ok" }?.lastRun.phase == .succeeded)
            #expect(stored.hooks.first { $0.name == "web-bad" }?.lastRun.phase == .failed)
        }
    }

    @Test func testUpgrade_newObjectOwnedByOthers_writesNothing() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let v1 = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: v1))
            _ = try await env.client.create(
                KubeObject(.configMap, key: ObjectKey(namespace: env.namespace, name: "web-b")))
            let v2 = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("a"), "b.yaml": TestChart.configMap("b"),
            ])
            do {
                _ = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: v2))
                Issue.record("upgrade succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .resourceConflict)
                #expect(error.message.hasPrefix("unable to continue with update: "))
            }
            #expect(try await env.records("web").count == 1)
        }
    }

    @Test func testUninstall_failedPreDeleteHook_leavesReleaseAsItWas() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let hook =
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Hook\n"
                + "  annotations:\n    helm.sh/hook: pre-delete\n"
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a"), "h.yaml": hook])
            let installed = try await actions.install(
                InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            do {
                _ = try await actions.uninstall(name: "web", namespace: env.namespace, UninstallOptions())
                Issue.record("uninstall succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .hookFailed)
            }
            let stored = try await actions.status(name: "web", namespace: env.namespace)
            #expect(stored.status == .deployed)
            #expect(stored.info == installed.info)
            #expect(try await env.configMap("web-a") != nil)
        }
    }
}
