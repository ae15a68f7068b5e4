import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer
import Testing

/// Hooks through the actions: phases, order, delete policies and recorded runs (ConfigMap hooks, which complete
/// as soon as they exist), against KubeTestServer (or a real cluster).
@Suite(.timeLimit(.minutes(1)))
struct HookActionTests {
    private static func version(_ object: KubeObject?) -> Int { Int(object?.resourceVersion ?? "") ?? -1 }

    @Test func testInstall_runsHooksByWeightThenName_aroundResources() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("res"),
                "h1.yaml": TestChart.hookConfigMap("x-late", events: "pre-install", weight: 5),
                "h2.yaml": TestChart.hookConfigMap("z-early", events: "pre-install", weight: -1),
                "h3.yaml": TestChart.hookConfigMap("a-mid", events: "pre-install", weight: 5),
                "h4.yaml": TestChart.hookConfigMap("post", events: "post-install"),
                "h5.yaml": TestChart.hookConfigMap("upgrade-only", events: "pre-upgrade"),
            ])
            let release = try await env.configuration().install(
                InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            let early = Self.version(try await env.configMap("web-z-early"))
            let mid = Self.version(try await env.configMap("web-a-mid"))
            let late = Self.version(try await env.configMap("web-x-late"))
            let resource = Self.version(try await env.configMap("web-res"))
            let post = Self.version(try await env.configMap("web-post"))
            #expect(early > 0)
            #expect(early < mid && mid < late && late < resource && resource < post)
            #expect(try await env.configMap("web-upgrade-only") == nil)
            // Hooks are not part of the manifest; their runs are recorded with the default delete policy.
            #expect(!release.manifest.contains("x-late"))
            let stored = try await env.configuration().status(name: "web", namespace: env.namespace)
            let ran = stored.hooks.filter { $0.events.contains(.preInstall) || $0.events.contains(.postInstall) }
            #expect(ran.count == 4)
            for hook in ran {
                #expect(hook.lastRun.phase == .succeeded)
                #expect(!hook.lastRun.startedAt.isZero && !hook.lastRun.completedAt.isZero)
                #expect(hook.deletePolicies == [.beforeHookCreation])
            }
            let unrun = try #require(stored.hooks.first { $0.name == "web-upgrade-only" })
            #expect(unrun.lastRun.phase.rawValue == "")
            #expect(unrun.deletePolicies.isEmpty)
        }
    }

    @Test func testHooks_deletePolicies_beforeCreationAndSucceeded() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("res"),
                "h1.yaml": TestChart.hookConfigMap("again", events: "pre-install,pre-upgrade"),
                "h2.yaml": TestChart.hookConfigMap(
                    "gone", events: "post-install,post-upgrade", deletePolicy: "hook-succeeded"),
            ])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            let first = try #require(try await env.configMap("web-again"))
            #expect(first["data", "revision"] == "1")
            #expect(try await env.configMap("web-gone") == nil)
            _ = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: chart))
            // before-hook-creation: the old object was deleted and a new one created.
            let second = try #require(try await env.configMap("web-again"))
            #expect(second.uid != first.uid)
            #expect(second["data", "revision"] == "2")
            #expect(try await env.configMap("web-gone") == nil)
            let stored = try await actions.status(name: "web", namespace: env.namespace)
            #expect(stored.hooks.first { $0.name == "web-gone" }?.lastRun.phase == .succeeded)
        }
    }

    @Test func testInstall_noHooks_skipsThem() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("res"), "h.yaml": TestChart.hookConfigMap("pre", events: "pre-install"),
            ])
            var options = InstallOptions(name: "web", namespace: env.namespace, chart: chart)
            options.noHooks = true
            let release = try await env.configuration().install(options)
            #expect(release.status == .deployed)
            #expect(try await env.configMap("web-pre") == nil)
            #expect(try await env.configMap("web-res") != nil)
        }
    }

    @Test func testInstall_hookRejectedByServer_failsReleaseWithHelmMessage() async throws {
        try await ActionBackend.run { env, _ in
            let hook =
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Hook\n"
                + "  annotations:\n    helm.sh/hook: pre-install\n"
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("res"), "h.yaml": hook])
            do {
                _ = try await env.configuration().install(
                    InstallOptions(name: "web", namespace: env.namespace, chart: chart))
                Issue.record("install succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .hookFailed)
                #expect(
                    error.message.hasPrefix(
                        "failed pre-install: warning: Hook pre-install demo/templates/h.yaml failed: "))
            }
            let stored = try await env.configuration().status(name: "web", namespace: env.namespace)
            #expect(stored.status == .failed)
            #expect(stored.hooks.first?.lastRun.phase == .failed)
            #expect(try await env.configMap("web-res") == nil)
        }
    }

    @Test func testUninstall_runsDeleteHooks_andTestRecordsRuns() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("res"),
                "t1.yaml": TestChart.hookConfigMap("test-a", events: "test"),
                "t2.yaml": TestChart.hookConfigMap("test-b", events: "test"),
                "d1.yaml": TestChart.hookConfigMap("pre-delete", events: "pre-delete"),
                "d2.yaml": TestChart.hookConfigMap(
                    "post-delete", events: "post-delete", deletePolicy: "hook-succeeded"),
            ])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            var filter = TestOptions()
            filter.filter = ["!name=web-test-b"]
            let tested = try await actions.test(name: "web", namespace: env.namespace, filter)
            #expect(tested.status == .deployed)
            #expect(tested.hooks.first { $0.name == "web-test-a" }?.lastRun.phase == .succeeded)
            #expect(tested.hooks.first { $0.name == "web-test-b" }?.lastRun.phase.rawValue == "")
            #expect(try await actions.status(name: "web", namespace: env.namespace) == tested)
            #expect(try await env.configMap("web-test-a") != nil)
            #expect(try await env.configMap("web-test-b") == nil)

            _ = try await actions.uninstall(name: "web", namespace: env.namespace, UninstallOptions())
            #expect(try await env.configMap("web-res") == nil)
            #expect(try await env.configMap("web-pre-delete") != nil)
            #expect(try await env.configMap("web-post-delete") == nil)
        }
    }
}
