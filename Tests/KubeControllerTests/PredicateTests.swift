import KubeAPI
import KubeController
import Testing

@Suite struct PredicateTests {
    private func object(generation: Int64, labels: [String: String] = [:], rv: String = "1") -> KubeObject {
        var object = KubeObject.configMap("ns", "x", labels: labels)
        object["metadata", "generation"] = .int(generation)
        object.resourceVersion = rv
        return object
    }

    @Test func testGenerationChangedPredicate_dropsMetadataOnlyUpdatesAndResyncs() {
        let predicate = GenerationChangedPredicate()
        let old = object(generation: 1)
        #expect(predicate.shouldProcess(.added(old)))
        #expect(predicate.shouldProcess(.deleted(old)))
        #expect(predicate.shouldProcess(.updated(old: old, new: object(generation: 2, rv: "2"))))
        #expect(!predicate.shouldProcess(.updated(old: old, new: object(generation: 1, labels: ["a": "b"], rv: "2"))))
        #expect(!predicate.shouldProcess(.updated(old: old, new: old)))
    }

    @Test func testGenerationOrMetadataChangedPredicate_passesLabelAnnotationFinalizerAndDeletionChanges() {
        let predicate = GenerationOrMetadataChangedPredicate()
        let old = object(generation: 1)
        #expect(predicate.shouldProcess(.updated(old: old, new: object(generation: 1, labels: ["a": "b"], rv: "2"))))
        var annotated = old
        annotated.annotations["reconcile.fluxcd.io/requestedAt"] = "now"
        #expect(predicate.shouldProcess(.updated(old: old, new: annotated)))
        var finalized = old
        finalized.finalizers = ["f"]
        #expect(predicate.shouldProcess(.updated(old: old, new: finalized)))
        var deleting = old
        deleting["metadata", "deletionTimestamp"] = "2027-01-15T08:00:00Z"
        #expect(predicate.shouldProcess(.updated(old: old, new: deleting)))
        var statusOnly = old
        statusOnly["status"] = ["ready": true]
        statusOnly.resourceVersion = "3"
        #expect(!predicate.shouldProcess(.updated(old: old, new: statusOnly)))
        #expect(!ResourceVersionChangedPredicate().shouldProcess(.updated(old: old, new: old)))
        #expect(ResourceVersionChangedPredicate().shouldProcess(.updated(old: old, new: statusOnly)))
    }

    @Test func testEnqueueRequestForOwner_mapsTheControllingOwner() {
        var owned = KubeObject.configMap("ns", "child")
        owned["metadata", "ownerReferences"] = [
            [
                "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease", "name": "app", "uid": "1",
                "controller": true,
            ],
            ["apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease", "name": "other", "uid": "2"],
            ["apiVersion": "v1", "kind": "ConfigMap", "name": "unrelated", "uid": "3", "controller": true],
        ]
        let kind = GroupVersionKind(group: "helm.toolkit.fluxcd.io", version: "v2", kind: "HelmRelease")
        #expect(
            EnqueueRequestForOwner(ownerKind: kind).requests(for: .added(owned)) == [
                ReconcileRequest(namespace: "ns", name: "app")
            ])
        #expect(
            EnqueueRequestForOwner(ownerKind: kind, onlyController: false).requests(for: .added(owned)).map(\.key.name)
                == ["app", "other"])
        #expect(
            EnqueueRequestForObject().requests(for: .deleted(owned)) == [
                ReconcileRequest(namespace: "ns", name: "child")
            ])
    }
}
