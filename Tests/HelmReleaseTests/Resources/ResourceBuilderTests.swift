import HelmEngine
import KubeAPI
import KubeTestServer
import Testing

@testable import HelmRelease

/// ResourceBuilder against KubeTestServer's discovery.
struct ResourceBuilderTests {
    private let manifest = """
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: fast
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: elsewhere
          namespace: other
        ---
        # Source: demo/templates/empty.yaml
        # nothing rendered here
        ---
        # Source: demo/templates/rbac.yaml
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
          namespace: ignored
        rules: []
        ---
        # Source: demo/templates/deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          progressDeadlineSeconds: 1.5
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
        # Source: demo/templates/widget.yaml
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: gadget
        spec:
          size: 2
        ---
        # Source: demo/templates/list.yaml
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Secret
            metadata:
              name: first
          - apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: second
        """

    private func installWidgetCRD(_ client: KubeClient) async throws {
        let crds = try await ResourceBuilder(client: client, namespace: "ns").build(manifest: widgetCRDManifest)
        let applier = ResourceApplier(client: client, releaseName: "rel", releaseNamespace: "ns")
        try await applier.installCRDs(crds, timeout: .seconds(30))
    }

    @Test(.timeLimit(.minutes(1)))
    func testBuild_manifestWithSeveralKinds_keepsOrderAndResolvesEach() async throws {
        try await withResourceCluster { _, client in
            try await installWidgetCRD(client)
            let resources = try await ResourceBuilder(client: client, namespace: "ns").build(manifest: manifest)

            #expect(
                resources.map(\.displayName) == [
                    #"ConfigMap "settings" in namespace "ns""#, #"ConfigMap "elsewhere" in namespace "other""#,
                    #"ClusterRole "reader""#, #"Deployment "web" in namespace "ns""#,
                    #"Widget "gadget" in namespace "ns""#, #"Secret "first" in namespace "ns""#,
                    #"ServiceAccount "second" in namespace "ns""#,
                ])
            #expect(
                resources.map(\.sourcePath) == [
                    "demo/templates/config.yaml", "demo/templates/config.yaml", "demo/templates/rbac.yaml",
                    "demo/templates/deploy.yaml", "demo/templates/widget.yaml", "demo/templates/list.yaml",
                    "demo/templates/list.yaml",
                ])
            // The cluster-scoped kind carries no namespace, even when the template wrote one.
            let role = try #require(resources.first { $0.gvk.kind == "ClusterRole" })
            #expect(role.key == ObjectKey(name: "reader"))
            #expect(role.object.namespace == "")
            #expect(role.mapping.namespaced == false)
            // The custom kind is mapped through the CRD's discovery.
            let widget = try #require(resources.first { $0.gvk.kind == "Widget" })
            #expect(widget.mapping.resource == "widgets")
            #expect(widget.object["spec", "size"] == .int(2))
            // Whole numbers are integers on the wire; others stay floating point.
            let deployment = try #require(resources.first { $0.gvk.kind == "Deployment" })
            #expect(deployment.object["spec", "replicas"] == .int(3))
            #expect(deployment.object["spec", "progressDeadlineSeconds"] == .double(1.5))
            #expect(deployment.gvk == .deployment)
            #expect(deployment.mapping.resource == "deployments")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testBuild_unknownKind_failsLikeHelmNamingTheSource() async throws {
        try await withResourceCluster { _, client in
            let text = """
                ---
                # Source: demo/templates/gizmo.yaml
                apiVersion: example.com/v1
                kind: Gizmo
                metadata:
                  name: g1
                """
            let error = await #expect(throws: ReleaseError.self) {
                try await ResourceBuilder(client: client, namespace: "ns").build(manifest: text)
            }
            #expect(error?.code == .invalidManifest)
            #expect(
                error?.message == """
                    resource mapping not found for name: "g1" namespace: "" from "demo/templates/gizmo.yaml": \
                    no matches for kind "Gizmo" in version "example.com/v1"
                    ensure CRDs are installed first
                    """)
            #expect(error?.location == "demo/templates/gizmo.yaml")
            #expect((error?.cause as? KubeAPIError)?.code == .noKindMatch)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testBuild_renderedManifests_oneDocumentEach() async throws {
        try await withResourceCluster { _, client in
            let manifests = [
                HelmEngine.Manifest(
                    sourcePath: "demo/templates/a.yaml",
                    content: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
                    head: ManifestHead(apiVersion: "v1", kind: "ConfigMap", name: "a")),
                HelmEngine.Manifest(
                    sourcePath: "demo/templates/b.yaml",
                    content: "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  namespace: other\n",
                    head: ManifestHead(apiVersion: "v1", kind: "Service", name: "b")),
            ]
            let resources = try await ResourceBuilder(client: client, namespace: "ns").build(manifests: manifests)
            #expect(
                resources.map(\.key) == [
                    ObjectKey(namespace: "ns", name: "a"), ObjectKey(namespace: "other", name: "b"),
                ])
            #expect(resources.map(\.sourcePath) == ["demo/templates/a.yaml", "demo/templates/b.yaml"])
        }
    }

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            ("apiVersion: v1\nmetadata:\n  name: x\n", "Object 'Kind' is missing"),
            ("kind: ConfigMap\nmetadata:\n  name: x\n", "Object 'apiVersion' is missing"),
            ("- a\n- b\n", "a Kubernetes object must be a YAML map, got list"),
            ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n", "yaml"),
            ("apiVersion: v1\nkind: List\nitems: 3\n", "List: items is not a list"),
        ])
    func testBuild_badDocument_namesTheSource(document: String, fragment: String) async throws {
        try await withResourceCluster { _, client in
            let text = "---\n# Source: demo/templates/bad.yaml\n" + document
            let error = await #expect(throws: ReleaseError.self) {
                try await ResourceBuilder(client: client, namespace: "ns").build(manifest: text)
            }
            #expect(error?.code == .invalidManifest)
            #expect(error?.message.hasPrefix("error parsing demo/templates/bad.yaml: ") == true)
            #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testBuild_typedListItemsTakeTheListsType_andEmptyNamespaceUsesTheKubeconfigs() async throws {
        try await withResourceCluster { _, client in
            let text = """
                apiVersion: v1
                kind: ConfigMapList
                items:
                  - metadata:
                      name: one
                  - metadata:
                      name: two
                """
            let resources = try await ResourceBuilder(client: client, namespace: "").build(manifest: text)
            #expect(resources.map(\.gvk) == [.configMap, .configMap])
            #expect(
                resources.map(\.key) == [
                    ObjectKey(namespace: "default", name: "one"), ObjectKey(namespace: "default", name: "two"),
                ])
            #expect(resources.map(\.sourcePath) == ["", ""])
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testBuild_hostileDocuments_failFastWithoutHanging() async throws {
        try await withResourceCluster { _, client in
            let deep =
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "
                + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "\n"
            var bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nl0: &l0 [x, x, x, x, x, x, x, x, x]\n"
            for level in 1...9 {
                let refs = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
                bomb += "l\(level): &l\(level) [\(refs)]\n"
            }
            for (document, fragment) in [(deep, "nesting deeper than 512 levels"), (bomb, "excessive aliasing")] {
                let error = await #expect(throws: ReleaseError.self) {
                    try await ResourceBuilder(client: client, namespace: "ns").build(manifest: document)
                }
                #expect(error?.code == .invalidManifest)
                #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
            }
        }
    }

    @Test func testSplit_separatorsAndSources() {
        let documents = ManifestDocuments.split(
            "---\n# Source: c/templates/a.yaml\na: 1\n--- # comment\n# Source: c/templates/b.yaml\nb: 2\n"
                + "----not-a-separator: 3\n---\n\n")
        #expect(documents.map(\.sourcePath) == ["c/templates/a.yaml", "c/templates/b.yaml", ""])
        #expect(documents[1].text.contains("----not-a-separator: 3"))
    }
}
