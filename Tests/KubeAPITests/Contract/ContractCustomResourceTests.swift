import KubeAPI
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ContractCustomResourceTests {
    /// A CRD in a unique group, namespaced, with a status subresource.
    static func widgetCRD(group: String) -> KubeObject {
        var crd = KubeObject(.customResourceDefinition, key: ObjectKey(name: "widgets.\(group)"))
        crd["spec"] = [
            "group": .string(group),
            "scope": "Namespaced",
            "names": ["plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"],
            "versions": [
                [
                    "name": "v1", "served": true, "storage": true,
                    "subresources": ["status": [:]],
                    "schema": [
                        "openAPIV3Schema": [
                            "type": "object",
                            "properties": [
                                "spec": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
                                "status": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
                            ],
                        ]
                    ],
                ]
            ],
        ]
        return crd
    }

    /// Maps the kind once the CRD is established: immediately on KubeTestServer, after the Established condition on
    /// a real cluster (observed by watching the CRD, never by sleeping).
    static func waitUntilMappable(_ client: KubeClient, crd: KubeObject, gvk: GroupVersionKind) async throws
        -> ResourceMapping
    {
        if let mapping = try? await client.resourceMapping(for: gvk) { return mapping }
        let events = try await client.watch(
            .customResourceDefinition, options: WatchOptions(fieldSelector: "metadata.name=\(crd.name)"))
        for try await event in events {
            let conditions = event.object["status", "conditions"]?.arrayValue ?? []
            let established = conditions.contains { $0["type"] == "Established" && $0["status"] == "True" }
            if established, let mapping = try? await client.resourceMapping(for: gvk) { return mapping }
        }
        return try await client.resourceMapping(for: gvk)
    }

    @Test func testCustomResource_becomesMappableAndServesStatus() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            let group = "t\(ContractBackend.randomSuffix()).fluxhelm.test"
            let gvk = GroupVersionKind(group: group, version: "v1", kind: "Widget")
            // Unknown before the CRD exists (this also caches the group's absence).
            await #expect(throws: KubeAPIError(code: .noKindMatch, message: "")) {
                _ = try await c.resourceMapping(for: gvk)
            }
            let crd = try await c.create(Self.widgetCRD(group: group))
            do {
                let mapping = try await Self.waitUntilMappable(c, crd: crd, gvk: gvk)
                #expect(mapping.resource == "widgets")
                #expect(mapping.namespaced)

                var widget = KubeObject(gvk, key: ObjectKey(namespace: env.namespace, name: "w1"))
                widget["spec"] = ["size": 1]
                let created = try await c.create(widget)
                #expect(created["spec", "size"] == 1)

                // Status written through the main resource is ignored...
                var withStatus = created
                withStatus["status"] = ["phase": "Ignored"]
                withStatus["spec", "size"] = 2
                let updated = try await c.update(withStatus)
                #expect(updated["spec", "size"] == 2)
                #expect(updated["status", "phase"] == nil)

                // ...and written through the subresource, only status changes.
                var statusWrite = updated
                statusWrite["status"] = ["phase": "Ready"]
                statusWrite["spec", "size"] = 99
                let afterStatus = try await c.updateStatus(statusWrite)
                #expect(afterStatus["status", "phase"] == "Ready")
                #expect(afterStatus["spec", "size"] == 2)
                let fetchedStatus = try await c.getStatus(gvk, created.key)
                #expect(fetchedStatus["status", "phase"] == "Ready")
                let patched = try await c.patchStatus(gvk, created.key, patch: .merge(["status": ["phase": "Done"]]))
                #expect(patched["status", "phase"] == "Done")
                #expect(patched.generation == updated.generation)

                let list = try await c.list(gvk, namespace: env.namespace)
                #expect(list.items.map(\.name) == ["w1"])
                #expect(list.items.first?.kind == "Widget")
                try await c.delete(gvk, created.key)
            } catch {
                _ = try? await c.delete(.customResourceDefinition, crd.key)
                throw error
            }
            try await c.delete(.customResourceDefinition, crd.key)
        }
    }
}
