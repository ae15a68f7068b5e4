import GoTemplate

/// What the target cluster supports, as templates see it through `.Capabilities`
/// (Helm's `common.Capabilities`).
///
/// `helm template` renders against built-in defaults: the Kubernetes version that Helm's client
/// library targets and the API group-versions its scheme knows. ``default`` reproduces Helm 4.2's.
public struct Capabilities: Sendable, Hashable {
    /// The Kubernetes version (`.Capabilities.KubeVersion`).
    public var kubeVersion: KubeVersion
    /// The API group-versions the cluster serves, in Helm's order (`.Capabilities.APIVersions`).
    public var apiVersions: [String]
    /// The Helm version the chart is rendered by (`.Capabilities.HelmVersion`).
    public var helmVersion: HelmBuildInfo

    /// Creates capabilities from their parts.
    public init(kubeVersion: KubeVersion, apiVersions: [String], helmVersion: HelmBuildInfo = .current) {
        self.kubeVersion = kubeVersion
        self.apiVersions = apiVersions
        self.helmVersion = helmVersion
    }

    /// Helm 4.2's defaults for rendering without a cluster: Kubernetes v1.36.0 and the group-versions of
    /// client-go's scheme plus apiextensions, in the scheme's priority order (`common.DefaultCapabilities`).
    public static let `default` = Capabilities(
        kubeVersion: KubeVersion(version: "v1.36.0", major: "1", minor: "36"),
        apiVersions: defaultAPIVersions
    )

    /// The group-versions Helm 4.2 assumes without a cluster (`common.DefaultVersionSet`).
    public static let defaultAPIVersions: [String] = [
        "v1",
        "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1", "admissionregistration.k8s.io/v1beta1",
        "internal.apiserver.k8s.io/v1alpha1",
        "apps/v1", "apps/v1beta1", "apps/v1beta2",
        "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1",
        "autoscaling/v1", "autoscaling/v2",
        "batch/v1", "batch/v1beta1",
        "certificates.k8s.io/v1", "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1alpha1",
        "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1",
        "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1",
        "events.k8s.io/v1", "events.k8s.io/v1beta1",
        "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta3",
        "networking.k8s.io/v1", "networking.k8s.io/v1beta1",
        "node.k8s.io/v1", "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1",
        "policy/v1", "policy/v1beta1",
        "rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1",
        "resource.k8s.io/v1", "resource.k8s.io/v1beta2", "resource.k8s.io/v1beta1", "resource.k8s.io/v1alpha3",
        "scheduling.k8s.io/v1alpha2", "scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1",
        "storage.k8s.io/v1beta1", "storage.k8s.io/v1", "storage.k8s.io/v1alpha1",
        "storagemigration.k8s.io/v1beta1",
        "apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1",
    ]

    /// Returns these capabilities with `extra` group-versions appended, as `helm template --api-versions` does.
    public func addingAPIVersions(_ extra: [String]) -> Capabilities {
        var copy = self
        copy.apiVersions.append(contentsOf: extra)
        return copy
    }
}

/// A Kubernetes version as templates see it (`.Capabilities.KubeVersion`, Helm's `common.KubeVersion`).
public struct KubeVersion: Sendable, Hashable {
    /// The full version with a leading `v` (`v1.33.4-gke.1245000`); also `GitVersion`.
    public var version: String
    /// The version reduced to `vMAJOR.MINOR.PATCH`, used by `String()` and constraint checks.
    public var normalizedVersion: String
    /// The major version, as a string (`"1"`).
    public var major: String
    /// The minor version, as a string (`"36"`).
    public var minor: String

    /// Creates a version whose normalized form is `version` itself.
    public init(version: String, major: String, minor: String) {
        self.version = version
        self.normalizedVersion = version
        self.major = major
        self.minor = minor
    }

    /// Parses a version given to `--kube-version` as Kubernetes' `ParseGeneric` does: an optional `v`, then
    /// `MAJOR.MINOR` with an optional `.PATCH`; anything after the numbers (`-gke.1`) is kept in `version` only.
    public init?(parsing text: String) {
        let body = text.hasPrefix("v") ? text.dropFirst() : Substring(text)
        var numbers: [UInt64] = []
        var current = ""
        var rest = body.startIndex
        for index in body.indices {
            let character = body[index]
            if character.isASCII, character.isNumber {
                current.append(character)
            } else if character == ".", !current.isEmpty, numbers.count < 2 {
                guard let number = UInt64(current) else { return nil }
                numbers.append(number)
                current = ""
            } else {
                rest = index
                break
            }
            rest = body.index(after: index)
        }
        guard !current.isEmpty, let last = UInt64(current) else { return nil }
        numbers.append(last)
        // Leftovers must start a pre-release or build suffix, as in ParseGeneric's regular expression.
        if rest < body.endIndex, !["-", "+"].contains(body[rest]) { return nil }
        guard numbers.count >= 2 else { return nil }
        let patch = numbers.count > 2 ? numbers[2] : 0
        self.version = text.hasPrefix("v") ? text : "v" + text
        self.normalizedVersion = "v\(numbers[0]).\(numbers[1]).\(patch)"
        self.major = String(numbers[0])
        self.minor = String(numbers[1])
    }
}

/// Helm's `version.BuildInfo`, as templates see it in `.Capabilities.HelmVersion`.
public struct HelmBuildInfo: Sendable, Hashable {
    /// The Helm version whose behaviour fluxhelm reproduces (`v4.2`).
    public var version: String
    /// The commit Helm was built from; empty for fluxhelm.
    public var gitCommit: String
    /// The git tree state at build time; empty for fluxhelm.
    public var gitTreeState: String
    /// The Go version Helm reports; fluxhelm reports the one the oracle Helm was built with.
    public var goVersion: String
    /// The client-go version Helm reports.
    public var kubeClientVersion: String

    /// The build information fluxhelm presents, matching Helm 4.2's so charts that test it behave the same.
    public static let current = HelmBuildInfo(
        version: "v4.2", gitCommit: "", gitTreeState: "", goVersion: "go1.26.6", kubeClientVersion: "v1.36"
    )
}
