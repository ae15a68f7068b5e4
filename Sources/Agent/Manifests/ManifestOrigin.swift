/// Where a manifest came from: a file under the repository root and the document's number in it.
public struct ManifestOrigin: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path relative to the repository root (or `--path` directory), with `/` separators.
    public var file: String
    /// The document's 1-based number in the file (the first document is 1; a leading `---` starts document 1).
    public var document: Int
    /// The 1-based line where the document starts, 0 when unknown.
    public var line: Int

    /// Creates an origin.
    public init(file: String, document: Int, line: Int = 0) {
        self.file = file
        self.document = document
        self.line = line
    }

    /// `file (document N, line L)`, for messages.
    public var description: String {
        "\(file) (document \(document)\(line > 0 ? ", line \(line)" : ""))"
    }

    /// Orders by file, then document number.
    public static func < (lhs: ManifestOrigin, rhs: ManifestOrigin) -> Bool {
        (lhs.file, lhs.document) < (rhs.file, rhs.document)
    }
}
