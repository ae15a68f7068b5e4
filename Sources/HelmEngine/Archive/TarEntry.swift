/// One member of a tar archive, after GNU long-name and PAX headers are applied.
struct TarEntry: Sendable {
    /// The kind of member, from the header's type flag.
    enum Kind: Sendable, Equatable {
        case file
        case directory
        case symlink
        case hardlink
        /// Character or block device, FIFO or an unknown type flag.
        case other(UInt8)
    }

    /// The member's path as stored (after long-name and PAX `path` overrides).
    var name: String
    /// The link target for links (after PAX `linkpath`).
    var linkName: String
    var kind: Kind
    /// The member's data; empty for non-files.
    var data: ArraySlice<UInt8>
}
