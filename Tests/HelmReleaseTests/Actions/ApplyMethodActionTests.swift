import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer
import Testing

/// Releases Helm 3 applied client-side (`apply_method` empty) are taken over with forced server-side apply;
/// releases already applied server-side keep conflict detection.
@Suite(.timeLimit(.minutes(1)))
struct ApplyMethodActionTests {
    /// Installs, records `applyMethod`, and lets another manager change the object's data.
    private func prepare(_ env: ActionEnvironment, applyMethod: String) async throws -> ActionConfiguration {
        let actions = env.configuration()
        let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
        var release = try await actions.install(
            InstallOptions(name: "web", namespace: env.namespace, chart: chart, values: try values(#"{"value":"one"}"#))
        )
        release.applyMethod = applyMethod
        try await actions.storage.update(release)
        var live = try await env.client.get(.configMap, ObjectKey(namespace: env.namespace, name: "web-a"))
        live["data", "value"] = "edited"
        _ = try await env.client.update(live, fieldManager: "kubectl-client-side-apply")
        return actions
    }

    @Test func testUpgrade_clientSideAppliedRelease_takesOverFields() async throws {
        try await ActionBackend.run { env, _ in
            let actions = try await prepare(env, applyMethod: "")
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            let upgraded = try await actions.upgrade(
                UpgradeOptions(
                    name: "web", namespace: env.namespace, chart: chart, values: try values(#"{"value":"two"}"#)))
            #expect(upgraded.applyMethod == "ssa")
            #expect(try await env.configMap("web-a")?["data", "value"] == "two")
        }
    }

    @Test func testUpgrade_serverSideAppliedRelease_reportsConflict() async throws {
        try await ActionBackend.run { env, _ in
            let actions = try await prepare(env, applyMethod: "ssa")
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            do {
                _ = try await actions.upgrade(
                    UpgradeOptions(
                        name: "web", namespace: env.namespace, chart: chart, values: try values(#"{"value":"two"}"#)))
                Issue.record("upgrade overrode another manager's field without --force-conflicts")
            } catch let error as ReleaseError {
                #expect(error.message.contains("web-a"))
            }
            var forced = UpgradeOptions(
                name: "web", namespace: env.namespace, chart: chart, values: try values(#"{"value":"two"}"#))
            forced.forceConflicts = true
            _ = try await actions.upgrade(forced)
            #expect(try await env.configMap("web-a")?["data", "value"] == "two")
        }
    }
}
