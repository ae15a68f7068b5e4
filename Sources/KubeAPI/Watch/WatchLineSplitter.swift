/// Splits a watch body, which arrives in arbitrary chunks, into its newline-separated JSON documents.
///
/// Kubernetes writes one JSON object per line. Chunks may end mid-line or hold many lines; blank lines are skipped.
/// A line longer than ``maximumLineBytes`` fails the stream rather than growing the buffer without end.
public struct WatchLineSplitter: Sendable {
    /// The longest line accepted, in bytes.
    public let maximumLineBytes: Int
    private var pending: [UInt8] = []

    /// Creates a splitter.
    ///
    /// - Parameter maximumLineBytes: the cap on one line (one event). Default: 16 MiB, above the API's 1.5 MiB
    ///   object limit plus encoding overhead.
    public init(maximumLineBytes: Int = 16 * 1024 * 1024) {
        self.maximumLineBytes = maximumLineBytes
    }

    /// Feeds a chunk and returns the lines it completes, without their newlines.
    ///
    /// - Throws: ``KubeAPIError/Code/responseTooLarge`` when a line exceeds the cap.
    public mutating func append(_ chunk: some Collection<UInt8>) throws(KubeAPIError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = chunk.startIndex
        var index = start
        while index != chunk.endIndex {
            if chunk[index] == UInt8(ascii: "\n") {
                let piece = chunk[start..<index]
                if pending.count + piece.count > maximumLineBytes { throw overflow() }
                if pending.isEmpty {
                    if !isBlank(piece) { lines.append(Array(piece)) }
                } else {
                    pending.append(contentsOf: piece)
                    if !isBlank(pending) { lines.append(pending) }
                    pending.removeAll(keepingCapacity: true)
                }
                start = chunk.index(after: index)
            }
            index = chunk.index(after: index)
        }
        let rest = chunk[start..<chunk.endIndex]
        if pending.count + rest.count > maximumLineBytes { throw overflow() }
        pending.append(contentsOf: rest)
        return lines
    }

    /// The unterminated last line, if the stream ended without a newline.
    public mutating func finish() -> [UInt8]? {
        defer { pending.removeAll() }
        return isBlank(pending) ? nil : pending
    }

    private func isBlank(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }
    }

    private func overflow() -> KubeAPIError {
        .tooLarge("watch stream line", limit: maximumLineBytes)
    }
}
