import Foundation
import Testing

@testable import KubeTestServer

/// The store on its own, without sockets.
struct ObjectStoreTests {
    private let configMaps = ObjectStore().resource(group: "", version: "v1", plural: "configmaps")!
    private let deployments = ObjectStore().resource(group: "apps", version: "v1", plural: "deployments")!
    private let namespaces = ObjectStore().resource(group: "", version: "v1", plural: "namespaces")!

    private func body(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    private func configMap(_ name: String, _ extra: String = "") throws -> JSONValue {
        try body(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\#(name)"\#(extra)},"data":{"a":"1"}}"#)
    }

    @Test func testInit_createsDefaultNamespaces() throws {
        let store = ObjectStore()
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            let namespace = try store.get(namespaces, namespace: nil, name: name)
            #expect(namespace[path: ["status", "phase"]] == "Active")
            #expect(namespace[path: ["metadata", "labels", "kubernetes.io/metadata.name"]] == .string(name))
        }
    }

    @Test func testCreate_setsServerFields() throws {
        var store = ObjectStore(now: { Date(timeIntervalSince1970: 1_700_000_000) })
        let before = store.resourceVersion
        let created = try store.create(configMaps, namespace: "default", body: try configMap("a"), manager: "test")
        #expect(created[path: ["metadata", "resourceVersion"]] == .string(String(before + 1)))
        #expect(created[path: ["metadata", "namespace"]] == "default")
        #expect(created[path: ["metadata", "creationTimestamp"]] == "2023-11-14T22:13:20Z")
        #expect(created[path: ["metadata", "uid"]]?.stringValue?.count == 36)
        // ConfigMaps carry no generation in kube.
        #expect(created[path: ["metadata", "generation"]] == nil)
        let managed = created[path: ["metadata", "managedFields"]]?.arrayValue ?? []
        #expect(managed.first?["manager"] == "test")
        #expect(managed.first?["operation"] == "Update")
    }

    @Test func testCreate_whenNamespaceMissing_throwsNotFound() throws {
        var store = ObjectStore()
        #expect(throws: APIError.namespaceNotFound("nope")) {
            try store.create(configMaps, namespace: "nope", body: try configMap("a"), manager: "test")
        }
    }

    @Test func testCreate_whenExists_throwsAlreadyExists() throws {
        var store = ObjectStore()
        _ = try store.create(configMaps, namespace: "default", body: try configMap("a"), manager: "test")
        #expect(throws: APIError.alreadyExists(configMaps, name: "a")) {
            try store.create(configMaps, namespace: "default", body: try configMap("a"), manager: "test")
        }
    }

    @Test func testCreate_withGenerateName_appendsFiveCharacters() throws {
        var store = ObjectStore()
        let created = try store.create(
            configMaps, namespace: "default",
            body: try body(#"{"metadata":{"generateName":"gen-"},"data":{}}"#), manager: "test")
        let name = try #require(created[path: ["metadata", "name"]]?.stringValue)
        #expect(name.hasPrefix("gen-") && name.count == 9)
    }

    @Test func testCreate_withBadName_throwsInvalidWithCause() throws {
        var store = ObjectStore()
        do {
            _ = try store.create(configMaps, namespace: "default", body: try configMap("Bad_Name"), manager: "t")
            Issue.record("expected an error")
        } catch let error as APIError {
            #expect(error.code == 422)
            #expect(error.reason == "Invalid")
            #expect(
                error.message.hasPrefix(
                    "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain"
                ))
            #expect(error.details?["causes"]?.arrayValue?.first?["field"] == "metadata.name")
        }
    }

    @Test func testUpdate_withStaleResourceVersion_throwsConflict() throws {
        var store = ObjectStore()
        _ = try store.create(configMaps, namespace: "default", body: try configMap("a"), manager: "t")
        #expect(throws: APIError.staleResourceVersion(configMaps, name: "a")) {
            try store.update(
                configMaps, namespace: "default", name: "a", body: try configMap("a", #","resourceVersion":"1""#),
                subresource: .main, manager: "t")
        }
    }

    @Test func testUpdate_whenNothingChanges_keepsResourceVersion() throws {
        var store = ObjectStore()
        let created = try store.create(configMaps, namespace: "default", body: try configMap("a"), manager: "t")
        let updated = try store.update(
            configMaps, namespace: "default", name: "a", body: try configMap("a"), subresource: .main, manager: "t")
        #expect(updated[path: ["metadata", "resourceVersion"]] == created[path: ["metadata", "resourceVersion"]])
    }

    @Test func testGeneration_bumpsOnSpecChangeOnly() throws {
        var store = ObjectStore()
        let spec = #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1}}"#
        let created = try store.create(deployments, namespace: "default", body: try body(spec), manager: "t")
        #expect(created[path: ["metadata", "generation"]] == .int(1))
        let labelled = try store.update(
            deployments, namespace: "default", name: "d",
            body: try body(#"{"metadata":{"name":"d","labels":{"x":"y"}},"spec":{"replicas":1}}"#), subresource: .main,
            manager: "t")
        #expect(labelled[path: ["metadata", "generation"]] == .int(1))
        let status = try store.update(
            deployments, namespace: "default", name: "d",
            body: try body(#"{"metadata":{"name":"d"},"status":{"replicas":5}}"#), subresource: .status, manager: "t")
        #expect(status[path: ["metadata", "generation"]] == .int(1))
        #expect(status[path: ["status", "replicas"]] == .int(5))
        #expect(status[path: ["spec", "replicas"]] == .int(1))
        let scaled = try store.update(
            deployments, namespace: "default", name: "d",
            body: try body(#"{"metadata":{"name":"d"},"spec":{"replicas":3},"status":{"replicas":0}}"#),
            subresource: .main, manager: "t")
        #expect(scaled[path: ["metadata", "generation"]] == .int(2))
        // The main resource ignores status.
        #expect(scaled[path: ["status", "replicas"]] == .int(5))
    }

    @Test func testDelete_withFinalizer_waitsForRemoval() throws {
        var store = ObjectStore()
        _ = try store.create(
            configMaps, namespace: "default", body: try configMap("a", #","finalizers":["x/y"]"#), manager: "t")
        let outcome = try store.delete(configMaps, namespace: "default", name: "a", options: .init())
        guard case .pending(let pending) = outcome else {
            Issue.record("expected pending deletion, got \(outcome)")
            return
        }
        #expect(pending[path: ["metadata", "deletionTimestamp"]] != nil)
        #expect(pending[path: ["metadata", "deletionGracePeriodSeconds"]] == .int(0))
        _ = store.drainEvents()
        var released = pending
        released[path: ["metadata", "finalizers"]] = nil
        _ = try store.update(
            configMaps, namespace: "default", name: "a", body: released, subresource: .main, manager: "t")
        #expect(store.stored(configMaps, namespace: "default", name: "a") == nil)
        #expect(store.drainEvents().map(\.type) == ["DELETED"])
    }

    @Test func testEvents_afterCompaction_throwGone() throws {
        var store = ObjectStore(historyLimit: 2)
        let start = store.resourceVersion
        for name in ["a", "b", "c"] {
            _ = try store.create(configMaps, namespace: "default", body: try configMap(name), manager: "t")
        }
        // Three events, two kept: the first is gone; kube names the version before the oldest kept event.
        #expect(throws: APIError.tooOldResourceVersion(start, oldest: start + 1)) {
            try store.events(after: start, for: configMaps.storageKey)
        }
        #expect(try store.events(after: start + 1, for: configMaps.storageKey).count == 2)
        store.compact()
        #expect(throws: APIError.self) { try store.events(after: start + 2, for: configMaps.storageKey) }
        #expect(try store.events(after: store.resourceVersion, for: configMaps.storageKey).isEmpty)
    }

    @Test func testList_paginatesInKeyOrder() throws {
        var store = ObjectStore()
        for name in ["c", "a", "d", "b", "e"] {
            _ = try store.create(configMaps, namespace: "default", body: try configMap(name), manager: "t")
        }
        var options = ObjectStore.ListOptions()
        options.limit = 2
        var seen: [String] = []
        var pages = 0
        repeat {
            let page = try store.list(configMaps, namespace: "default", options: options)
            seen += page.items.compactMap { $0[path: ["metadata", "name"]]?.stringValue }
            #expect(page.items.allSatisfy { $0["kind"] == nil })
            options.continueToken = page.continueToken
            pages += 1
        } while options.continueToken != nil && pages < 10
        #expect(seen == ["a", "b", "c", "d", "e"])
        #expect(pages == 3)
    }

    @Test func testDeleteNamespace_removesItsObjects() throws {
        var store = ObjectStore()
        _ = try store.create(
            namespaces, namespace: nil, body: try body(#"{"metadata":{"name":"gone"}}"#), manager: "t")
        _ = try store.create(configMaps, namespace: "gone", body: try configMap("a"), manager: "t")
        let outcome = try store.delete(namespaces, namespace: nil, name: "gone", options: .init())
        guard case .deleted = outcome else {
            Issue.record("expected the namespace to go at once, got \(outcome)")
            return
        }
        #expect(store.stored(configMaps, namespace: "gone", name: "a") == nil)
    }

    @Test func testDelete_owner_collectsDependents() throws {
        var store = ObjectStore()
        let owner = try store.create(configMaps, namespace: "default", body: try configMap("owner"), manager: "t")
        let uid = try #require(owner[path: ["metadata", "uid"]]?.stringValue)
        let reference = #","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"\#(uid)"}]"#
        _ = try store.create(configMaps, namespace: "default", body: try configMap("child", reference), manager: "t")
        _ = try store.create(configMaps, namespace: "default", body: try configMap("orphan", reference), manager: "t")
        _ = try store.delete(configMaps, namespace: "default", name: "owner", options: .init())
        #expect(store.stored(configMaps, namespace: "default", name: "child") == nil)

        let owner2 = try store.create(configMaps, namespace: "default", body: try configMap("owner2"), manager: "t")
        let uid2 = try #require(owner2[path: ["metadata", "uid"]]?.stringValue)
        let reference2 =
            #","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner2","uid":"\#(uid2)"}]"#
        _ = try store.create(configMaps, namespace: "default", body: try configMap("kept", reference2), manager: "t")
        _ = try store.delete(
            configMaps, namespace: "default", name: "owner2", options: .init(propagationPolicy: "Orphan"))
        let kept = try #require(store.stored(configMaps, namespace: "default", name: "kept"))
        #expect(kept[path: ["metadata", "ownerReferences"]] == nil)
    }

    @Test func testRFC3339_formatsKnownInstants() {
        #expect(ObjectStore.rfc3339(0) == "1970-01-01T00:00:00Z")
        #expect(ObjectStore.rfc3339(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(ObjectStore.rfc3339(1_709_251_199) == "2024-02-29T23:59:59Z")
    }
}
