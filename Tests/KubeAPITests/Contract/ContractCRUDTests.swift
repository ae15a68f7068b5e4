import KubeAPI
import Testing

/// The client contract: every operation against a real API server (KubeTestServer, or a real cluster under
/// `FLUXHELM_TEST_KUBECONFIG`).
@Suite(.timeLimit(.minutes(1)))
struct ContractCRUDTests {
    @Test func testDiscovery_listsGroupsAndMapsKinds() async throws {
        try await ContractBackend.run { env in
            let groups = try await env.client.serverGroups()
            #expect(groups.first?.name == "")
            #expect(groups.first?.versions.contains("v1") == true)
            #expect(groups.contains { $0.name == "apps" && $0.versions.contains("v1") })
            let core = try await env.client.serverResources(group: "", version: "v1")
            #expect(core.contains { $0.name == "configmaps" && $0.namespaced && $0.kind == "ConfigMap" })
            #expect(core.contains { $0.name == "namespaces" && !$0.namespaced })
            let deployments = try await env.client.resourceMapping(for: .deployment)
            #expect(deployments.resource == "deployments")
            #expect(deployments.namespaced)
            let namespaces = try await env.client.resourceMapping(for: .namespace)
            #expect(!namespaces.namespaced)
            await #expect(throws: KubeAPIError(code: .noKindMatch, message: "")) {
                _ = try await env.client.resourceMapping(for: GroupVersionKind(group: "", version: "v1", kind: "Nope"))
            }
        }
    }

    @Test func testCRUD_createGetUpdateDelete() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            let key = ObjectKey(namespace: env.namespace, name: "crud")
            let created = try await c.create(.configMap(env.namespace, "crud", data: ["a": "1"]))
            #expect(!created.uid.isEmpty)
            #expect(!created.resourceVersion.isEmpty)
            #expect(created.creationTimestamp != nil)
            var fetched = try await c.get(.configMap, key)
            #expect(fetched["data", "a"] == "1")
            #expect(fetched.uid == created.uid)
            fetched["data", "a"] = "2"
            let updated = try await c.update(fetched)
            #expect(updated["data", "a"] == "2")
            #expect(updated.resourceVersion != created.resourceVersion)
            #expect(try await c.delete(.configMap, key) == nil)
            await #expect(throws: KubeAPIError(code: .notFound, message: "")) { _ = try await c.get(.configMap, key) }
            await #expect(throws: KubeAPIError(code: .notFound, message: "")) { try await c.delete(.configMap, key) }
        }
    }

    @Test func testCreate_whenExistsIsAlreadyExists() async throws {
        try await ContractBackend.run { env in
            _ = try await env.client.create(.configMap(env.namespace, "twice"))
            do {
                _ = try await env.client.create(.configMap(env.namespace, "twice"))
                Issue.record("second create succeeded")
            } catch let error as KubeAPIError {
                #expect(error.code == .alreadyExists)
                #expect(error.statusCode == 409)
                #expect(error.message.contains("create ConfigMap \(env.namespace)/twice"))
            }
        }
    }

    @Test func testCreate_inMissingNamespaceIsNotFound() async throws {
        try await ContractBackend.run { env in
            await #expect(throws: KubeAPIError(code: .notFound, message: "")) {
                _ = try await env.client.create(.configMap("fluxhelm-missing-\(ContractBackend.randomSuffix())", "x"))
            }
        }
    }

    @Test func testUpdate_withStaleResourceVersionIsConflict() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            let original = try await c.create(.configMap(env.namespace, "occ", data: ["v": "0"]))
            var first = original
            first["data", "v"] = "1"
            _ = try await c.update(first)
            var stale = original
            stale["data", "v"] = "2"
            await #expect(throws: KubeAPIError(code: .conflict, message: "")) { _ = try await c.update(stale) }
            let current = try await c.get(.configMap, original.key)
            #expect(current["data", "v"] == "1")
            // A delete precondition on the stale version fails the same way.
            await #expect(throws: KubeAPIError(code: .conflict, message: "")) {
                try await c.delete(
                    .configMap, original.key,
                    options: DeleteOptions(preconditionResourceVersion: original.resourceVersion))
            }
        }
    }

    @Test func testList_labelAndFieldSelectors() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            _ = try await c.create(.configMap(env.namespace, "web-1", labels: ["app": "web", "tier": "front"]))
            _ = try await c.create(.configMap(env.namespace, "web-2", labels: ["app": "web", "tier": "back"]))
            _ = try await c.create(.configMap(env.namespace, "db-1", labels: ["app": "db"]))
            func names(_ options: ListOptions) async throws -> [String] {
                try await c.list(.configMap, namespace: env.namespace, options: options).items.map(\.name)
                    .filter { $0 != "kube-root-ca.crt" }.sorted()
            }
            #expect(try await names(ListOptions(labelSelector: [.equals("app", "web")])) == ["web-1", "web-2"])
            #expect(try await names(ListOptions(labelSelector: [.in("tier", ["back", "x"])])) == ["web-2"])
            #expect(
                try await names(ListOptions(labelSelector: [.exists("tier"), .notEquals("tier", "front")])) == ["web-2"]
            )
            #expect(try await names(ListOptions(labelSelector: [.doesNotExist("tier")])).contains("db-1"))
            #expect(try await names(ListOptions(fieldSelector: "metadata.name=db-1")) == ["db-1"])
            let list = try await c.list(.configMap, namespace: env.namespace)
            #expect(!list.resourceVersion.isEmpty)
            #expect(list.items.allSatisfy { $0.kind == "ConfigMap" && $0.namespace == env.namespace })
        }
    }

    @Test func testList_paginationAndListAll() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            for i in 0..<7 { _ = try await c.create(.configMap(env.namespace, "page-\(i)", labels: ["set": "pages"])) }
            let selector: LabelSelector = [.equals("set", "pages")]
            let first = try await c.list(
                .configMap, namespace: env.namespace, options: ListOptions(labelSelector: selector, limit: 3))
            #expect(first.items.count == 3)
            #expect(!first.continueToken.isEmpty)
            var seen = first.items.map(\.name)
            var token = first.continueToken
            while !token.isEmpty {
                let page = try await c.list(
                    .configMap, namespace: env.namespace,
                    options: ListOptions(labelSelector: selector, limit: 3, continueToken: token))
                #expect(page.items.count <= 3)
                seen += page.items.map(\.name)
                token = page.continueToken
            }
            #expect(seen.sorted() == (0..<7).map { "page-\($0)" })
            let all = try await c.listAll(
                .configMap, namespace: env.namespace, options: ListOptions(labelSelector: selector, limit: 2))
            #expect(all.items.map(\.name).sorted() == (0..<7).map { "page-\($0)" })
            #expect(!all.resourceVersion.isEmpty)
        }
    }

    @Test func testDelete_finalizerKeepsObjectUntilRemoved() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            var cm = KubeObject.configMap(env.namespace, "held")
            cm.finalizers = ["fluxhelm.test/hold"]
            _ = try await c.create(cm)
            let held = try await c.delete(.configMap, cm.key, options: DeleteOptions(propagationPolicy: .background))
            #expect(held?.deletionTimestamp != nil)
            let still = try await c.get(.configMap, cm.key)
            #expect(still.deletionTimestamp != nil)
            #expect(still.finalizers == ["fluxhelm.test/hold"])
            _ = try await c.patch(.configMap, cm.key, patch: .merge(["metadata": ["finalizers": nil]]))
            await #expect(throws: KubeAPIError(code: .notFound, message: "")) {
                _ = try await c.get(.configMap, cm.key)
            }
        }
    }

    @Test func testPatch_mergeAndJSONPatch() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            let cm = try await c.create(.configMap(env.namespace, "patched", data: ["a": "1", "b": "2"]))
            let merged = try await c.patch(
                .configMap, cm.key, patch: .merge(["data": ["a": "10", "b": nil, "c": "3"]]))
            #expect(merged["data"] == ["a": "10", "c": "3"])
            let jsonPatched = try await c.patch(
                .configMap, cm.key,
                patch: .json([
                    ["op": "replace", "path": "/data/a", "value": "11"],
                    ["op": "add", "path": "/data/d", "value": "4"],
                    ["op": "remove", "path": "/data/c"],
                ]))
            #expect(jsonPatched["data"] == ["a": "11", "d": "4"])
            // A failing JSON patch test operation is rejected and changes nothing.
            await #expect(throws: KubeAPIError.self) {
                _ = try await c.patch(
                    .configMap, cm.key, patch: .json([["op": "test", "path": "/data/a", "value": "nope"]]))
            }
            #expect(try await c.get(.configMap, cm.key)["data", "a"] == "11")
        }
    }

    @Test func testApply_createsUpdatesAndDetectsConflicts() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            let desired = KubeObject.configMap(env.namespace, "applied", data: ["owned": "a"])
            let created = try await c.apply(desired, fieldManager: "manager-a")
            #expect(created["data", "owned"] == "a")
            // The same manager may change its own field.
            let changed = try await c.apply(
                .configMap(env.namespace, "applied", data: ["owned": "b"]), fieldManager: "manager-a")
            #expect(changed["data", "owned"] == "b")
            // Another manager setting that field to a different value conflicts...
            let rival = KubeObject.configMap(env.namespace, "applied", data: ["owned": "c"])
            do {
                _ = try await c.apply(rival, fieldManager: "manager-b")
                Issue.record("conflicting apply succeeded")
            } catch let error as KubeAPIError {
                #expect(error.code == .conflict)
            }
            // ...unless it forces.
            let forced = try await c.apply(rival, fieldManager: "manager-b", force: true)
            #expect(forced["data", "owned"] == "c")
        }
    }
}
