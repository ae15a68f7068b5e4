/// An API group, version and kind: which type an object is (`apps/v1` `Deployment`).
public struct GroupVersionKind: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group (`v1`).
    public var group: String
    /// The version within the group, such as `v1`.
    public var version: String
    /// The kind, such as `ConfigMap`.
    public var kind: String

    /// Creates a group, version and kind.
    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// Splits an `apiVersion` (`v1`, `apps/v1`) and pairs it with `kind`.
    public init(apiVersion: String, kind: String) {
        if let slash = apiVersion.firstIndex(of: "/") {
            group = String(apiVersion[..<slash])
            version = String(apiVersion[apiVersion.index(after: slash)...])
        } else {
            group = ""
            version = apiVersion
        }
        self.kind = kind
    }

    /// `group/version`, or just `version` for the core group: the form objects carry in `apiVersion`.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `apiVersion, Kind=kind`, as Kubernetes prints it.
    public var description: String { "\(apiVersion), Kind=\(kind)" }

    /// core/v1 Namespace.
    public static let namespace = GroupVersionKind(group: "", version: "v1", kind: "Namespace")
    /// core/v1 ConfigMap.
    public static let configMap = GroupVersionKind(group: "", version: "v1", kind: "ConfigMap")
    /// core/v1 Secret.
    public static let secret = GroupVersionKind(group: "", version: "v1", kind: "Secret")
    /// core/v1 Service.
    public static let service = GroupVersionKind(group: "", version: "v1", kind: "Service")
    /// core/v1 Pod.
    public static let pod = GroupVersionKind(group: "", version: "v1", kind: "Pod")
    /// core/v1 Event.
    public static let event = GroupVersionKind(group: "", version: "v1", kind: "Event")
    /// apps/v1 Deployment.
    public static let deployment = GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")
    /// coordination.k8s.io/v1 Lease.
    public static let lease = GroupVersionKind(group: "coordination.k8s.io", version: "v1", kind: "Lease")
    /// apiextensions.k8s.io/v1 CustomResourceDefinition.
    public static let customResourceDefinition = GroupVersionKind(
        group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition")
}
