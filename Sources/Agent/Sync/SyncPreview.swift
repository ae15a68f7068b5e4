public import KubeAPI

/// What a sync would apply, worked out without a cluster: `fluxhelm sync --dry-run`.
///
/// Objects come in apply order (CRDs and Namespaces first, then everything else, each by group, kind, namespace
/// and name) with the owner label, source annotations and default namespace a real sync adds. Scopes come from
/// ``KindScopes`` and the revision's own CRDs.
public struct SyncPreview: Sendable {
    /// One object as it would be applied.
    public struct Object: Sendable, Hashable {
        /// The apply body.
        public var object: KubeObject
        /// Where it came from.
        public var origin: ManifestOrigin
        /// Its identity.
        public var id: ObjectID
    }

    /// The revision previewed.
    public var revision: String
    /// The objects, in apply order.
    public var objects: [Object]
    /// What would fail before reaching the server: parse errors and duplicates.
    public var failures: [SyncFailure]

    /// Plans a sync of `snapshot` with `configuration`, offline.
    public static func make(_ snapshot: SourceSnapshot, configuration: Syncer.Configuration) async -> SyncPreview {
        let plan = await SyncPlan.make(ManifestSet.read(snapshot.files), configuration: configuration) { gvk in
            .success(KindScopes.isNamespaced(gvk))
        }
        let (first, rest) = plan.phases
        let objects = (first + rest).map { index in
            let item = plan.items[index]
            return Object(object: item.object, origin: item.manifest.origin, id: item.id)
        }
        return SyncPreview(
            revision: snapshot.revision, objects: objects,
            failures: plan.readFailures.sorted(by: Syncer.failureOrder))
    }

    /// The objects as a YAML stream, each preceded by `# Source: FILE (document N)`, as `helm template` marks its
    /// documents.
    public var yaml: String {
        var text = ""
        for object in objects {
            text += "---\n# Source: \(object.origin.file) (document \(object.origin.document))\n"
            text += YAMLWriter.write(object.object.json)
        }
        return text
    }
}
