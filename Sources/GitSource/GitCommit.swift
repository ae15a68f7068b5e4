/// A commit, named by its full object ID (40 hex digits for SHA-1 repositories, 64 for SHA-256 ones).
public struct GitCommit: Sendable, Hashable, CustomStringConvertible {
    /// The full hexadecimal object ID.
    public let sha: String

    /// Wraps a full object ID; ``GitMirror/resolve(_:)`` is the usual way to get one.
    ///
    /// - Throws: ``GitSourceError/Code/invalidArgument`` when `sha` is not 40 or 64 lowercase hex digits.
    public init(sha: String) throws(GitSourceError) {
        guard Self.isObjectID(sha) else {
            throw .invalidArgument("\"\(sha)\" is not a full commit ID (40 or 64 hex digits)", ref: sha)
        }
        self.sha = sha
    }

    init(trusted sha: String) { self.sha = sha }

    /// The first 12 digits, for messages.
    public var short: String { String(sha.prefix(12)) }

    /// The full ID.
    public var description: String { sha }

    static func isObjectID(_ text: some StringProtocol) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64) && text.utf8.allSatisfy(Self.isLowerHex)
    }

    static func isLowerHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}

/// One entry of a tree listing: a file, an executable, a symbolic link, a directory or a submodule.
public struct GitTreeEntry: Sendable, Hashable {
    /// What an entry is, from its git mode.
    public enum Kind: String, Sendable, Hashable {
        /// A regular file (mode 100644).
        case file
        /// An executable file (mode 100755).
        case executable
        /// A symbolic link (mode 120000); its target is the blob's content.
        case symlink
        /// A directory (mode 040000); only in non-recursive listings.
        case directory
        /// A submodule (mode 160000), whose commit lives in another repository.
        case submodule
    }

    /// The path relative to the listed directory, `/`-separated.
    public var path: String
    /// What the entry is.
    public var kind: Kind
    /// The object ID of the blob, tree or submodule commit.
    public var object: String
    /// The size in bytes of a blob; nil for directories and submodules.
    public var size: Int?
}
