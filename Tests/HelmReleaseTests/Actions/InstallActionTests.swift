import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer
import Testing

/// `install` against KubeTestServer (or a real cluster under FLUXHELM_TEST_KUBECONFIG).
@Suite(.timeLimit(.minutes(1)))
struct InstallActionTests {
    @Test func testInstall_recordsDeployedReleaseAndCreatesObjects() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(
                values: "value: default\n",
                templates: ["cm.yaml": TestChart.configMap("cm"), "NOTES.txt": "hi {{ .Release.Name }}"])
            var options = InstallOptions(
                name: "web", namespace: env.namespace, chart: chart, values: try values(#"{"value":"set"}"#))
            options.labels = ["team": "blue"]
            let release = try await env.configuration().install(options)

            #expect(release.status == .deployed)
            #expect(release.info?.description == "Install complete")
            #expect(release.info?.notes == "hi web")
            #expect(release.version == 1)
            #expect(release.applyMethod == "ssa")
            #expect(release.config?["value"] == "set")
            #expect(release.chart?.metadata?.name == "demo")
            #expect(release.manifest.contains("# Source: demo/templates/cm.yaml"))

            let records = try await env.records("web")
            let record = try #require(records["sh.helm.release.v1.web.v1"])
            #expect(record.labels["status"] == "deployed")
            #expect(record.labels["version"] == "1")
            #expect(record.labels["team"] == "blue")
            #expect(record["type"] == "helm.sh/release.v1")

            let configMap = try #require(try await env.configMap("web-cm"))
            #expect(configMap["data", "value"] == "set")
            #expect(configMap.labels["app.kubernetes.io/managed-by"] == "Helm")
            #expect(configMap.annotations["meta.helm.sh/release-name"] == "web")

            let stored = try await env.configuration().status(name: "web", namespace: env.namespace)
            #expect(stored == release)
        }
    }

    @Test func testInstall_nameInUse_failsAndOverwritesNothing() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: ["cm.yaml": TestChart.configMap("cm")])
            let actions = env.configuration()
            let first = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            await #expect(throws: ReleaseError(code: .invalidOperation, message: "")) {
                _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            }
            do {
                _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            } catch let error as ReleaseError {
                #expect(error.message == "release name check failed: cannot reuse a name that is still in use")
            }
            #expect(try await env.records("web").count == 1)
            #expect(try await actions.status(name: "web", namespace: env.namespace) == first)
        }
    }

    @Test(arguments: ["", "Web", "-web", "web-", "a_b", String(repeating: "a", count: 54)])
    func testInstall_invalidName_isRejected(_ name: String) async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: ["cm.yaml": TestChart.configMap("cm")])
            do {
                _ = try await env.configuration().install(
                    InstallOptions(name: name, namespace: env.namespace, chart: chart))
                Issue.record("install of \(name) succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .invalidOperation)
                #expect(error.message.hasPrefix("release name check failed: release name \"\(name)\": "))
            }
        }
    }

    @Test func testInstall_failingTemplate_writesNothing() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: ["cm.yaml": "{{ fail \"boom\" }}"])
            do {
                _ = try await env.configuration().install(
                    InstallOptions(name: "web", namespace: env.namespace, chart: chart))
                Issue.record("install succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .renderFailed)
                #expect(error.message.contains("demo/templates/cm.yaml"))
                #expect(error.message.contains("boom"))
            }
            #expect(try await env.records("web").isEmpty)
        }
    }

    @Test func testInstall_objectRejectedByServer_recordsFailedWithServerMessage() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("ok"),
                "b.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n",
            ])
            do {
                _ = try await env.configuration().install(
                    InstallOptions(name: "web", namespace: env.namespace, chart: chart))
                Issue.record("install succeeded")
            } catch let error as ReleaseError {
                #expect(error.message.contains("Bad_Name"))
                #expect(error.message.contains("ConfigMap"))
            }
            let release = try await env.configuration().status(name: "web", namespace: env.namespace)
            #expect(release.status == .failed)
            let description = release.info?.description ?? ""
            #expect(description.hasPrefix("Release \"web\" failed: "))
            #expect(description.contains("Bad_Name"))
            #expect(try await env.records("web")["sh.helm.release.v1.web.v1"]?.labels["status"] == "failed")
        }
    }

    @Test func testInstall_atomic_uninstallsOnFailure() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("ok"),
                "b.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n",
            ])
            var options = InstallOptions(name: "web", namespace: env.namespace, chart: chart)
            options.atomic = true
            options.timeout = .seconds(10)
            do {
                _ = try await env.configuration().install(options)
                Issue.record("install succeeded")
            } catch let error as ReleaseError {
                #expect(
                    error.message.hasPrefix(
                        "release web failed, and has been uninstalled due to rollback-on-failure being set: "))
            }
            #expect(try await env.records("web").isEmpty)
            #expect(try await env.configMap("web-ok") == nil)
        }
    }

    @Test func testInstall_dryRun_writesNothing() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: ["cm.yaml": TestChart.configMap("cm")])
            var options = InstallOptions(name: "web", namespace: env.namespace, chart: chart)
            options.dryRun = true
            let release = try await env.configuration().install(options)
            #expect(release.info?.description == "Dry run complete")
            #expect(release.manifest.contains("name: web-cm"))
            #expect(try await env.records("web").isEmpty)
            #expect(try await env.configMap("web-cm") == nil)
        }
    }

    @Test func testInstall_replace_reusesNameOfFailedRelease() async throws {
        try await ActionBackend.run { env, _ in
            let bad = try TestChart.make(templates: [
                "b.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n"
            ])
            let actions = env.configuration()
            _ = try? await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: bad))
            let good = try TestChart.make(templates: ["cm.yaml": TestChart.configMap("cm")])
            var options = InstallOptions(name: "web", namespace: env.namespace, chart: good)
            options.replace = true
            let release = try await actions.install(options)
            #expect(release.version == 2)
            #expect(release.status == .deployed)
            let history = try await actions.history(name: "web", namespace: env.namespace)
            #expect(history.map(\.status) == [.failed, .deployed])
        }
    }

    @Test func testInstall_crds_createdBeforeTemplatesThatUseThem() async throws {
        try await ActionBackend.run { env, _ in
            let group = "t\(ActionBackend.randomSuffix()).example.com"
            let crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.\(group)
                spec:
                  group: \(group)
                  scope: Namespaced
                  names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """
            let widget =
                "apiVersion: \(group)/v1\nkind: Widget\nmetadata:\n  name: {{ .Release.Name }}-w\nspec:\n  size: 3\n"
            let chart = try TestChart.make(templates: ["w.yaml": widget], crds: ["widget.yaml": crd])
            let release = try await env.configuration().install(
                InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            #expect(release.status == .deployed)
            #expect(!release.manifest.contains("CustomResourceDefinition"))
            let object = try await env.client.get(
                GroupVersionKind(group: group, version: "v1", kind: "Widget"),
                ObjectKey(namespace: env.namespace, name: "web-w"))
            #expect(object["spec", "size"] == 3)
            _ = try? await env.client.delete(
                GroupVersionKind(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition"),
                ObjectKey(name: "widgets.\(group)"))
        }
    }
}

extension InstallActionTests {
    @Test func testInstall_objectOwnedByOthers_stopsBeforeAnythingIsWritten() async throws {
        try await ActionBackend.run { env, _ in
            _ = try await env.client.create(
                KubeObject(.configMap, key: ObjectKey(namespace: env.namespace, name: "web-a")))
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("a"), "h.yaml": TestChart.hookConfigMap("pre", events: "pre-install"),
            ])
            do {
                _ = try await env.configuration().install(
                    InstallOptions(name: "web", namespace: env.namespace, chart: chart))
                Issue.record("install succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .resourceConflict)
                #expect(error.message.hasPrefix("unable to continue with install: "))
                #expect(error.message.contains("web-a"))
            }
            #expect(try await env.records("web").isEmpty)
            #expect(try await env.configMap("web-pre") == nil)
            #expect(try await env.configMap("web-a")?.labels["app.kubernetes.io/managed-by"] == nil)
        }
    }
}

extension InstallActionTests {
    @Test func testInstall_createNamespace_createsItLabelled() async throws {
        try await ActionBackend.run { env, _ in
            let namespace = "fluxhelm-actions-new-\(ActionBackend.randomSuffix())"
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            var options = InstallOptions(name: "web", namespace: namespace, chart: chart)
            options.createNamespace = true
            let release = try await env.configuration().install(options)
            #expect(release.namespace == namespace)
            let created = try await env.client.get(.namespace, ObjectKey(name: namespace))
            #expect(created.labels["name"] == namespace)
            #expect(
                try await env.client.get(.configMap, ObjectKey(namespace: namespace, name: "web-a")).name == "web-a")
            // Without --create-namespace a missing namespace fails before anything is recorded.
            var missing = InstallOptions(name: "web", namespace: namespace + "-x", chart: chart)
            missing.timeout = .seconds(5)
            await #expect(throws: (any Error).self) { _ = try await env.configuration().install(missing) }
            _ = try? await env.client.delete(.namespace, ObjectKey(name: namespace))
        }
    }
}
