import Foundation
import KubeTestServer
import Testing

/// Raw HTTP against a live server: server-side apply, finalizers, deletion options, namespaces and CRDs.
@Suite(.timeLimit(.minutes(1)))
struct KubeTestServerLifecycleTests {
    private let apply = "application/apply-patch+yaml"

    @Test func testApply_createsUpdatesAndDetectsConflicts() async throws {
        try await withTestServer { _, client in
            let path = "/api/v1/namespaces/default/configmaps/applied"
            let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: \"1\"\n  b: \"2\"\n"
            let noManager = try await client.patch(path, yaml, type: apply)
            #expect(noManager.status == 400)

            let created = try await client.patch("\(path)?fieldManager=alpha", yaml, type: apply)
            #expect(created.status == 201)
            #expect(created.string("data.a") == "1")
            let managed = created.value("metadata.managedFields") as? [[String: Any]] ?? []
            #expect(managed.first?["manager"] as? String == "alpha")
            #expect(managed.first?["operation"] as? String == "Apply")
            #expect(lookup(managed.first, "fieldsV1.f:data.f:a") != nil)

            let conflicting = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: \"9\"\n"
            let conflict = try await client.patch("\(path)?fieldManager=beta", conflicting, type: apply)
            #expect(conflict.status == 409)
            #expect(conflict.string("reason") == "Conflict")
            #expect(conflict.string("message") == "Apply failed with 1 conflict: conflict with \"alpha\": .data.a")
            let causes = conflict.value("details.causes") as? [[String: Any]] ?? []
            #expect(causes.first?["reason"] as? String == "FieldManagerConflict")
            #expect(causes.first?["field"] as? String == ".data.a")

            let forced = try await client.patch("\(path)?fieldManager=beta&force=true", conflicting, type: apply)
            #expect(forced.status == 200)
            #expect(forced.string("data.a") == "9")
            #expect(forced.string("data.b") == "2")

            // alpha drops b: it goes, since nobody else owns it.
            let shrunk =
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"applied\"},\"data\":{}}"
            let dropped = try await client.patch("\(path)?fieldManager=alpha", shrunk, type: apply)
            #expect(dropped.status == 200)
            #expect(dropped.string("data.b") == nil)
            #expect(dropped.string("data.a") == "9")

            let forceOnMerge = try await client.patch("\(path)?force=true", "{}", type: "application/merge-patch+json")
            #expect(forceOnMerge.status == 400)
        }
    }

    @Test func testFinalizers_keepObjectUntilRemoved() async throws {
        try await withTestServer { _, client in
            let path = "/api/v1/namespaces/default/configmaps"
            _ = try await client.post(path, configMap("f", extraMetadata: #""finalizers":["example.com/hold"]"#))
            let deleting = try await client.delete("\(path)/f")
            #expect(deleting.status == 200)
            #expect(deleting.string("metadata.deletionTimestamp") != nil)
            let still = try await client.get("\(path)/f")
            #expect(still.status == 200)
            #expect(still.string("metadata.deletionTimestamp") != nil)

            let addFinalizer = try await client.patch(
                "\(path)/f", #"{"metadata":{"finalizers":["example.com/hold","example.com/new"]}}"#,
                type: "application/merge-patch+json")
            #expect(addFinalizer.status == 422)

            let released = try await client.patch(
                "\(path)/f", #"{"metadata":{"finalizers":null}}"#, type: "application/merge-patch+json")
            #expect(released.status == 200)
            #expect(try await client.get("\(path)/f").status == 404)
        }
    }

    @Test func testDelete_preconditionsAndOptions() async throws {
        try await withTestServer { _, client in
            let path = "/api/v1/namespaces/default/configmaps"
            let created = try await client.post(path, configMap("d"))
            let uid = try #require(created.string("metadata.uid"))
            let wrongUID = try await client.delete(
                "\(path)/d", #"{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"other"}}"#)
            #expect(wrongUID.status == 409)
            #expect(wrongUID.string("reason") == "Conflict")
            let wrongVersion = try await client.delete("\(path)/d", #"{"preconditions":{"resourceVersion":"1"}}"#)
            #expect(wrongVersion.status == 409)
            let badPolicy = try await client.delete("\(path)/d?propagationPolicy=Sometimes")
            #expect(badPolicy.status == 422)
            let dryRun = try await client.delete("\(path)/d?dryRun=All")
            #expect(dryRun.status == 200)
            #expect(try await client.get("\(path)/d").status == 200)
            let deleted = try await client.delete(
                "\(path)/d", #"{"propagationPolicy":"Foreground","preconditions":{"uid":"\#(uid)"}}"#)
            #expect(deleted.status == 200)
            #expect(try await client.get("\(path)/d").status == 404)
            #expect(try await client.delete("\(path)/d").status == 404)
        }
    }

    @Test func testNamespaceDeletion_removesContents() async throws {
        try await withTestServer { _, client in
            let created = try await client.post("/api/v1/namespaces", namespaceBody("doomed"))
            #expect(created.status == 201)
            #expect(created.string("status.phase") == "Active")
            _ = try await client.post("/api/v1/namespaces/doomed/configmaps", configMap("a"))
            _ = try await client.post(
                "/api/v1/namespaces/doomed/configmaps", configMap("held", extraMetadata: #""finalizers":["x.io/y"]"#))
            let deleting = try await client.delete("/api/v1/namespaces/doomed")
            #expect(deleting.status == 200)
            #expect(try await client.get("/api/v1/namespaces/doomed/configmaps/a").status == 404)
            // A finalizer in the namespace keeps it Terminating, and new content is refused.
            let terminating = try await client.get("/api/v1/namespaces/doomed")
            #expect(terminating.string("status.phase") == "Terminating")
            let refused = try await client.post("/api/v1/namespaces/doomed/configmaps", configMap("late"))
            #expect(refused.status == 403)
            _ = try await client.patch(
                "/api/v1/namespaces/doomed/configmaps/held", #"{"metadata":{"finalizers":[]}}"#,
                type: "application/merge-patch+json")
            #expect(try await client.get("/api/v1/namespaces/doomed").status == 404)
        }
    }

    @Test func testCRD_lifecycle() async throws {
        try await withTestServer { _, client in
            let crd = #"""
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"widgets.example.com"},
                 "spec":{"group":"example.com","scope":"Namespaced",
                   "names":{"plural":"widgets","singular":"widget","kind":"Widget","shortNames":["wg"]},
                   "versions":[
                     {"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
                      "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}},
                     {"name":"v1beta1","served":true,"storage":false,
                      "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
                """#
            let crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"
            let created = try await client.post(crds, crd)
            #expect(created.status == 201)
            let conditions = created.value("status.conditions") as? [[String: Any]] ?? []
            for type in ["Established", "NamesAccepted"] {
                #expect(conditions.contains { $0["type"] as? String == type && $0["status"] as? String == "True" })
            }
            let group = try await client.get("/apis/example.com")
            #expect(group.string("preferredVersion.version") == "v1")
            let discovery = try await client.get("/apis/example.com/v1")
            let resources = discovery.value("resources") as? [[String: Any]] ?? []
            #expect(resources.contains { $0["name"] as? String == "widgets" && $0["namespaced"] as? Bool == true })
            #expect(resources.contains { $0["name"] as? String == "widgets/status" })

            let widgets = "/apis/example.com/v1/namespaces/default/widgets"
            let widget = try await client.post(
                widgets, #"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}"#)
            #expect(widget.status == 201)
            #expect(widget.int("metadata.generation") == 1)
            let list = try await client.get(widgets)
            #expect(list.string("kind") == "WidgetList")
            #expect(list.items.first?["kind"] as? String == "Widget")
            let beta = try await client.get("/apis/example.com/v1beta1/namespaces/default/widgets/w")
            #expect(beta.string("apiVersion") == "example.com/v1beta1")
            let noVersion = try await client.put(
                "\(widgets)/w",
                #"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":2}}"#)
            #expect(noVersion.status == 422)

            let removed = try await client.delete("\(crds)/widgets.example.com")
            #expect(removed.status == 200)
            #expect(try await client.get("/apis/example.com/v1").status == 404)
            #expect(try await client.get("\(widgets)/w").status == 404)
            // A new CRD of the same name starts empty.
            #expect(try await client.post(crds, crd).status == 201)
            #expect(try await client.get(widgets).items.isEmpty)
        }
    }

    @Test func testCRD_withBadName_isInvalid() async throws {
        try await withTestServer { _, client in
            let crd = #"""
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"wrong.example.com"},
                 "spec":{"group":"example.com","scope":"Cluster","names":{"plural":"gadgets","kind":"Gadget"},
                   "versions":[{"name":"v1","served":true,"storage":true}]}}
                """#
            let response = try await client.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)
            #expect(response.status == 422)
            #expect(response.string("reason") == "Invalid")
        }
    }
}
