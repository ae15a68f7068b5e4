/// One served resource: a group/version/plural and what kube-apiserver says about it in discovery.
struct ResourceType: Sendable, Hashable {
    /// API group; empty for the core group.
    var group: String
    /// API version, e.g. `v1`.
    var version: String
    /// Plural resource name used in paths, e.g. `configmaps`.
    var plural: String
    /// Singular name, e.g. `configmap`.
    var singular: String
    /// Kind, e.g. `ConfigMap`.
    var kind: String
    /// Whether objects live in namespaces.
    var namespaced: Bool
    /// Whether a `status` subresource is served (status writes are split from main-resource writes).
    var hasStatus: Bool
    /// Whether objects carry `metadata.generation`. kube sets it for workloads, CRDs and every custom resource but
    /// not for, e.g., ConfigMaps.
    var hasGeneration: Bool
    /// Short names listed in discovery.
    var shortNames: [String] = []
    /// Whether this is served from a CustomResourceDefinition (list items keep kind/apiVersion, as kube's
    /// unstructured encoder does).
    var isCustom: Bool = false
    /// Extra field selectors kube supports for this resource besides `metadata.name`/`metadata.namespace`.
    var extraFieldLabels: [String] = []

    /// `v1` or `group/version`.
    var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// `configmaps` or `deployments.apps`, as kube writes it in messages.
    var groupResource: String { group.isEmpty ? plural : "\(plural).\(group)" }
    /// The list kind, e.g. `ConfigMapList`.
    var listKind: String { kind + "List" }
    /// The storage identity: all versions of a group/resource share objects.
    var storageKey: StorageKey { StorageKey(group: group, plural: plural) }

    /// Verbs listed in discovery.
    var verbs: [String] {
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    }
}

/// Identity of stored objects of one group/resource, independent of the version served.
struct StorageKey: Sendable, Hashable {
    /// API group.
    var group: String
    /// Plural resource name.
    var plural: String
}

extension ResourceType {
    /// The resources a fresh server serves, before any CRD is created.
    static let builtIns: [ResourceType] = [
        core("namespaces", "Namespace", namespaced: false, status: true, short: ["ns"], fields: ["status.phase"]),
        core("configmaps", "ConfigMap", short: ["cm"]),
        core("secrets", "Secret", fields: ["type"]),
        core("services", "Service", status: true, short: ["svc"]),
        core("serviceaccounts", "ServiceAccount", short: ["sa"]),
        core("pods", "Pod", status: true, generation: true, short: ["po"], fields: ["spec.nodeName", "status.phase"]),
        core("events", "Event", short: ["ev"]),
        core("persistentvolumeclaims", "PersistentVolumeClaim", status: true, short: ["pvc"]),
        ResourceType(
            group: "apps", version: "v1", plural: "deployments", singular: "deployment", kind: "Deployment",
            namespaced: true, hasStatus: true, hasGeneration: true, shortNames: ["deploy"]),
        ResourceType(
            group: "apps", version: "v1", plural: "statefulsets", singular: "statefulset", kind: "StatefulSet",
            namespaced: true, hasStatus: true, hasGeneration: true, shortNames: ["sts"]),
        ResourceType(
            group: "apps", version: "v1", plural: "daemonsets", singular: "daemonset", kind: "DaemonSet",
            namespaced: true, hasStatus: true, hasGeneration: true, shortNames: ["ds"]),
        ResourceType(
            group: "apps", version: "v1", plural: "replicasets", singular: "replicaset", kind: "ReplicaSet",
            namespaced: true, hasStatus: true, hasGeneration: true, shortNames: ["rs"]),
        ResourceType(
            group: "batch", version: "v1", plural: "jobs", singular: "job", kind: "Job",
            namespaced: true, hasStatus: true, hasGeneration: true),
        ResourceType(
            group: "coordination.k8s.io", version: "v1", plural: "leases", singular: "lease", kind: "Lease",
            namespaced: true, hasStatus: false, hasGeneration: false),
        rbac("roles", "Role", namespaced: true),
        rbac("rolebindings", "RoleBinding", namespaced: true),
        rbac("clusterroles", "ClusterRole", namespaced: false),
        rbac("clusterrolebindings", "ClusterRoleBinding", namespaced: false),
        ResourceType(
            group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions",
            singular: "customresourcedefinition", kind: "CustomResourceDefinition", namespaced: false,
            hasStatus: true, hasGeneration: true, shortNames: ["crd", "crds"]),
    ]

    private static func core(
        _ plural: String, _ kind: String, namespaced: Bool = true, status: Bool = false, generation: Bool = false,
        short: [String] = [], fields: [String] = []
    ) -> ResourceType {
        ResourceType(
            group: "", version: "v1", plural: plural, singular: kind.lowercased(), kind: kind, namespaced: namespaced,
            hasStatus: status, hasGeneration: generation, shortNames: short, extraFieldLabels: fields)
    }

    private static func rbac(_ plural: String, _ kind: String, namespaced: Bool) -> ResourceType {
        ResourceType(
            group: "rbac.authorization.k8s.io", version: "v1", plural: plural, singular: kind.lowercased(),
            kind: kind, namespaced: namespaced, hasStatus: false, hasGeneration: false)
    }
}
