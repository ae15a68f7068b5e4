/// The key of a release record: `sh.helm.release.v1.NAME.vREVISION` (Helm's `makeKey`).
public struct ReleaseKey: Sendable, Hashable, CustomStringConvertible {
    /// The prefix of every Helm 3+ record name (Helm's `HelmStorageType` plus a dot).
    public static let prefix = "sh.helm.release.v1."

    /// The release name.
    public var name: String
    /// The revision.
    public var version: Int

    /// Creates a key for a release revision.
    public init(name: String, version: Int) {
        self.name = name
        self.version = version
    }

    /// Parses a record name as Helm's memory driver does: strip the prefix, split on `.v`, expect exactly two
    /// parts, the second an integer. Returns nil otherwise (Helm's `ErrInvalidKey`).
    public init?(parsing key: String) {
        let rest = key.hasPrefix(Self.prefix) ? String(key.dropFirst(Self.prefix.count)) : key
        let parts = rest.split(separator: ".v", omittingEmptySubsequences: false)
        guard parts.count == 2, let version = Int(parts[1]) else { return nil }
        self.init(name: String(parts[0]), version: version)
    }

    /// The record name.
    public var description: String { "\(Self.prefix)\(name).v\(version)" }
}
