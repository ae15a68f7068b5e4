/// One resource a group version serves, from discovery (`/api/v1`, `/apis/GROUP/VERSION`).
public struct APIResource: Sendable, Hashable {
    /// The plural resource name used in paths, e.g. `configmaps`; subresources look like `deployments/status`.
    public var name: String
    /// The singular name, e.g. `configmap` (may be empty on older servers).
    public var singularName: String
    /// Whether objects live in namespaces.
    public var namespaced: Bool
    /// The kind of the objects.
    public var kind: String
    /// The verbs allowed: `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, ...
    public var verbs: [String]
    /// Short names such as `cm`.
    public var shortNames: [String]

    /// Whether this entry is a subresource (`status`, `scale`, ...), not a resource of its own.
    public var isSubresource: Bool { name.contains("/") }

    /// Creates a resource description.
    public init(
        name: String, singularName: String = "", namespaced: Bool, kind: String, verbs: [String] = [],
        shortNames: [String] = []
    ) {
        self.name = name
        self.singularName = singularName
        self.namespaced = namespaced
        self.kind = kind
        self.verbs = verbs
        self.shortNames = shortNames
    }

    /// Reads one entry of an `APIResourceList`'s `resources`.
    init(_ json: JSONValue) {
        name = json["name"]?.stringValue ?? ""
        singularName = json["singularName"]?.stringValue ?? ""
        namespaced = json["namespaced"]?.boolValue ?? false
        kind = json["kind"]?.stringValue ?? ""
        verbs = json["verbs"]?.arrayValue?.compactMap(\.stringValue) ?? []
        shortNames = json["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

/// An API group and the versions it serves, from discovery; the core group has an empty name.
public struct APIGroup: Sendable, Hashable {
    /// The group name, empty for core.
    public var name: String
    /// The served versions, e.g. `["v1", "v1beta1"]`.
    public var versions: [String]
    /// The version the server prefers.
    public var preferredVersion: String

    /// Creates a group description.
    public init(name: String, versions: [String], preferredVersion: String) {
        self.name = name
        self.versions = versions
        self.preferredVersion = preferredVersion
    }
}

/// Where objects of one kind live: the resource path segment and whether it is namespaced.
public struct ResourceMapping: Sendable, Hashable {
    /// The kind this maps.
    public var groupVersionKind: GroupVersionKind
    /// The plural resource, e.g. `deployments`.
    public var resource: String
    /// Whether objects live in namespaces.
    public var namespaced: Bool

    /// Creates a mapping.
    public init(groupVersionKind: GroupVersionKind, resource: String, namespaced: Bool) {
        self.groupVersionKind = groupVersionKind
        self.resource = resource
        self.namespaced = namespaced
    }

    /// The path of the group version, `/api/v1` or `/apis/GROUP/VERSION`.
    var groupVersionPath: String {
        let gvk = groupVersionKind
        return gvk.group.isEmpty ? "/api/\(gvk.version)" : "/apis/\(gvk.group)/\(gvk.version)"
    }

    /// The path of a collection or object: `namespace` applies only to namespaced resources, `name` and
    /// `subresource` are appended when given.
    func path(namespace: String?, name: String? = nil, subresource: String? = nil) -> String {
        var path = groupVersionPath
        if namespaced, let namespace, !namespace.isEmpty {
            path += "/namespaces/\(KubeClient.percentEncode(namespace))"
        }
        path += "/\(resource)"
        if let name { path += "/\(KubeClient.percentEncode(name))" }
        if let subresource { path += "/\(subresource)" }
        return path
    }
}
