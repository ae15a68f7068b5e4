import KubeAPI
import KubeTestServer
import Testing

@testable import HelmRelease

/// ResourceApplier's install, upgrade and ownership checks against KubeTestServer.
struct ResourceApplierTests {
    private static let appV1 = """
        ---
        # Source: demo/templates/sa.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          labels:
            app.kubernetes.io/managed-by: Chart
        data:
          mode: fast
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: legacy
        data:
          old: "true"
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: precious
        data:
          keep: "me"
        ---
        # Source: demo/templates/rbac.yaml
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: demo-reader
        rules: []
        """

    private static let appV2 = """
        ---
        # Source: demo/templates/sa.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: slow
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fresh
        data:
          new: "yes"
        ---
        # Source: demo/templates/rbac.yaml
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: demo-reader
        rules: []
        """

    private func build(_ client: KubeClient, _ manifest: String) async throws -> [ReleaseResource] {
        try await ResourceBuilder(client: client, namespace: "ns").build(manifest: manifest)
    }

    private func applier(_ client: KubeClient, release: String = "rel") -> ResourceApplier {
        ResourceApplier(client: client, releaseName: release, releaseNamespace: "ns")
    }

    private func configMap(_ client: KubeClient, _ name: String, namespace: String = "ns") async throws -> KubeObject {
        try await client.get(.configMap, ObjectKey(namespace: namespace, name: name))
    }

    // MARK: Install

    @Test(.timeLimit(.minutes(1)))
    func testCreate_appliesEveryObjectWithOwnershipMetadata() async throws {
        try await withResourceCluster { _, client in
            let resources = try await build(client, Self.appV1)
            let changes = try await applier(client).create(resources)

            #expect(changes.created == resources)
            #expect(changes.updated.isEmpty && changes.deleted.isEmpty && changes.kept.isEmpty)
            for resource in resources {
                let live = try await client.get(resource.gvk, resource.key)
                #expect(live.labels["app.kubernetes.io/managed-by"] == "Helm", "\(resource.identity)")
                #expect(live.annotations["meta.helm.sh/release-name"] == "rel")
                #expect(live.annotations["meta.helm.sh/release-namespace"] == "ns")
                // Written by server-side apply with Helm's field manager.
                let managers = live["metadata", "managedFields"]?.arrayValue ?? []
                #expect(managers.contains { $0["manager"] == "helm" && $0["operation"] == "Apply" })
            }
            #expect(try await configMap(client, "settings")["data", "mode"] == "fast")
            // Cluster-scoped objects are written without a namespace.
            let role = try await client.get(
                GroupVersionKind(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole"),
                ObjectKey(name: "demo-reader"))
            #expect(role.namespace == "")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testCreate_existingUnownedObject_failsWithHelmsMessageAndWritesNothing() async throws {
        try await withResourceCluster { _, client in
            var existing = KubeObject(.configMap, key: ObjectKey(namespace: "ns", name: "legacy"))
            existing["data"] = ["owner": "someone"]
            _ = try await client.create(existing)

            let resources = try await build(client, Self.appV1)
            let error = await #expect(throws: ReleaseError.self) { try await applier(client).create(resources) }
            #expect(error?.code == .resourceConflict)
            #expect(
                error?.message == """
                    unable to continue with install: ConfigMap "legacy" in namespace "ns" exists and cannot be \
                    imported into the current release: invalid ownership metadata; label validation error: \
                    missing key "app.kubernetes.io/managed-by": must be set to "Helm"; annotation validation \
                    error: missing key "meta.helm.sh/release-name": must be set to "rel"; annotation validation \
                    error: missing key "meta.helm.sh/release-namespace": must be set to "ns"
                    """)
            #expect(error?.location == "demo/templates/config.yaml")
            // Nothing was written: the check runs before any apply.
            await #expect(throws: KubeAPIError.self) { try await configMap(client, "settings") }
            #expect(try await configMap(client, "legacy")["data", "owner"] == "someone")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testCreate_objectOfAnotherRelease_namesTheWrongValues() async throws {
        try await withResourceCluster { _, client in
            let resources = try await build(client, Self.appV1)
            _ = try await applier(client, release: "first").create(resources)

            let error = await #expect(throws: ReleaseError.self) {
                try await applier(client, release: "second").create(resources)
            }
            #expect(
                error?.message == """
                    unable to continue with install: ServiceAccount "web" in namespace "ns" exists and cannot be \
                    imported into the current release: invalid ownership metadata; annotation validation error: \
                    key "meta.helm.sh/release-name" must equal "second": current value is "first"
                    """)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testCreate_objectsOwnedByThisRelease_areAdopted() async throws {
        try await withResourceCluster { _, client in
            let resources = try await build(client, Self.appV1)
            var owned = KubeObject(.configMap, key: ObjectKey(namespace: "ns", name: "settings"))
            owned.labels = ["app.kubernetes.io/managed-by": "Helm"]
            owned.annotations = ["meta.helm.sh/release-name": "rel", "meta.helm.sh/release-namespace": "ns"]
            _ = try await client.apply(owned, fieldManager: "helm")

            let changes = try await applier(client).create(resources)
            #expect(changes.updated.map(\.key.name) == ["settings"])
            #expect(changes.created.count == resources.count - 1)
            #expect(try await configMap(client, "settings")["data", "mode"] == "fast")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testCreate_takeOwnership_adoptsAnUnownedObject() async throws {
        try await withResourceCluster { _, client in
            var existing = KubeObject(.configMap, key: ObjectKey(namespace: "ns", name: "legacy"))
            existing["data"] = ["old": "true"]
            _ = try await client.create(existing, fieldManager: "kubectl")

            let resources = try await build(client, Self.appV1)
            let changes = try await applier(client).create(resources, takeOwnership: true)
            #expect(changes.updated.map(\.key.name) == ["legacy"])
            let live = try await configMap(client, "legacy")
            #expect(live.annotations["meta.helm.sh/release-name"] == "rel")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testCreate_fieldOwnedByAnotherManager_conflictsUnlessForced() async throws {
        try await withResourceCluster { _, client in
            let resources = try await build(client, Self.appV1)
            let settings = try #require(resources.first { $0.key.name == "settings" })
            // The object is Helm-owned, but kubectl has since changed data.mode.
            _ = try await applier(client).create([settings])
            var edited = try await configMap(client, "settings")
            edited["data", "mode"] = "manual"
            _ = try await client.update(edited, fieldManager: "kubectl")

            let error = await #expect(throws: ReleaseError.self) {
                try await applier(client).update(current: [settings], target: [settings])
            }
            #expect(error?.code == .resourceFailed)
            #expect(
                error?.message.hasPrefix(
                    #"conflict occurred while applying object ns/settings /v1, Kind=ConfigMap: "#
                        + #"Apply failed with 1 conflict: conflict with "kubectl""#
                ) == true, "\(error?.message ?? "")")
            #expect((error?.cause as? KubeAPIError)?.code == .conflict)

            let changes = try await applier(client).update(
                current: [settings], target: [settings], forceConflicts: true)
            #expect(changes.updated == [settings])
            #expect(try await configMap(client, "settings")["data", "mode"] == "fast")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testExistingObjects_listsAdoptableObjectsWithoutWriting() async throws {
        try await withResourceCluster { server, client in
            let resources = try await build(client, Self.appV1)
            let settings = try #require(resources.first { $0.key.name == "settings" })
            _ = try await applier(client).create([settings])
            let before = server.resourceVersion

            #expect(try await applier(client).existingObjects(resources) == [settings])
            #expect(server.resourceVersion == before)
            let error = await #expect(throws: ReleaseError.self) {
                try await applier(client, release: "other").existingObjects(resources)
            }
            #expect(error?.code == .resourceConflict)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testApplyHook_writesAsRenderedWithoutOwnershipMetadata() async throws {
        try await withResourceCluster { _, client in
            let hook = try await build(
                client,
                """
                # Source: demo/templates/hook.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: pre-install-marker
                  annotations:
                    helm.sh/hook: pre-install
                data:
                  ran: "yes"
                """)
            let first = try await applier(client).applyHook(hook)
            #expect(first.created == hook)
            let live = try await configMap(client, "pre-install-marker")
            #expect(live["data", "ran"] == "yes")
            #expect(live.labels["app.kubernetes.io/managed-by"] == nil)
            #expect(live.annotations["meta.helm.sh/release-name"] == nil)
            #expect(live.annotations["helm.sh/hook"] == "pre-install")

            let second = try await applier(client).applyHook(hook)
            #expect(second.updated == hook && second.created.isEmpty)
        }
    }

    // MARK: Upgrade

    @Test(.timeLimit(.minutes(1)))
    func testUpdate_createsPatchesDeletesAndKeeps() async throws {
        try await withResourceCluster { _, client in
            let current = try await build(client, Self.appV1)
            _ = try await applier(client).create(current)
            // `precious` is marked keep on the live object (as a user or an older chart version would).
            var precious = try await configMap(client, "precious")
            precious.annotations["helm.sh/resource-policy"] = "keep"
            _ = try await client.update(precious)

            let target = try await build(client, Self.appV2)
            let changes = try await applier(client).update(current: current, target: target)

            #expect(changes.created.map(\.key.name) == ["fresh"])
            #expect(changes.updated.map(\.key.name) == ["web", "settings", "demo-reader"])
            #expect(changes.deleted.map(\.key.name) == ["legacy"])
            #expect(changes.kept.map(\.key.name) == ["precious"])
            #expect(try await configMap(client, "settings")["data", "mode"] == "slow")
            #expect(try await configMap(client, "fresh")["data", "new"] == "yes")
            #expect(try await configMap(client, "fresh").annotations["meta.helm.sh/release-name"] == "rel")
            await #expect(throws: KubeAPIError.self) { try await configMap(client, "legacy") }
            #expect(try await configMap(client, "precious")["data", "keep"] == "me")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testUpdate_helm3ClientSideRelease_dropsFieldsTheNewChartRemoves() async throws {
        try await withResourceCluster { _, client in
            // Helm 3 wrote the object with client-side apply: its fields belong to an Update entry of "helm".
            var old = KubeObject(.configMap, key: ObjectKey(namespace: "ns", name: "settings"))
            old["data"] = ["mode": "fast", "retired": "yes"]
            old.labels = ["app.kubernetes.io/managed-by": "Helm"]
            old.annotations = ["meta.helm.sh/release-name": "rel", "meta.helm.sh/release-namespace": "ns"]
            _ = try await client.create(old, fieldManager: "helm")
            let current = try await build(
                client,
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n  retired: \"yes\"\n"
            )
            let target = try await build(
                client, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: slow\n")

            _ = try await applier(client).update(current: current, target: target, forceConflicts: true)
            let live = try await configMap(client, "settings")
            #expect(live["data"] == ["mode": "slow"])
            let entries = live["metadata", "managedFields"]?.arrayValue ?? []
            #expect(entries.count == 1)
            #expect(entries.first?["manager"] == "helm" && entries.first?["operation"] == "Apply")
        }
    }

    @Test func testMigratedManagedFields_mergesUpdateIntoApply() {
        let fields: JSONValue = [
            ["manager": "helm", "operation": "Update", "apiVersion": "v1", "fieldsV1": ["f:data": ["f:a": [:]]]],
            ["manager": "helm", "operation": "Apply", "apiVersion": "v1", "fieldsV1": ["f:data": ["f:b": [:]]]],
            ["manager": "kubectl", "operation": "Update", "apiVersion": "v1", "fieldsV1": ["f:data": ["f:c": [:]]]],
        ]
        let migrated = ResourceApplier.migratedManagedFields(fields, manager: "helm")?.arrayValue ?? []
        #expect(migrated.compactMap { $0["manager"]?.stringValue } == ["helm", "kubectl"])
        #expect(migrated.first?["fieldsV1"] == ["f:data": ["f:a": [:], "f:b": [:]]])
        #expect(ResourceApplier.migratedManagedFields(.array([migrated[0]]), manager: "helm") == nil)
    }

    @Test(.timeLimit(.minutes(1)))
    func testUpdate_objectDeletedByHand_isCreatedAgain() async throws {
        try await withResourceCluster { _, client in
            let current = try await build(client, Self.appV1)
            _ = try await applier(client).create(current)
            try await client.delete(.configMap, ObjectKey(namespace: "ns", name: "settings"))

            let changes = try await applier(client).update(current: current, target: current)
            #expect(changes.created.map(\.key.name) == ["settings"])
            #expect(try await configMap(client, "settings")["data", "mode"] == "fast")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testUpdate_newObjectThatExistsUnowned_failsWithUpdatePrefix() async throws {
        try await withResourceCluster { _, client in
            let current = try await build(client, Self.appV1)
            _ = try await applier(client).create(current)
            _ = try await client.create(KubeObject(.configMap, key: ObjectKey(namespace: "ns", name: "fresh")))

            let target = try await build(client, Self.appV2)
            let error = await #expect(throws: ReleaseError.self) {
                try await applier(client).update(current: current, target: target)
            }
            #expect(error?.code == .resourceConflict)
            #expect(
                error?.message.hasPrefix(
                    #"unable to continue with update: ConfigMap "fresh" in namespace "ns" exists "#
                        + "and cannot be imported"
                ) == true)
            // Nothing changed: settings still has the old value, legacy still exists.
            #expect(try await configMap(client, "settings")["data", "mode"] == "fast")
            _ = try await configMap(client, "legacy")

            let adopted = try await applier(client).update(current: current, target: target, takeOwnership: true)
            #expect(adopted.updated.map(\.key.name).contains("fresh"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testUpdate_forceWithForceConflicts_isAnInvalidOperation() async throws {
        try await withResourceCluster { _, client in
            let error = await #expect(throws: ReleaseError.self) {
                try await applier(client).update(current: [], target: [], force: true, forceConflicts: true)
            }
            #expect(error?.code == .invalidOperation)
            #expect(error?.message == "invalid operation: cannot use force conflicts and force replace together")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testUpdate_immutableJobTemplate_failsWithoutForce_replacesWithForce() async throws {
        try await withResourceCluster { _, client in
            func job(_ image: String) -> String {
                """
                ---
                # Source: demo/templates/job.yaml
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: migrate
                          image: \(image)
                """
            }
            let current = try await build(client, job("tool:1"))
            let target = try await build(client, job("tool:2"))
            _ = try await applier(client).create(current)
            let jobKind = GroupVersionKind(group: "batch", version: "v1", kind: "Job")
            let before = try await client.get(jobKind, ObjectKey(namespace: "ns", name: "migrate"))

            let error = await #expect(throws: ReleaseError.self) {
                try await applier(client).update(current: current, target: target)
            }
            #expect(error?.code == .resourceFailed)
            #expect(
                error?.message.hasPrefix(
                    "server-side apply failed for object ns/migrate batch/v1, Kind=Job: "
                        + #"Job.batch "migrate" is invalid: spec.template"#
                ) == true, "\(error?.message ?? "")")
            #expect((error?.cause as? KubeAPIError)?.code == .invalid)

            let changes = try await applier(client).update(current: current, target: target, force: true)
            #expect(changes.updated == target)
            let after = try await client.get(jobKind, ObjectKey(namespace: "ns", name: "migrate"))
            #expect(after.uid != before.uid)
            #expect(after["spec", "template", "spec", "containers"]?[0]?["image"] == "tool:2")
            #expect(after.annotations["meta.helm.sh/release-name"] == "rel")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testUpdate_serviceClusterIPChange_replacedWithForce() async throws {
        try await withResourceCluster { _, client in
            func service(_ ip: String) -> String {
                """
                ---
                # Source: demo/templates/svc.yaml
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  clusterIP: \(ip)
                  ports:
                    - port: 80
                """
            }
            let current = try await build(client, service("10.0.0.10"))
            let target = try await build(client, service("10.0.0.11"))
            _ = try await applier(client).create(current)
            await #expect(throws: ReleaseError.self) {
                try await applier(client).update(current: current, target: target)
            }
            _ = try await applier(client).update(current: current, target: target, force: true)
            let live = try await client.get(.service, ObjectKey(namespace: "ns", name: "web"))
            #expect(live["spec", "clusterIP"] == "10.0.0.11")
        }
    }
}
