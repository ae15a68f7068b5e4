import KubeAPI
import KubeTestServer
import Testing

@testable import Agent

/// CRDs and their custom resources in one revision.
struct SyncerCRDTests {
    static let crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """
    static let widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: 3}\n"
    static let widgetKind = GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")

    @Test(.timeLimit(.minutes(1)))
    func testSync_crdAndCustomResourceInOneCommit_bothApply() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                // The custom resource sorts before its CRD by file name; the phases still apply the CRD first.
                let result = try await syncer.sync(
                    snapshot("c1", ["a-widget.yaml": Self.widget, "z-crd.yaml": Self.crd]), logger: quietLogger)
                #expect(result.failures.isEmpty)
                #expect(result.applied == 2)
                let widget = try await client.get(Self.widgetKind, ObjectKey(namespace: "apps", name: "w1"))
                #expect(widget["spec", "size"]?.intValue == 3)
                #expect(widget.labels[Syncer.ownerLabel] == "test-agent")
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_crdNotYetEstablished_failsItsResourcesUntilTheNextSync() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                cluster.server.holdCRDEstablishment(true)
                let files = ["crd.yaml": Self.crd, "widget.yaml": Self.widget, "cm.yaml": configMap("c", data: [:])]
                let held = try await syncer.sync(snapshot("c1", files), logger: quietLogger)
                #expect(held.applied == 2)
                #expect(held.failures.count == 1)
                #expect(held.failures.first?.origin?.file == "widget.yaml")
                #expect(held.failures.first?.message.contains("not Established") == true)

                cluster.server.holdCRDEstablishment(false)
                cluster.server.establishCRDs()
                let next = try await syncer.sync(snapshot("c1", files), logger: quietLogger)
                #expect(next.failures.isEmpty)
                #expect(next.applied == 1 && next.unchanged == 2)
                _ = try await client.get(Self.widgetKind, ObjectKey(namespace: "apps", name: "w1"))
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_resourceBeforeItsCRDExists_appliesOnceACommitAddsTheCRD() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                let first = try await syncer.sync(snapshot("c1", ["widget.yaml": Self.widget]), logger: quietLogger)
                #expect(first.failures.count == 1 && first.applied == 0)
                // Discovery said "not served" once; the next revision's CRD must still map (the mapper refreshes).
                let second = try await syncer.sync(
                    snapshot("c2", ["widget.yaml": Self.widget, "crd.yaml": Self.crd]), logger: quietLogger)
                #expect(second.failures.isEmpty && second.applied == 2)
            }
        }
    }
}
