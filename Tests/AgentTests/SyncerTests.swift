import KubeAPI
import KubeTestServer
import Testing

@testable import Agent

/// The sync against KubeTestServer: apply, update, prune, errors, ownership, restart, CRDs.
struct SyncerTests {
    private let cmKind = GroupVersionKind.configMap

    @Test(.timeLimit(.minutes(1)))
    func testSync_commitAddingManifests_appliesThemWithLabelAnnotationsAndDefaultNamespace() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                let result = try await syncer.sync(
                    snapshot(
                        "c1",
                        [
                            "deploy/app.yaml": configMap("settings", data: ["color": "blue"]) + "---\n"
                                + "apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n",
                            "deploy/team.yaml": configMap("team-cm", namespace: "team", data: ["a": "1"]),
                        ]), logger: quietLogger)
                #expect(result.applied == 3 && result.unchanged == 0 && result.failed == 0)
                #expect(result.revision == "c1")
                let cm = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "settings"))
                #expect(cm["data", "color"]?.stringValue == "blue")
                #expect(cm.labels[Syncer.ownerLabel] == "test-agent")
                #expect(cm.annotations[Syncer.fileAnnotation] == "deploy/app.yaml#1")
                #expect(cm.annotations[Syncer.repositoryAnnotation] == "file:///repo")
                let ns = try await client.get(.namespace, ObjectKey(name: "team"))
                #expect(ns.namespace.isEmpty && ns.labels[Syncer.ownerLabel] == "test-agent")
                _ = try await client.get(cmKind, ObjectKey(namespace: "team", name: "team-cm"))

                // The marker, result and inventory are stored, and an Event records the sync on the Secret.
                let (inventory, shards) = try await syncer.inventoryStore.load()
                #expect(inventory.revision == "c1" && shards == 1 && inventory.entries.count == 3)
                let events = try await client.list(
                    GroupVersionKind(group: "", version: "v1", kind: "Event"), namespace: "flux")
                let event = try #require(events.items.first)
                #expect(event["reason"]?.stringValue == "SyncSucceeded")
                #expect(event["involvedObject", "name"]?.stringValue == "test-agent-inventory")
                #expect(event["message"]?.stringValue?.contains("3 applied, 0 unchanged, 0 pruned, 0 failed") == true)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_valueChange_updatesOnlyTheChangedObject() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, transport in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                var files = ["a.yaml": configMap("a", data: ["v": "1"]), "b.yaml": configMap("b", data: ["v": "1"])]
                _ = try await syncer.sync(snapshot("c1", files), logger: quietLogger)
                files["a.yaml"] = configMap("a", data: ["v": "2"])
                transport.resetWrites()
                let result = try await syncer.sync(snapshot("c2", files), logger: quietLogger)
                #expect(result.applied == 1 && result.unchanged == 1 && result.failed == 0)
                let patches = transport.writes.filter { $0.hasPrefix("PATCH /api/v1/namespaces/apps/configmaps") }
                #expect(patches == ["PATCH /api/v1/namespaces/apps/configmaps/a"])
                let a = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "a"))
                #expect(a["data", "v"]?.stringValue == "2")
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_fileRemovedWithPrune_deletesTheObject_andWithoutPruneKeepsIt() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                var noPrune = AgentCluster.configuration(prune: false)
                let files = ["a.yaml": configMap("a", data: ["v": "1"]), "b.yaml": configMap("b", data: ["v": "1"])]
                _ = try await Syncer(client: client, configuration: noPrune).sync(
                    snapshot("c1", files), logger: quietLogger)
                let kept = try await Syncer(client: client, configuration: noPrune).sync(
                    snapshot("c2", ["a.yaml": files["a.yaml"] ?? ""]), logger: quietLogger)
                #expect(kept.pruned == 0 && kept.pruneSkipped?.contains("prune is off") == true)
                _ = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "b"))

                // The entry stayed in the inventory, so turning prune on later deletes it.
                noPrune.prune = true
                let pruned = try await Syncer(client: client, configuration: noPrune).sync(
                    snapshot("c3", ["a.yaml": files["a.yaml"] ?? ""]), logger: quietLogger)
                #expect(pruned.pruned == 1 && pruned.unchanged == 1 && pruned.failed == 0)
                await #expect(throws: KubeAPIError.self) {
                    _ = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "b"))
                }
                let (inventory, _) = try await Syncer(client: client, configuration: noPrune).inventoryStore.load()
                #expect(inventory.entries.keys.map(\.name) == ["a"])
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_brokenYAML_isReportedWithFileAndDocument_restSyncs_nothingPruned() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                _ = try await syncer.sync(
                    snapshot(
                        "c1",
                        [
                            "a.yaml": configMap("a", data: ["v": "1"]), "gone.yaml": configMap("gone", data: [:]),
                            "multi.yaml": configMap("m1", data: [:]),
                        ]), logger: quietLogger)
                let result = try await syncer.sync(
                    snapshot(
                        "c2",
                        [
                            "a.yaml": configMap("a", data: ["v": "2"]),
                            "multi.yaml": configMap("m1", data: [:]) + "---\nkind: [oops\n",
                        ]), logger: quietLogger)
                #expect(result.applied == 1 && result.unchanged == 1 && result.pruned == 0)
                #expect(result.failures.count == 1)
                let failure = try #require(result.failures.first)
                #expect(failure.origin?.file == "multi.yaml" && failure.origin?.document == 2)
                #expect(failure.code == .parse)
                #expect(result.pruneSkipped?.contains("did not parse") == true)
                // The object whose file was removed is still there, and still in the inventory.
                _ = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "gone"))
                let (inventory, _) = try await syncer.inventoryStore.load()
                #expect(inventory.entries.keys.contains { $0.name == "gone" })
                let events = try await client.list(
                    GroupVersionKind(group: "", version: "v1", kind: "Event"), namespace: "flux")
                #expect(events.items.contains { $0["reason"]?.stringValue == "SyncFailed" })
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_objectsNotMadeByTheAgent_areNeverPruned() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                // A foreign object with the same name pattern, never in git, and one taken over by someone else.
                var foreign = KubeObject(cmKind, key: ObjectKey(namespace: "apps", name: "foreign"))
                foreign.labels = ["app": "other"]
                _ = try await client.create(foreign)
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                _ = try await syncer.sync(
                    snapshot("c1", ["a.yaml": configMap("a", data: [:]), "b.yaml": configMap("b", data: [:])]),
                    logger: quietLogger)
                var b = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "b"))
                b.labels = ["team": "took-it-over"]
                _ = try await client.update(b)

                let result = try await syncer.sync(snapshot("c2", [:]), logger: quietLogger)
                #expect(result.pruned == 1 && result.failed == 0)
                #expect(result.pruneDisowned.map(\.name) == ["b"])
                _ = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "foreign"))
                _ = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "b"))
                await #expect(throws: KubeAPIError.self) {
                    _ = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "a"))
                }
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_restart_reappliesNothingAndWritesNothing() async throws {
        try await withAgentCluster { cluster in
            let files = [
                "a.yaml": configMap("a", data: ["v": "1"]),
                "ns.yaml": "apiVersion: v1\nkind: Namespace\nmetadata: {name: extra}\n",
            ]
            try await cluster.withClient { client, _ in
                let first = try await Syncer(client: client, configuration: AgentCluster.configuration()).sync(
                    snapshot("c1", files), logger: quietLogger)
                #expect(first.applied == 2)
            }
            // A new process: a new client and syncer, same revision.
            try await cluster.withClient { client, transport in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                let again = try await syncer.sync(snapshot("c1", files), logger: quietLogger)
                #expect(again.applied == 0 && again.unchanged == 2 && again.failed == 0)
                #expect(transport.writes.isEmpty)
                transport.resetWrites()
                let third = try await syncer.sync(snapshot("c1", files), logger: quietLogger)
                #expect(third.applied == 0 && third.unchanged == 2)
                #expect(transport.writes.isEmpty)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_rejectedObject_isAFailureWithItsSourceAndTheOthersApply() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, _ in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                let result = try await syncer.sync(
                    snapshot(
                        "c1",
                        [
                            "bad.yaml": configMap("Not_A_Valid_Name", data: [:]),
                            "good.yaml": configMap("good", data: [:]),
                            "unknown.yaml": "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n",
                        ]), logger: quietLogger)
                #expect(result.applied == 1 && result.failed == 2)
                #expect(result.failures.map { $0.origin?.file ?? "" } == ["bad.yaml", "unknown.yaml"])
                #expect(result.failures[0].object?.name == "Not_A_Valid_Name")
                #expect(result.failures[0].message.contains("Not_A_Valid_Name"))
                #expect(result.failures[1].message.contains("does not serve example.com/v1 Widget"))
                _ = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "good"))
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_unchangedObjectDeletedByHand_isReapplied() async throws {
        try await withAgentCluster { cluster in
            try await cluster.withClient { client, transport in
                let syncer = Syncer(client: client, configuration: AgentCluster.configuration())
                let files = ["a.yaml": configMap("a", data: ["v": "1"]), "b.yaml": configMap("b", data: ["v": "1"])]
                _ = try await syncer.sync(snapshot("c1", files), logger: quietLogger)
                try await client.delete(cmKind, ObjectKey(namespace: "apps", name: "b"))
                transport.resetWrites()
                let result = try await syncer.sync(snapshot("c1", files), logger: quietLogger)
                #expect(result.applied == 1 && result.unchanged == 1)
                #expect(transport.writes.contains("PATCH /api/v1/namespaces/apps/configmaps/b"))
                _ = try await client.get(cmKind, ObjectKey(namespace: "apps", name: "b"))
            }
        }
    }
}
