/// An API group and kind, without version.
public struct GroupKind: Sendable, Hashable, CustomStringConvertible {
    /// The group, empty for core.
    public var group: String
    /// The kind.
    public var kind: String

    /// Creates a group kind.
    public init(group: String, kind: String) {
        self.group = group
        self.kind = kind
    }

    /// `Kind.group`, or `Kind` for core.
    public var description: String { group.isEmpty ? kind : "\(kind).\(group)" }
}
