import GoTemplate
public import KubeAPI

/// One object of a release, as rendered, with its identity resolved through discovery.
///
/// Two resources are the same object when their ``identity`` matches (group, kind, namespace, name), as Helm's
/// `ResourceList.Difference` compares them; the version is not part of it, so moving an object to a new
/// apiVersion updates it instead of deleting and recreating it.
public struct ReleaseResource: Sendable, Hashable {
    /// The rendered object, with the namespace filled in for namespaced kinds (empty for cluster-scoped ones).
    public var object: KubeObject
    /// Where objects of its kind live, from ``KubeClient/resourceMapping(for:timeout:)``.
    public var mapping: ResourceMapping
    /// The template that produced it (`CHART/templates/FILE`, from the `# Source:` line); empty if none.
    public var sourcePath: String

    /// Creates a resource.
    public init(object: KubeObject, mapping: ResourceMapping, sourcePath: String = "") {
        self.object = object
        self.mapping = mapping
        self.sourcePath = sourcePath
    }

    /// The object's group, version and kind.
    public var gvk: GroupVersionKind { object.groupVersionKind }

    /// Namespace and name; the namespace is empty for cluster-scoped kinds.
    public var key: ObjectKey {
        ObjectKey(namespace: mapping.namespaced ? object.namespace : "", name: object.name)
    }

    /// `Kind "name" in namespace "ns"`, or `Kind "name"` for cluster-scoped kinds.
    public var displayName: String {
        let kind = gvk.kind
        return mapping.namespaced
            ? "\(kind) \"\(object.name)\" in namespace \"\(object.namespace)\"" : "\(kind) \"\(object.name)\""
    }

    /// What makes two resources the same object: group, kind, namespace and name (not the version).
    public var identity: Identity {
        Identity(group: gvk.group, kind: gvk.kind, namespace: key.namespace, name: key.name)
    }

    /// The group, kind, namespace and name of a resource (see ``ReleaseResource/identity``).
    public struct Identity: Sendable, Hashable, CustomStringConvertible {
        /// The API group; empty for core.
        public var group: String
        /// The kind.
        public var kind: String
        /// The namespace; empty for cluster-scoped kinds.
        public var namespace: String
        /// The name.
        public var name: String

        /// `group/Kind namespace/name`.
        public var description: String {
            let groupKind = group.isEmpty ? kind : "\(kind).\(group)"
            return namespace.isEmpty ? "\(groupKind) \(name)" : "\(groupKind) \(namespace)/\(name)"
        }
    }

    /// `Kind "name" in namespace "ns"`, also for cluster-scoped kinds (with `""`): the form Helm's ownership
    /// checks print (`resourceString`).
    var helmResourceString: String {
        "\(gvk.kind) \(GoQuote.quote(object.name)) in namespace \(GoQuote.quote(key.namespace))"
    }
}
