/// Limits applied while reading a chart archive, so hostile input cannot exhaust the process.
///
/// Helm itself caps a chart at 100 MiB decompressed and each file at 5 MiB
/// (`archive.MaxDecompressedChartSize`, `MaxDecompressedFileSize`); the other limits are ours.
public struct ArchiveLimits: Sendable, Hashable {
    /// Largest total size of all files, decompressed. Default 100 MiB (Helm's limit).
    public var maxTotalSize: Int
    /// Largest single file, decompressed. Default 5 MiB (Helm's limit).
    public var maxFileSize: Int
    /// Most entries (files, directories, headers) in one archive. Default 10,000.
    public var maxEntries: Int
    /// Longest entry path in bytes. Default 4,096.
    public var maxPathLength: Int
    /// Largest ratio of decompressed to compressed bytes, checked once more than
    /// ``ratioCheckThreshold`` bytes came out. Default 200.
    public var maxCompressionRatio: Int
    /// Decompressed size below which the ratio is not checked (tiny archives pad heavily). Default 1 MiB.
    public var ratioCheckThreshold: Int
    /// Deepest nesting of archives inside archives (`charts/*.tgz`). Default 10.
    public var maxNestingDepth: Int

    /// Creates limits; every parameter has the default documented on its property.
    public init(
        maxTotalSize: Int = 100 * 1024 * 1024,
        maxFileSize: Int = 5 * 1024 * 1024,
        maxEntries: Int = 10_000,
        maxPathLength: Int = 4_096,
        maxCompressionRatio: Int = 200,
        ratioCheckThreshold: Int = 1024 * 1024,
        maxNestingDepth: Int = 10
    ) {
        self.maxTotalSize = maxTotalSize
        self.maxFileSize = maxFileSize
        self.maxEntries = maxEntries
        self.maxPathLength = maxPathLength
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
        self.maxNestingDepth = maxNestingDepth
    }
}
