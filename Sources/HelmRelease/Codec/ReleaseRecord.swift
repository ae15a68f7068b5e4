public import HelmEngine

/// A release revision as a Kubernetes object holds it: a Secret or ConfigMap named by ``ReleaseKey``.
///
/// Helm's Secret and ConfigMap drivers (`newSecretsObject`, `newConfigMapsObject`) store the encoded release
/// under `data.release` and these labels: the release's custom labels, then `name`, `owner=helm`, `status`,
/// `version`, plus `createdAt` (Unix seconds) when the record is created or `modifiedAt` when it is replaced.
/// A Secret has type `helm.sh/release.v1` and, as every Secret, base64-encodes its data once more.
public struct ReleaseRecord: Sendable, Hashable {
    /// Which Kubernetes object holds the record.
    public enum Kind: String, Sendable, Hashable {
        /// A `v1/Secret` of type `helm.sh/release.v1` (Helm's default driver).
        case secret = "Secret"
        /// A `v1/ConfigMap` (`--storage configmap`, Helm's `HELM_DRIVER=configmap`).
        case configMap = "ConfigMap"
    }

    /// The Secret type Helm gives release records.
    public static let secretType = "helm.sh/release.v1"
    /// Labels Helm manages itself; they never appear in ``Release/labels`` (Helm's `GetSystemLabels`).
    public static let systemLabels: Set<String> = ["name", "owner", "status", "version", "createdAt", "modifiedAt"]

    /// The object's kind.
    public var kind: Kind
    /// The object's name, `sh.helm.release.v1.NAME.vREVISION`.
    public var name: String
    /// The object's namespace.
    public var namespace: String
    /// The object's labels.
    public var labels: [String: String]
    /// Helm's encoded release (base64 of gzipped JSON), as in a ConfigMap's `data.release`.
    public var body: String
    /// The object's `metadata.resourceVersion`, when read from a server.
    public var resourceVersion: String?

    /// Creates a record from its parts.
    public init(
        kind: Kind, name: String, namespace: String, labels: [String: String], body: String,
        resourceVersion: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.body = body
        self.resourceVersion = resourceVersion
    }

    /// Builds the record Helm's driver would write for `release`.
    /// - Parameters:
    ///   - release: the revision to store; its ``Release/namespace`` is the record's namespace.
    ///   - kind: Secret or ConfigMap.
    ///   - isUpdate: `false` labels it `createdAt` (Helm's `Create`), `true` `modifiedAt` (Helm's `Update`).
    ///   - now: the time for that label.
    ///   - codec: the codec that encodes the body.
    public init(
        release: Release, kind: Kind, isUpdate: Bool, now: GoTime, codec: ReleaseCodec = ReleaseCodec()
    ) throws(ReleaseError) {
        var labels = release.labels
        labels[isUpdate ? "modifiedAt" : "createdAt"] = String(now.unix)
        labels["name"] = release.name
        labels["owner"] = "helm"
        labels["status"] = release.status.rawValue
        labels["version"] = String(release.version)
        self.init(
            kind: kind, name: release.storageKey, namespace: release.namespace, labels: labels,
            body: try codec.encode(release)
        )
    }

    /// Decodes the release; its ``Release/labels`` are the record's labels without Helm's system labels.
    public func release(codec: ReleaseCodec = ReleaseCodec()) throws(ReleaseError) -> Release {
        var release = try codec.decode(body, record: name)
        release.labels = labels.filter { !Self.systemLabels.contains($0.key) }
        return release
    }
}
