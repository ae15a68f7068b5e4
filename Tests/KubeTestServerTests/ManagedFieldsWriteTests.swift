import Testing

@testable import KubeTestServer

/// Non-apply writes that set `metadata.managedFields` themselves, as kube allows (client-side to server-side
/// ownership migration, `[{}]` to clear).
struct ManagedFieldsWriteTests {
    private let configMaps = ObjectStore().resource(group: "", version: "v1", plural: "configmaps")!

    private func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    private func created(_ store: inout ObjectStore) throws -> JSONValue {
        try store.create(
            configMaps, namespace: "default",
            body: try json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"x":"1"}}"#),
            manager: "helm")
    }

    @Test func testJSONPatch_replacingManagedFields_setsThemAsSent() throws {
        var store = ObjectStore()
        let object = try created(&store)
        #expect(object[path: ["metadata", "managedFields"]]?.arrayValue?.first?["operation"] == "Update")
        let entry = try json(
            #"[{"manager":"helm","operation":"Apply","apiVersion":"v1","time":"2026-01-01T00:00:00Z","#
                + #""fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:x":{}}}}]"#)
        let patch: JSONValue = .array([
            .object(["op": "replace", "path": "/metadata/managedFields", "value": entry])
        ])
        let result = try store.patch(
            configMaps, namespace: "default", name: "a", type: .json, body: Array(patch.serialized().utf8),
            subresource: .main, options: .init(fieldManager: "kubectl"))
        let managed = result.object[path: ["metadata", "managedFields"]]?.arrayValue ?? []
        #expect(managed.count == 1)
        #expect(managed.first?["manager"] == "helm")
        #expect(managed.first?["operation"] == "Apply")
        #expect(managed.first?[path: ["fieldsV1", "f:data", "f:x"]] == .object([:]))
    }

    @Test func testJSONPatch_emptyEntry_clearsManagedFields() throws {
        var store = ObjectStore()
        _ = try created(&store)
        let patch: JSONValue = .array([
            .object(["op": "replace", "path": "/metadata/managedFields", "value": .array([.object([:])])])
        ])
        let result = try store.patch(
            configMaps, namespace: "default", name: "a", type: .json, body: Array(patch.serialized().utf8),
            subresource: .main, options: .init(fieldManager: "kubectl"))
        #expect(result.object[path: ["metadata", "managedFields"]] == nil)
    }

    @Test func testMergePatch_leavingManagedFieldsAlone_recordsTheWriter() throws {
        var store = ObjectStore()
        _ = try created(&store)
        let result = try store.patch(
            configMaps, namespace: "default", name: "a", type: .merge,
            body: Array(#"{"data":{"x":"2"}}"#.utf8), subresource: .main, options: .init(fieldManager: "kubectl"))
        let managers = (result.object[path: ["metadata", "managedFields"]]?.arrayValue ?? []).compactMap {
            $0["manager"]?.stringValue
        }
        #expect(managers == ["kubectl"])
    }
}
