import KubeAPI

/// The objects of one sync, resolved: final namespace, owner label and source annotations added, ID and digest
/// computed, and whether the inventory says the object is unchanged.
struct SyncPlan: Sendable {
    /// One object to sync.
    struct Item: Sendable {
        /// The manifest as read from git.
        var manifest: Manifest
        /// The body to apply: the manifest with namespace, label and annotations.
        var object: KubeObject
        /// The object's identity.
        var id: ObjectID
        /// The digest of ``object``.
        var digest: String
        /// The CRD group/kind when the kind is defined by a CRD of this same revision.
        var definedBy: GroupKind?
        /// Set when the object cannot be (or was not) applied.
        var failure: SyncFailure?
        /// Whether the apply was sent and succeeded in this sync.
        var applied = false
    }

    /// The objects to apply, in file and document order.
    var items: [Item]
    /// Documents that did not parse or are not objects. Any of these makes the sync skip pruning.
    var parseFailures: [SyncFailure]
    /// Objects defined twice (neither copy applied).
    var duplicateFailures: [SyncFailure]
    /// Objects in git that are not applied this time (duplicates): never pruned, their old entries kept.
    var protected: Set<ObjectID>

    /// Every read-time failure.
    var readFailures: [SyncFailure] { parseFailures + duplicateFailures }

    /// Indices of CRDs and Namespaces (phase 1), then of everything else (phase 2); each in ID order, so the
    /// apply order does not depend on file names.
    var phases: (first: [Int], rest: [Int]) {
        let order = items.indices.sorted { items[$0].id < items[$1].id }
        let first = order.filter { items[$0].manifest.isCRD || items[$0].manifest.isNamespace }
        let rest = order.filter { !(items[$0].manifest.isCRD || items[$0].manifest.isNamespace) }
        return (first, rest)
    }

    /// Builds the plan: maps each kind to learn whether it is namespaced (kinds of CRDs in the same revision use
    /// the CRD's `spec.scope`, since the server does not serve them yet), then decorates and identifies objects.
    ///
    /// - Parameter scope: whether a kind is namespaced: from the cluster's discovery, or (for a dry run) from
    ///   ``KindScopes``.
    static func make(
        _ set: ManifestSet, configuration: Syncer.Configuration,
        scope: (GroupVersionKind) async -> Result<Bool, KubeAPIError>
    ) async -> SyncPlan {
        var set = set
        let defined = set.definedKinds
        var scopes: [GroupVersionKind: Result<Bool, KubeAPIError>] = [:]
        var items: [Item] = []
        var ids: [ObjectID] = []
        var unmapped: [Int: SyncFailure] = [:]
        for manifest in set.manifests {
            let gvk = manifest.object.groupVersionKind
            let gk = GroupKind(group: gvk.group, kind: gvk.kind)
            var namespaced = true
            if let scope = defined[gk] {
                namespaced = scope
            } else {
                if scopes[gvk] == nil { scopes[gvk] = await scope(gvk) }
                switch scopes[gvk] {
                case .success(let scope)?: namespaced = scope
                case .failure(let error)?:
                    unmapped[items.count] = SyncFailure(
                        origin: manifest.origin, object: nil,
                        message: error.code == .noKindMatch
                            ? "the server does not serve \(gvk.apiVersion) \(gvk.kind), and no CustomResourceDefinition "
                                + "in this revision defines it"
                            : "cannot map \(gvk.apiVersion) \(gvk.kind) to a resource: \(error.message)",
                        code: .apply)
                case nil: break
                }
            }
            var object = manifest.object
            if namespaced {
                if object.namespace.isEmpty { object.namespace = configuration.defaultNamespace }
            } else {
                object.namespace = ""
            }
            var labels = object.labels
            labels[Syncer.ownerLabel] = configuration.name
            object.labels = labels
            var annotations = object.annotations
            if !configuration.repository.isEmpty {
                annotations[Syncer.repositoryAnnotation] = configuration.repository
            }
            annotations[Syncer.fileAnnotation] = "\(manifest.origin.file)#\(manifest.origin.document)"
            object.annotations = annotations
            let id = ObjectID(group: gvk.group, kind: gvk.kind, namespace: object.namespace, name: object.name)
            ids.append(id)
            items.append(
                Item(
                    manifest: manifest, object: object, id: id, digest: AppliedDigest.of(object),
                    definedBy: defined[gk] != nil ? gk : nil))
        }
        for (index, failure) in unmapped {
            var located = failure
            located.object = items[index].id
            items[index].failure = located
        }
        let kept = Set(set.removeDuplicates(ids: ids))
        let duplicated = Set(ids).subtracting(kept)
        items.removeAll { duplicated.contains($0.id) }
        return SyncPlan(
            items: items, parseFailures: set.parseErrors.map { SyncFailure($0) },
            duplicateFailures: set.duplicates.map { SyncFailure($0) }, protected: duplicated)
    }
}
