public import KubeAPI

/// One Kubernetes object read from the repository, with where it came from.
public struct Manifest: Sendable, Hashable {
    /// The object as written in git (a `List` is expanded into its items before this).
    public var object: KubeObject
    /// The file and document.
    public var origin: ManifestOrigin

    /// Creates a manifest.
    public init(object: KubeObject, origin: ManifestOrigin) {
        self.object = object
        self.origin = origin
    }

    /// Whether this is a CustomResourceDefinition (applied, and waited for, before everything else).
    public var isCRD: Bool {
        object.kind == "CustomResourceDefinition" && object.groupVersionKind.group == "apiextensions.k8s.io"
    }

    /// Whether this is a Namespace (applied before the objects in it).
    public var isNamespace: Bool { object.kind == "Namespace" && object.groupVersionKind.group.isEmpty }
}
