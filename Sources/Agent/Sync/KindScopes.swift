public import KubeAPI

/// The built-in Kubernetes kinds that are cluster-scoped, for planning without a cluster (`sync --dry-run`).
///
/// Every other built-in kind is namespaced. A custom kind takes its scope from a CRD in the same revision; a
/// custom kind without one is taken as namespaced (the common case), which the dry run says in its output.
public enum KindScopes {
    /// `Kind.group` of the cluster-scoped built-in kinds (Kubernetes 1.30's `kubectl api-resources
    /// --namespaced=false`).
    public static let clusterScoped: Set<GroupKind> = [
        GroupKind(group: "", kind: "Namespace"), GroupKind(group: "", kind: "Node"),
        GroupKind(group: "", kind: "PersistentVolume"), GroupKind(group: "", kind: "ComponentStatus"),
        GroupKind(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition"),
        GroupKind(group: "apiregistration.k8s.io", kind: "APIService"),
        GroupKind(group: "rbac.authorization.k8s.io", kind: "ClusterRole"),
        GroupKind(group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding"),
        GroupKind(group: "storage.k8s.io", kind: "StorageClass"),
        GroupKind(group: "storage.k8s.io", kind: "CSIDriver"), GroupKind(group: "storage.k8s.io", kind: "CSINode"),
        GroupKind(group: "storage.k8s.io", kind: "VolumeAttachment"),
        GroupKind(group: "scheduling.k8s.io", kind: "PriorityClass"),
        GroupKind(group: "node.k8s.io", kind: "RuntimeClass"),
        GroupKind(group: "networking.k8s.io", kind: "IngressClass"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "ValidatingWebhookConfiguration"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "ValidatingAdmissionPolicy"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "ValidatingAdmissionPolicyBinding"),
        GroupKind(group: "certificates.k8s.io", kind: "CertificateSigningRequest"),
        GroupKind(group: "flowcontrol.apiserver.k8s.io", kind: "FlowSchema"),
        GroupKind(group: "flowcontrol.apiserver.k8s.io", kind: "PriorityLevelConfiguration"),
        GroupKind(group: "authentication.k8s.io", kind: "TokenReview"),
        GroupKind(group: "authorization.k8s.io", kind: "SubjectAccessReview"),
        GroupKind(group: "authorization.k8s.io", kind: "SelfSubjectAccessReview"),
        GroupKind(group: "authorization.k8s.io", kind: "SelfSubjectRulesReview"),
    ]

    /// Whether a kind is namespaced, by the table above.
    public static func isNamespaced(_ gvk: GroupVersionKind) -> Bool {
        !clusterScoped.contains(GroupKind(group: gvk.group, kind: gvk.kind))
    }
}
