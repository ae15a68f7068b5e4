/// A file read from the manifest source.
public struct SourceFile: Sendable, Hashable {
    /// The path relative to the repository root, with `/` separators.
    public var path: String
    /// The file's bytes.
    public var contents: [UInt8]

    /// Creates a file.
    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// Whether the agent reads this file as manifests: `.yaml`, `.yml` or `.json`, any case.
    public var isManifest: Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json")
    }
}
