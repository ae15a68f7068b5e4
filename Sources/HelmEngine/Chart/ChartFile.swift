/// A file of a chart: its path relative to the chart root (always with `/`) and its bytes (Helm's
/// `common.File`).
public struct ChartFile: Sendable, Hashable {
    /// The path relative to the chart root, such as `templates/deployment.yaml`.
    public var name: String
    /// The file's bytes (a leading UTF-8 byte-order mark removed, as Helm does).
    public var data: [UInt8]
    /// The file's modification time as a release record holds it (`modtime`); zero, and then omitted from the
    /// record, for a chart loaded from files.
    public var modTime: GoTime

    /// Creates a file.
    public init(name: String, data: [UInt8], modTime: GoTime = .zero) {
        self.name = name
        self.data = data
        self.modTime = modTime
    }

    /// Creates a file from text.
    public init(name: String, text: String) {
        self.init(name: name, data: Array(text.utf8))
    }

    /// The file's bytes as text (invalid UTF-8 replaced, as Go's `string([]byte)` keeps bytes).
    public var text: String { String(decoding: data, as: UTF8.self) }
}

extension Array where Element == UInt8 {
    /// The bytes without a leading UTF-8 byte-order mark.
    var withoutUTF8BOM: [UInt8] {
        starts(with: [0xEF, 0xBB, 0xBF]) ? Array(self[3...]) : self
    }
}
