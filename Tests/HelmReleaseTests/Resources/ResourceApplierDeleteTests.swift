import HelmEngine
import KubeAPI
import KubeTestServer
import Testing

@testable import HelmRelease

/// ResourceApplier's uninstall deletes and CRD installation against KubeTestServer.
struct ResourceApplierDeleteTests {
    private static let manifest = """
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: precious
          annotations:
            helm.sh/resource-policy: " Keep "
        ---
        # Source: demo/templates/svc.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - port: 80
        ---
        # Source: demo/templates/deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx
        ---
        # Source: demo/templates/rbac.yaml
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: demo-reader
        rules: []
        """

    private func applier(_ client: KubeClient) -> ResourceApplier {
        ResourceApplier(client: client, releaseName: "rel", releaseNamespace: "ns")
    }

    @Test(.timeLimit(.minutes(1)))
    func testDelete_inGivenOrder_keepsAndSkipsAbsent() async throws {
        try await withResourceCluster { server, client in
            let resources = try await ResourceBuilder(client: client, namespace: "ns").build(manifest: Self.manifest)
            _ = try await applier(client).create(KindSortOrder.install.sorted(resources, kind: \.gvk.kind))
            // Someone already removed the Service.
            try await client.delete(.service, ObjectKey(namespace: "ns", name: "web"))
            let start = server.resourceVersion

            let order = KindSortOrder.uninstall.sorted(resources, kind: \.gvk.kind)
            let changes = try await applier(client).delete(order)

            #expect(changes.kept.map(\.key.name) == ["precious"])
            #expect(
                changes.deleted.map(\.identity.description) == [
                    "Deployment.apps ns/web", "ClusterRole.rbac.authorization.k8s.io demo-reader",
                    "ConfigMap ns/settings",
                ])
            _ = try await client.get(.configMap, ObjectKey(namespace: "ns", name: "precious"))
            for resource in changes.deleted {
                await #expect(throws: KubeAPIError.self) { try await client.get(resource.gvk, resource.key) }
            }
            // The cluster saw the deletes in uninstall order.
            let seen = try await deletionOrder(
                client, since: start, of: changes.deleted.map { ($0.gvk, $0.key) })
            #expect(seen == ["Deployment/web", "ClusterRole/demo-reader", "ConfigMap/settings"])
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testDelete_failures_areCollectedAndNamed_othersStillDeleted() async throws {
        try await withResourceCluster { server, client in
            let resources = try await ResourceBuilder(client: client, namespace: "ns").build(manifest: Self.manifest)
            _ = try await applier(client).create(resources)
            server.failNextRequests(
                1, status: 403,
                matching: .all([.method("DELETE"), .pathPrefix("/apis/apps/v1/namespaces/ns/deployments")]))

            let (changes, errors) = await applier(client).deleteReporting(resources)
            #expect(errors.count == 1)
            #expect(errors.first?.message.hasPrefix(#"failed to delete Deployment "web" in namespace "ns": "#) == true)
            #expect((errors.first?.cause as? KubeAPIError)?.code == .forbidden)
            #expect(changes.deleted.count == 3)
            _ = try await client.get(.deployment, ObjectKey(namespace: "ns", name: "web"))

            server.failNextRequests(
                1, status: 403,
                matching: .all([.method("DELETE"), .pathPrefix("/apis/apps/v1/namespaces/ns/deployments")]))
            let error = await #expect(throws: ReleaseError.self) { try await applier(client).delete(resources) }
            #expect(error?.code == .resourceFailed)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testUpdate_removedObjects_deletedInReverseInstallOrder() async throws {
        try await withResourceCluster { server, client in
            let resources = KindSortOrder.install.sorted(
                try await ResourceBuilder(client: client, namespace: "ns").build(manifest: Self.manifest),
                kind: \.gvk.kind)
            _ = try await applier(client).create(resources)
            let start = server.resourceVersion

            let changes = try await applier(client).update(current: resources, target: [])
            #expect(changes.kept.isEmpty)  // The keep policy on update is read from the live object: exactly "keep".
            let seen = try await deletionOrder(client, since: start, of: changes.deleted.map { ($0.gvk, $0.key) })
            #expect(seen == resources.reversed().map { "\($0.gvk.kind)/\($0.key.name)" })
        }
    }

    // MARK: CRDs

    @Test(.timeLimit(.minutes(1)))
    func testInstallCRDs_createsAndWaitsUntilEstablished() async throws {
        try await withResourceCluster { server, client in
            server.holdCRDEstablishment(true)
            let clock = SteppingClock { sleeps in
                // The cluster establishes the CRD while the applier waits (after its second pause).
                if sleeps == 2 { server.establishCRDs() }
            }
            var applier = ResourceApplier(client: client, releaseName: "rel", releaseNamespace: "ns", clock: clock)
            applier.pollInterval = .seconds(1)
            let crds = try await ResourceBuilder(client: client, namespace: "ns").build(manifest: widgetCRDManifest)

            try await applier.installCRDs(crds, timeout: .seconds(60))
            #expect(clock.sleeps == 2)
            let live = try await client.get(.customResourceDefinition, ObjectKey(name: "widgets.example.com"))
            #expect(ResourceApplier.isEstablished(live))
            // CRDs are not part of the release: no ownership metadata.
            #expect(live.labels["app.kubernetes.io/managed-by"] == nil)
            // The new kind is usable at once.
            let widgets = try await ResourceBuilder(client: client, namespace: "ns").build(
                manifest: "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n")
            _ = try await applier.create(widgets)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testInstallCRDs_notEstablishedInTime_timesOut() async throws {
        try await withResourceCluster { server, client in
            server.holdCRDEstablishment(true)
            let clock = SteppingClock()
            var applier = ResourceApplier(client: client, releaseName: "rel", releaseNamespace: "ns", clock: clock)
            applier.pollInterval = .seconds(2)
            let crds = try await ResourceBuilder(client: client, namespace: "ns").build(manifest: widgetCRDManifest)

            let error = await #expect(throws: ReleaseError.self) {
                try await applier.installCRDs(crds, timeout: .seconds(10))
            }
            #expect(error?.code == .timeout)
            #expect(
                error?.message == "timed out after 10.0 seconds waiting for CRD widgets.example.com to be established")
            #expect(clock.sleeps == 5)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testInstallCRDs_existingCRD_isLeftAsIs() async throws {
        try await withResourceCluster { _, client in
            let crds = try await ResourceBuilder(client: client, namespace: "ns").build(manifest: widgetCRDManifest)
            let applier = applier(client)
            try await applier.installCRDs(crds, timeout: .seconds(30))
            let first = try await client.get(.customResourceDefinition, ObjectKey(name: "widgets.example.com"))

            var changed = crds
            changed[0].object["spec", "names", "shortNames"] = ["wd"]
            try await applier.installCRDs(changed, timeout: .seconds(30))
            let second = try await client.get(.customResourceDefinition, ObjectKey(name: "widgets.example.com"))
            #expect(second.resourceVersion == first.resourceVersion)
            #expect(second["spec", "names", "shortNames"] == nil)
        }
    }
}
