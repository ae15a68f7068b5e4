import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer
import Testing

/// `rollback`, `uninstall`, `history`, `status` and `list` against KubeTestServer (or a real cluster).
@Suite(.timeLimit(.minutes(1)))
struct RollbackUninstallActionTests {
    @Test func testRollback_createsRevisionFromTarget() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let v1 = try TestChart.make(version: "1.0.0", templates: ["a.yaml": TestChart.configMap("a")])
            let v2 = try TestChart.make(
                version: "2.0.0", templates: ["a.yaml": TestChart.configMap("a"), "b.yaml": TestChart.configMap("b")])
            _ = try await actions.install(
                InstallOptions(
                    name: "web", namespace: env.namespace, chart: v1, values: try values(#"{"value":"one"}"#)))
            _ = try await actions.upgrade(
                UpgradeOptions(
                    name: "web", namespace: env.namespace, chart: v2, values: try values(#"{"value":"two"}"#)))
            let rolled = try await actions.rollback(name: "web", namespace: env.namespace, RollbackOptions())
            #expect(rolled.version == 3)
            #expect(rolled.status == .deployed)
            #expect(rolled.info?.description == "Rollback to 1")
            #expect(rolled.chart?.metadata?.version == "1.0.0")
            #expect(rolled.config?["value"] == "one")
            let history = try await actions.history(name: "web", namespace: env.namespace)
            #expect(history.map(\.status) == [.superseded, .superseded, .deployed])
            #expect(try await env.configMap("web-a")?["data", "value"] == "one")
            #expect(try await env.configMap("web-b") == nil)

            var missing = RollbackOptions()
            missing.version = 9
            do {
                _ = try await actions.rollback(name: "web", namespace: env.namespace, missing)
                Issue.record("rollback to a missing revision succeeded")
            } catch let error as ReleaseError {
                #expect(error.message == "release has no 9 version")
            }
        }
    }

    @Test func testUninstall_deletesObjectsAndRecords_reportingKept() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: [
                "a.yaml": TestChart.configMap("a"),
                "kept.yaml": TestChart.configMap("kept", annotations: ["helm.sh/resource-policy": "keep"]),
            ])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            _ = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: chart))
            let result = try await actions.uninstall(name: "web", namespace: env.namespace, UninstallOptions())
            #expect(result.release?.status == .uninstalled)
            #expect(result.release?.info?.description == "Uninstallation complete")
            #expect(result.kept.map(\.key.name) == ["web-kept"])
            #expect(result.info == "These resources were kept due to the resource policy:\n[ConfigMap] web-kept\n")
            #expect(try await env.records("web").isEmpty)
            #expect(try await env.configMap("web-a") == nil)
            #expect(try await env.configMap("web-kept") != nil)
            // No record is left, so neither is the release's Lease.
            let leases = KubernetesReleaseLeaseStore(client: env.client)
            #expect(try await leases.get(release: "web", namespace: env.namespace) == nil)
            do {
                _ = try await actions.uninstall(name: "web", namespace: env.namespace, UninstallOptions())
                Issue.record("second uninstall succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .notFound)
            }
            var ignore = UninstallOptions()
            ignore.ignoreNotFound = true
            #expect(try await actions.uninstall(name: "web", namespace: env.namespace, ignore).release == nil)
        }
    }

    @Test func testUninstall_keepHistory_marksUninstalledThenReinstallNeedsReplace() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            var options = UninstallOptions()
            options.keepHistory = true
            options.description = "bye"
            _ = try await actions.uninstall(name: "web", namespace: env.namespace, options)
            let records = try await env.records("web")
            #expect(records["sh.helm.release.v1.web.v1"]?.labels["status"] == "uninstalled")
            // The kept record is still guarded by the Lease.
            let leases = KubernetesReleaseLeaseStore(client: env.client)
            #expect(try await leases.get(release: "web", namespace: env.namespace) != nil)
            let status = try await actions.status(name: "web", namespace: env.namespace)
            #expect(status.info?.description == "bye")
            #expect(status.info?.deleted.isZero == false)
            do {
                _ = try await actions.uninstall(name: "web", namespace: env.namespace, options)
                Issue.record("uninstall of an uninstalled release with keep-history succeeded")
            } catch let error as ReleaseError {
                #expect(error.message == "the release named \"web\" is already deleted")
            }
            // upgrade --install reinstalls over the uninstalled history.
            var upgrade = UpgradeOptions(name: "web", namespace: env.namespace, chart: chart)
            upgrade.install = true
            let reinstalled = try await actions.upgrade(upgrade)
            #expect(reinstalled.version == 2)
            #expect(reinstalled.status == .deployed)
            // Without keep-history an uninstalled release is purged.
            _ = try await actions.uninstall(name: "web", namespace: env.namespace, UninstallOptions())
            #expect(try await env.records("web").isEmpty)
        }
    }

    @Test func testList_filtersStatusesAndNames() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let good = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            let bad = try TestChart.make(templates: ["b.yaml": UpgradeActionTests.badTemplate])
            _ = try await actions.install(InstallOptions(name: "alpha", namespace: env.namespace, chart: good))
            _ = try await actions.install(InstallOptions(name: "beta", namespace: env.namespace, chart: good))
            _ = try? await actions.install(InstallOptions(name: "gamma", namespace: env.namespace, chart: bad))
            var keep = UninstallOptions()
            keep.keepHistory = true
            _ = try await actions.uninstall(name: "beta", namespace: env.namespace, keep)

            #expect(try await actions.list(namespace: env.namespace).map(\.name) == ["alpha", "gamma"])
            var all = ReleaseListFilter()
            all.statuses = ReleaseListFilter.allStatuses
            #expect(
                try await actions.list(namespace: env.namespace, filter: all).map(\.name) == ["alpha", "beta", "gamma"])
            all.nameRegex = "^[ab]"
            all.reverse = true
            #expect(try await actions.list(namespace: env.namespace, filter: all).map(\.name) == ["beta", "alpha"])
            all.offset = 1
            #expect(try await actions.list(namespace: env.namespace, filter: all).map(\.name) == ["alpha"])
        }
    }
}

extension RollbackUninstallActionTests {
    @Test func testUninstall_objectWhoseCRDIsGone_isSkipped() async throws {
        try await ActionBackend.run { env, _ in
            let group = "t\(ActionBackend.randomSuffix()).example.com"
            let crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: gadgets.\(group)
                spec:
                  group: \(group)
                  scope: Namespaced
                  names: {plural: gadgets, singular: gadget, kind: Gadget, listKind: GadgetList}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """
            let gadget = "apiVersion: \(group)/v1\nkind: Gadget\nmetadata:\n  name: {{ .Release.Name }}-g\n"
            let chart = try TestChart.make(
                templates: ["g.yaml": gadget, "a.yaml": TestChart.configMap("a")], crds: ["gadget.yaml": crd])
            let actions = env.configuration()
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            try await env.client.delete(
                GroupVersionKind(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition"),
                ObjectKey(name: "gadgets.\(group)"))
            // A fresh process (a client with no cached discovery) finds the kind gone.
            let result = try await withKubeClient(config: env.config) { client in
                var fresh = env.configuration()
                fresh.client = client
                return try await fresh.uninstall(name: "web", namespace: env.namespace, UninstallOptions())
            }
            #expect(result.release?.status == .uninstalled)
            #expect(try await env.records("web").isEmpty)
            #expect(try await env.configMap("web-a") == nil)
        }
    }
}
