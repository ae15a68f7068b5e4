import Foundation
import KubeTestServer
import NIOHTTP1
import Testing

/// Raw HTTP against a live server: discovery, CRUD, errors, status, lists and patches.
@Suite(.timeLimit(.minutes(1)))
struct KubeTestServerObjectTests {
    @Test func testDiscovery_listsGroupsAndResources() async throws {
        try await withTestServer { _, client in
            let version = try await client.get("/version")
            #expect(version.status == 200)
            #expect(version.string("major") == "1")
            let api = try await client.get("/api")
            #expect(api.string("kind") == "APIVersions")
            #expect(api.value("versions") as? [String] == ["v1"])
            let core = try await client.get("/api/v1")
            #expect(core.string("groupVersion") == "v1")
            let coreResources = core.value("resources") as? [[String: Any]] ?? []
            let configMaps = try #require(coreResources.first { $0["name"] as? String == "configmaps" })
            #expect(configMaps["kind"] as? String == "ConfigMap")
            #expect(configMaps["namespaced"] as? Bool == true)
            #expect(configMaps["singularName"] as? String == "configmap")
            #expect((configMaps["verbs"] as? [String])?.contains("watch") == true)
            #expect(coreResources.contains { $0["name"] as? String == "namespaces/status" })
            let namespaces = try #require(coreResources.first { $0["name"] as? String == "namespaces" })
            #expect(namespaces["namespaced"] as? Bool == false)
            let apis = try await client.get("/apis")
            #expect(apis.string("kind") == "APIGroupList")
            let groups = apis.value("groups") as? [[String: Any]] ?? []
            let apps = try #require(groups.first { $0["name"] as? String == "apps" })
            #expect(lookup(apps, "preferredVersion.groupVersion") as? String == "apps/v1")
            for group in ["batch", "coordination.k8s.io", "rbac.authorization.k8s.io", "apiextensions.k8s.io"] {
                #expect(groups.contains { $0["name"] as? String == group })
            }
            let appsV1 = try await client.get("/apis/apps/v1")
            let appsResources = appsV1.value("resources") as? [[String: Any]] ?? []
            #expect(appsResources.contains { $0["name"] as? String == "deployments/status" })
            #expect(try await client.get("/apis/nope/v1").status == 404)
        }
    }

    @Test func testCreateGetUpdateDelete_configMap() async throws {
        try await withTestServer { _, client in
            let path = "/api/v1/namespaces/default/configmaps"
            let created = try await client.post(path, configMap("a", data: ["k": "v"]))
            #expect(created.status == 201)
            #expect(created.string("kind") == "ConfigMap")
            #expect(created.string("metadata.namespace") == "default")
            let version = try #require(created.string("metadata.resourceVersion"))
            #expect(Int(version) != nil)
            #expect(created.string("metadata.uid") != nil)
            #expect(created.string("metadata.creationTimestamp")?.hasSuffix("Z") == true)

            let fetched = try await client.get("\(path)/a")
            #expect(fetched.status == 200)
            #expect(fetched.string("data.k") == "v")

            let updated = try await client.put(
                "\(path)/a", configMap("a", data: ["k": "w"], extraMetadata: "\"resourceVersion\":\"\(version)\""))
            #expect(updated.status == 200)
            #expect(updated.string("data.k") == "w")
            #expect(Int(updated.string("metadata.resourceVersion") ?? "") ?? 0 > Int(version) ?? 0)

            let stale = try await client.put(
                "\(path)/a", configMap("a", data: ["k": "x"], extraMetadata: "\"resourceVersion\":\"\(version)\""))
            #expect(stale.status == 409)
            #expect(stale.string("reason") == "Conflict")
            #expect(
                stale.string("message")
                    == "Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply "
                    + "your changes to the latest version and try again")

            let deleted = try await client.delete("\(path)/a")
            #expect(deleted.status == 200)
            #expect(deleted.string("status") == "Success")
            let missing = try await client.get("\(path)/a")
            #expect(missing.status == 404)
            #expect(missing.string("kind") == "Status")
            #expect(missing.string("apiVersion") == "v1")
            #expect(missing.string("status") == "Failure")
            #expect(missing.string("reason") == "NotFound")
            #expect(missing.string("message") == "configmaps \"a\" not found")
            #expect(missing.string("details.name") == "a")
            #expect(missing.string("details.kind") == "configmaps")
            #expect(missing.int("code") == 404)
        }
    }

    @Test func testCreate_errors() async throws {
        try await withTestServer { _, client in
            let path = "/api/v1/namespaces/default/configmaps"
            _ = try await client.post(path, configMap("dup"))
            let duplicate = try await client.post(path, configMap("dup"))
            #expect(duplicate.status == 409)
            #expect(duplicate.string("reason") == "AlreadyExists")
            #expect(duplicate.string("message") == "configmaps \"dup\" already exists")

            let noNamespace = try await client.post("/api/v1/namespaces/missing/configmaps", configMap("a"))
            #expect(noNamespace.status == 404)
            #expect(noNamespace.string("message") == "namespaces \"missing\" not found")

            let otherNamespace = try await client.post(path, configMap("b", namespace: "kube-system"))
            #expect(otherNamespace.status == 400)
            #expect(otherNamespace.string("reason") == "BadRequest")

            let noName = try await client.post(path, #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{}}"#)
            #expect(noName.status == 422)
            #expect(noName.string("reason") == "Invalid")
            #expect(
                noName.string("message")
                    == "ConfigMap \"\" is invalid: metadata.name: Required value: name or generateName is required")
            let causes = noName.value("details.causes") as? [[String: Any]] ?? []
            #expect(causes.first?["reason"] as? String == "FieldValueRequired")
            #expect(causes.first?["field"] as? String == "metadata.name")

            let badName = try await client.post(path, configMap("Not_Valid"))
            #expect(badName.status == 422)
            #expect(badName.string("details.kind") == "ConfigMap")

            let wrongKind = try await client.post(path, #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"}}"#)
            #expect(wrongKind.status == 400)

            let generated = try await client.post(
                path, #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"gen-"}}"#)
            #expect(generated.status == 201)
            #expect(generated.string("metadata.name")?.hasPrefix("gen-") == true)
            #expect(try await client.get("/api/v1/namespaces/default/nothings").status == 404)
        }
    }

    @Test func testStatusSubresource_splitsWrites() async throws {
        try await withTestServer { _, client in
            let path = "/apis/apps/v1/namespaces/default/deployments"
            let body =
                #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1},"status":{"replicas":7}}"#
            let created = try await client.post(path, body)
            #expect(created.status == 201)
            #expect(created.int("metadata.generation") == 1)
            #expect(created.int("status.replicas") == nil)

            let status = try await client.patch(
                "\(path)/d/status", #"{"status":{"replicas":2},"spec":{"replicas":9}}"#,
                type: "application/merge-patch+json")
            #expect(status.status == 200)
            #expect(status.int("status.replicas") == 2)
            #expect(status.int("spec.replicas") == 1)
            #expect(status.int("metadata.generation") == 1)

            let main = try await client.patch(
                "\(path)/d", #"{"status":{"replicas":5},"spec":{"replicas":3}}"#, type: "application/merge-patch+json")
            #expect(main.int("status.replicas") == 2)
            #expect(main.int("spec.replicas") == 3)
            #expect(main.int("metadata.generation") == 2)

            let labelled = try await client.patch(
                "\(path)/d", #"{"metadata":{"labels":{"a":"b"}}}"#, type: "application/merge-patch+json")
            #expect(labelled.int("metadata.generation") == 2)
        }
    }

    @Test func testList_selectorsAndPagination() async throws {
        try await withTestServer { _, client in
            _ = try await client.post("/api/v1/namespaces", namespaceBody("other"))
            let path = "/api/v1/namespaces/default/configmaps"
            for (index, name) in ["e", "a", "c", "b", "d"].enumerated() {
                let tier = index % 2 == 0 ? "front" : "back"
                _ = try await client.post(path, configMap(name, labels: ["tier": tier, "n": name]))
            }
            _ = try await client.post("/api/v1/namespaces/other/configmaps", configMap("z", labels: ["tier": "front"]))

            let all = try await client.get(path)
            #expect(all.string("kind") == "ConfigMapList")
            #expect(all.string("apiVersion") == "v1")
            #expect(names(all.items) == ["a", "b", "c", "d", "e"])
            #expect(all.items.allSatisfy { $0["kind"] == nil && $0["apiVersion"] == nil })
            #expect(all.string("metadata.resourceVersion") != nil)

            let front = try await client.get("\(path)?labelSelector=tier%3Dfront")
            #expect(names(front.items) == ["c", "d", "e"])
            let notIn = try await client.get("\(path)?labelSelector=n+notin+(a,e),tier!%3Dback")
            #expect(names(notIn.items) == ["c", "d"])
            let exists = try await client.get("\(path)?labelSelector=!tier")
            #expect(exists.items.isEmpty)
            let byName = try await client.get("\(path)?fieldSelector=metadata.name%3Dc")
            #expect(names(byName.items) == ["c"])
            let badField = try await client.get("\(path)?fieldSelector=data.k%3Dc")
            #expect(badField.status == 400)

            let everywhere = try await client.get("/api/v1/configmaps?labelSelector=tier%3Dfront")
            #expect(names(everywhere.items) == ["c", "d", "e", "z"])
            let otherOnly = try await client.get("/api/v1/configmaps?fieldSelector=metadata.namespace%3Dother")
            #expect(names(otherOnly.items) == ["z"])

            var collected: [String] = []
            var token = ""
            var pages = 0
            repeat {
                let page = try await client.get("\(path)?limit=2" + (token.isEmpty ? "" : "&continue=\(token)"))
                collected += names(page.items)
                token = page.string("metadata.continue") ?? ""
                if pages == 0 { #expect(page.int("metadata.remainingItemCount") == 3) }
                pages += 1
            } while !token.isEmpty && pages < 10
            #expect(collected == ["a", "b", "c", "d", "e"])
            #expect(pages == 3)
        }
    }

    @Test func testPatch_mergeJSONAndStrategic() async throws {
        try await withTestServer { _, client in
            let path = "/api/v1/namespaces/default/configmaps"
            _ = try await client.post(path, configMap("p", data: ["a": "1", "b": "2"]))
            let merged = try await client.patch(
                "\(path)/p", #"{"data":{"a":null,"c":"3"}}"#, type: "application/merge-patch+json")
            #expect(merged.status == 200)
            #expect(merged.value("data") as? [String: String] == ["b": "2", "c": "3"])

            let strategic = try await client.patch(
                "\(path)/p", #"{"data":{"d":"4"}}"#, type: "application/strategic-merge-patch+json")
            #expect(strategic.string("data.d") == "4")

            let patched = try await client.patch(
                "\(path)/p",
                #"[{"op":"test","path":"/data/b","value":"2"},{"op":"move","from":"/data/b","path":"/data/e"}]"#,
                type: "application/json-patch+json")
            #expect(patched.status == 200)
            #expect(patched.string("data.e") == "2")
            #expect(patched.string("data.b") == nil)

            let failed = try await client.patch(
                "\(path)/p", #"[{"op":"test","path":"/data/e","value":"nope"}]"#, type: "application/json-patch+json")
            #expect(failed.status == 422)
            #expect(failed.string("message") == "testing value /data/e failed: test failed")

            let stale = try await client.patch(
                "\(path)/p", #"{"metadata":{"resourceVersion":"1"},"data":{"x":"y"}}"#,
                type: "application/merge-patch+json")
            #expect(stale.status == 409)

            let missing = try await client.patch("\(path)/none", "{}", type: "application/merge-patch+json")
            #expect(missing.status == 404)
            let unsupported = try await client.patch("\(path)/p", "{}", type: "text/plain")
            #expect(unsupported.status == 415)
        }
    }

    @Test func testCreate_dryRunAndYAMLBodies() async throws {
        try await withTestServer { server, client in
            let path = "/api/v1/namespaces/default/configmaps"
            let before = server.resourceVersion
            let dry = try await client.post("\(path)?dryRun=All", configMap("dry"))
            #expect(dry.status == 201)
            #expect(dry.string("metadata.uid") != nil)
            #expect(server.resourceVersion == before)
            #expect(try await client.get("\(path)/dry").status == 404)

            let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  k: v\n"
            let created = try await client.request(.POST, path, body: yaml, contentType: "application/yaml")
            #expect(created.status == 201)
            #expect(created.string("data.k") == "v")
            let malformed = try await client.post(path, "{not json")
            #expect(malformed.status == 400)
            #expect(malformed.string("reason") == "BadRequest")
        }
    }

    @Test func testSecrets_andClusterScopedRBAC() async throws {
        try await withTestServer { _, client in
            let secret = try await client.post(
                "/api/v1/namespaces/default/secrets",
                #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"stringData":{"a":"b"}}"#)
            #expect(secret.status == 201)
            #expect(secret.string("type") == "Opaque")
            let byType = try await client.get("/api/v1/namespaces/default/secrets?fieldSelector=type%3DOpaque")
            #expect(names(byType.items) == ["s"])
            let role = try await client.post(
                "/apis/rbac.authorization.k8s.io/v1/clusterroles",
                #"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"system:x"},"rules":[]}"#
            )
            #expect(role.status == 201)
            #expect(role.string("metadata.namespace") == nil)
            let namespacedPath = try await client.get(
                "/apis/rbac.authorization.k8s.io/v1/namespaces/default/clusterroles")
            #expect(namespacedPath.status == 404)
            let lease = try await client.post(
                "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases",
                #"{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l"},"spec":{"holderIdentity":"me"}}"#
            )
            #expect(lease.status == 201)
        }
    }

    @Test func testHostileBodies_areRejected() async throws {
        try await withTestServer { _, client in
            let path = "/api/v1/namespaces/default/configmaps"
            let huge = "{\"data\":\"" + String(repeating: "x", count: 4 * 1024 * 1024) + "\"}"
            let tooLarge = try await client.post(path, huge)
            #expect(tooLarge.status == 413)
            #expect(tooLarge.string("kind") == "Status")
            let deep = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
            let tooDeep = try await client.post(path, deep)
            #expect(tooDeep.status == 400)
            let bomb =
                "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                + "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
            let expanded = try await client.patch(
                "\(path)/bomb?fieldManager=t", bomb, type: "application/apply-patch+yaml")
            #expect(expanded.status == 400)
        }
    }
}
