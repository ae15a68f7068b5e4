import Testing

@testable import KubeAPI

struct KubeObjectTests {
    @Test func testInit_setsTypeAndKey() {
        let object = KubeObject(.deployment, key: ObjectKey(namespace: "apps", name: "web"))
        #expect(object.apiVersion == "apps/v1")
        #expect(object.kind == "Deployment")
        #expect(object.key == ObjectKey(namespace: "apps", name: "web"))
        #expect(object.description == "Deployment apps/web")
        let cluster = KubeObject(.namespace, key: ObjectKey(name: "ns"))
        #expect(cluster["metadata", "namespace"] == nil)
    }

    @Test func testMetadataAccessors_readAndWrite() {
        var object = KubeObject(
            [
                "apiVersion": "v1", "kind": "ConfigMap",
                "metadata": [
                    "name": "a", "namespace": "ns", "uid": "u-1", "resourceVersion": "9", "generation": 3,
                    "labels": ["app": "web"], "annotations": ["note": "x"], "finalizers": ["f/one"],
                    "deletionTimestamp": "2026-01-01T00:00:00Z",
                    "ownerReferences": [
                        [
                            "apiVersion": "apps/v1", "kind": "Deployment", "name": "d", "uid": "o-1",
                            "controller": true,
                        ]
                    ],
                ],
            ])
        #expect(object.uid == "u-1")
        #expect(object.generation == 3)
        #expect(object.labels == ["app": "web"])
        #expect(object.metadata.ownerReferences.first?.controller == true)
        #expect(object.metadata.deletionTimestamp == "2026-01-01T00:00:00Z")
        object.labels = [:]
        object.finalizers = []
        object.resourceVersion = ""
        #expect(object["metadata", "labels"] == nil)
        #expect(object["metadata", "finalizers"] == nil)
        #expect(object["metadata", "resourceVersion"] == nil)
        #expect(object.annotations == ["note": "x"])
    }

    @Test func testGroupVersionKind_parsesApiVersion() {
        #expect(GroupVersionKind(apiVersion: "v1", kind: "Pod") == .pod)
        let gvk = GroupVersionKind(apiVersion: "example.com/v1beta1", kind: "Widget")
        #expect(gvk.group == "example.com")
        #expect(gvk.version == "v1beta1")
        #expect(gvk.description == "example.com/v1beta1, Kind=Widget")
    }

    @Test func testObjectList_rejectsNonArrayItems() {
        #expect(throws: KubeAPIError(code: .decoding, message: "")) {
            try KubeObjectList(["kind": "ConfigMapList", "items": "nope"])
        }
    }
}
