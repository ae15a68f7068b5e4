/// One rendered Kubernetes object of a release: its document text and the head fields Helm reads from it.
public struct Manifest: Sendable, Hashable {
    /// The template that produced it (`CHART/templates/FILE`), printed as `# Source:`.
    public var sourcePath: String
    /// The document's YAML text, without the `---` separator.
    public var content: String
    /// The `apiVersion`, `kind`, `metadata.name` and annotations of the document.
    public var head: ManifestHead

    /// Creates a manifest.
    public init(sourcePath: String, content: String, head: ManifestHead) {
        self.sourcePath = sourcePath
        self.content = content
        self.head = head
    }
}

/// The fields of a document that Helm reads before installing it (`releaseutil.SimpleHead`).
public struct ManifestHead: Sendable, Hashable {
    /// `apiVersion`, empty when absent.
    public var apiVersion: String
    /// `kind`, empty when absent.
    public var kind: String
    /// `metadata.name`, empty when absent.
    public var name: String
    /// `metadata.annotations`.
    public var annotations: [String: String]

    /// Creates a head from its fields.
    public init(apiVersion: String = "", kind: String = "", name: String = "", annotations: [String: String] = [:]) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.annotations = annotations
    }
}
