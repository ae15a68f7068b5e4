import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer
import Testing

/// `upgrade` against KubeTestServer (or a real cluster under FLUXHELM_TEST_KUBECONFIG).
@Suite(.timeLimit(.minutes(1)))
struct UpgradeActionTests {
    static let badTemplate = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n"

    @Test func testUpgrade_supersedesPreviousAndAppliesChanges() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let v1 = try TestChart.make(
                version: "0.1.0",
                templates: [
                    "a.yaml": TestChart.configMap("a"), "gone.yaml": TestChart.configMap("gone"),
                    "kept.yaml": TestChart.configMap("kept", annotations: ["helm.sh/resource-policy": "keep"]),
                ])
            let installed = try await actions.install(
                InstallOptions(
                    name: "web", namespace: env.namespace, chart: v1, values: try values(#"{"value":"one"}"#)))
            env.clock.advance(.seconds(5))
            let v2 = try TestChart.make(
                version: "0.2.0", templates: ["a.yaml": TestChart.configMap("a"), "b.yaml": TestChart.configMap("b")])
            let upgraded = try await actions.upgrade(
                UpgradeOptions(
                    name: "web", namespace: env.namespace, chart: v2, values: try values(#"{"value":"two"}"#)))

            #expect(upgraded.version == 2)
            #expect(upgraded.status == .deployed)
            #expect(upgraded.info?.description == "Upgrade complete")
            #expect(upgraded.info?.firstDeployed == installed.info?.firstDeployed)
            #expect(upgraded.info?.lastDeployed != installed.info?.lastDeployed)
            #expect(upgraded.chart?.metadata?.version == "0.2.0")
            let history = try await actions.history(name: "web", namespace: env.namespace)
            #expect(history.map(\.status) == [.superseded, .deployed])
            let records = try await env.records("web")
            #expect(records["sh.helm.release.v1.web.v1"]?.labels["status"] == "superseded")
            #expect(records["sh.helm.release.v1.web.v2"]?.labels["status"] == "deployed")

            #expect(try await env.configMap("web-a")?["data", "value"] == "two")
            #expect(try await env.configMap("web-b") != nil)
            #expect(try await env.configMap("web-gone") == nil)
            #expect(try await env.configMap("web-kept") != nil)
        }
    }

    @Test func testUpgrade_valuesRules() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let template = TestChart.configMap(
                "v", data: "  a: {{ .Values.a | quote }}\n  b: {{ .Values.b | quote }}\n  d: {{ .Values.d | quote }}\n")
            let v1 = try TestChart.make(
                values: "a: chart1\nb: chart1\nd: old-default\n", templates: ["v.yaml": template])
            let v2 = try TestChart.make(
                values: "a: chart2\nb: chart2\nd: new-default\n", templates: ["v.yaml": template])
            _ = try await actions.install(
                InstallOptions(name: "web", namespace: env.namespace, chart: v1, values: try values(#"{"a":"user1"}"#)))

            func upgrade(_ json: String, _ configure: (inout UpgradeOptions) -> Void) async throws -> KubeObject? {
                var options = UpgradeOptions(name: "web", namespace: env.namespace, chart: v2, values: try values(json))
                configure(&options)
                _ = try await actions.upgrade(options)
                return try await env.configMap("web-v")
            }
            // No new values: the previous config is reused over the new chart's defaults.
            var object = try await upgrade("{}") { _ in }
            #expect(object?["data", "a"] == "user1")
            #expect(object?["data", "d"] == "new-default")
            // --reset-values: only the new values over the new defaults.
            object = try await upgrade("{}") { $0.resetValues = true }
            #expect(object?["data", "a"] == "chart2")
            // New values replace the config when no flag is given.
            object = try await upgrade(#"{"b":"user2"}"#) { _ in }
            #expect(object?["data", "a"] == "chart2")
            #expect(object?["data", "b"] == "user2")
            // --reuse-values: the previous config under the new values, over the previous chart's defaults.
            object = try await upgrade(#"{"a":"user3"}"#) { $0.reuseValues = true }
            #expect(object?["data", "a"] == "user3")
            #expect(object?["data", "b"] == "user2")
            #expect(object?["data", "d"] == "new-default")
            let stored = try await actions.status(name: "web", namespace: env.namespace)
            #expect(stored.config?["a"] == "user3")
            #expect(stored.config?["b"] == "user2")
            // --reset-then-reuse-values: the previous config under the new values, over the new chart's defaults.
            let v3 = try TestChart.make(
                values: "a: chart3\nb: chart3\nd: third-default\n", templates: ["v.yaml": template])
            var options = UpgradeOptions(
                name: "web", namespace: env.namespace, chart: v3, values: try values(#"{"a":"user4"}"#))
            options.resetThenReuseValues = true
            _ = try await actions.upgrade(options)
            object = try await env.configMap("web-v")
            #expect(object?["data", "a"] == "user4")
            #expect(object?["data", "b"] == "user2")
            #expect(object?["data", "d"] == "third-default")
        }
    }

    @Test func testUpgrade_failure_recordsFailedAndKeepsPreviousDeployed() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let good = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: good))
            let bad = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a"), "b.yaml": Self.badTemplate])
            do {
                _ = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: bad))
                Issue.record("upgrade succeeded")
            } catch let error as ReleaseError {
                #expect(error.message.contains("Bad_Name"))
            }
            let history = try await actions.history(name: "web", namespace: env.namespace)
            #expect(history.map(\.status) == [.deployed, .failed])
            #expect(history.last?.info?.description.hasPrefix("Upgrade \"web\" failed: ") == true)
            // The next upgrade starts from the deployed revision 1.
            let fixed = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: good))
            #expect(fixed.version == 3)
            let after = try await actions.history(name: "web", namespace: env.namespace)
            #expect(after.map(\.status) == [.superseded, .failed, .deployed])
        }
    }

    @Test func testUpgrade_atomic_rollsBackToLastDeployed() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let good = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            _ = try await actions.install(
                InstallOptions(
                    name: "web", namespace: env.namespace, chart: good, values: try values(#"{"value":"good"}"#)))
            let bad = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a"), "b.yaml": Self.badTemplate])
            var options = UpgradeOptions(
                name: "web", namespace: env.namespace, chart: bad, values: try values(#"{"value":"bad"}"#))
            options.atomic = true
            options.timeout = .seconds(10)
            do {
                _ = try await actions.upgrade(options)
                Issue.record("upgrade succeeded")
            } catch let error as ReleaseError {
                #expect(
                    error.message.hasPrefix(
                        "release web failed, and has been rolled back due to rollback-on-failure being set: "))
            }
            let history = try await actions.history(name: "web", namespace: env.namespace)
            #expect(history.map(\.status) == [.superseded, .failed, .deployed])
            #expect(history.last?.info?.description == "Rollback to 1")
            #expect(try await env.configMap("web-a")?["data", "value"] == "good")
        }
    }

    @Test func testUpgrade_install_installsMissingRelease_andPlainUpgradeRefuses() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            do {
                _ = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: chart))
                Issue.record("upgrade of a missing release succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .noDeployedRelease)
                #expect(error.message == "\"web\" has no deployed releases")
            }
            var options = UpgradeOptions(name: "web", namespace: env.namespace, chart: chart)
            options.install = true
            let installed = try await actions.upgrade(options)
            #expect(installed.version == 1)
            #expect(installed.info?.description == "Install complete")
            let upgraded = try await actions.upgrade(options)
            #expect(upgraded.version == 2)
        }
    }

    @Test func testUpgrade_historyMax_prunesOldestButKeepsDeployed() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration(maxHistory: 3)
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            for index in 2...5 {
                _ = try await actions.upgrade(
                    UpgradeOptions(
                        name: "web", namespace: env.namespace, chart: chart,
                        values: try values(#"{"value":"v\#(index)"}"#)))
            }
            let records = try await env.records("web")
            #expect(
                records.keys.sorted() == [
                    "sh.helm.release.v1.web.v3", "sh.helm.release.v1.web.v4", "sh.helm.release.v1.web.v5",
                ])
            let history = try await actions.history(name: "web", namespace: env.namespace)
            #expect(history.map(\.version) == [3, 4, 5])
            #expect(history.map(\.status) == [.superseded, .superseded, .deployed])
        }
    }
}
