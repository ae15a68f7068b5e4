/// An ordering of Kubernetes kinds for applying or deleting a release's objects (Helm's `KindSortOrder`).
public struct KindSortOrder: Sendable {
    /// The kinds in order; kinds not listed sort after them, alphabetically.
    public let kinds: [String]
    private let rank: [String: Int]

    /// Creates an ordering from a list of kinds.
    public init(_ kinds: [String]) {
        self.kinds = kinds
        var rank: [String: Int] = [:]
        for (index, kind) in kinds.enumerated() where rank[kind] == nil { rank[kind] = index }
        self.rank = rank
    }

    /// Whether `a` sorts before `b`: listed kinds by position, unlisted ones after them by name
    /// (Helm's `lessByKind`). Equal kinds are not less, so a stable sort keeps their order.
    public func less(_ a: String, _ b: String) -> Bool {
        switch (rank[a], rank[b]) {
        case (let first?, let second?): first < second
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a < b
        }
    }

    /// Sorts `items` by kind, keeping the original order of items of equal rank.
    public func sorted<T>(_ items: [T], kind: (T) -> String) -> [T] {
        // A stable sort: Swift's `sort` is not guaranteed stable, so break ties by position.
        items.enumerated().sorted { lhs, rhs in
            let (a, b) = (kind(lhs.element), kind(rhs.element))
            if less(a, b) { return true }
            if less(b, a) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The order in which Helm installs objects (`releaseutil.InstallOrder`).
    public static let install = KindSortOrder([
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ])

    /// The order in which Helm deletes objects (`releaseutil.UninstallOrder`): webhooks first, namespaces last.
    public static let uninstall = KindSortOrder([
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "Ingress", "IngressClass",
        "Service", "CronJob", "Job", "StatefulSet", "HorizontalPodAutoscaler", "Deployment", "ReplicaSet",
        "ReplicationController", "Pod", "DaemonSet", "RoleBindingList", "RoleBinding", "RoleList", "Role",
        "ClusterRoleBindingList", "ClusterRoleBinding", "ClusterRoleList", "ClusterRole",
        "CustomResourceDefinition", "PersistentVolumeClaim", "PersistentVolume", "StorageClass", "ConfigMap",
        "SecretList", "Secret", "ServiceAccount", "PodDisruptionBudget", "PodSecurityPolicy", "LimitRange",
        "ResourceQuota", "NetworkPolicy", "Namespace", "PriorityClass",
    ])
}
