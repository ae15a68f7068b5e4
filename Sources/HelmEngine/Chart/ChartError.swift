/// A failure while loading a chart, reading an archive or preparing values.
///
/// Every error names what it is about (the archive and entry, the chart file, the values key) in
/// ``message``; ``path`` repeats that location when there is one. Errors compare equal by
/// ``code`` alone, so tests and callers can match on the kind of failure.
public struct ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure: a closed set that may grow, so never switch over it exhaustively.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notFound = "not_found"
            case invalidArchive = "invalid_archive"
            case unsafeArchive = "unsafe_archive"
            case limitExceeded = "limit_exceeded"
            case invalidChart = "invalid_chart"
            case invalidValues = "invalid_values"
            case invalidSet = "invalid_set"
            case schemaViolation = "schema_violation"
            case invalidSchema = "invalid_schema"
            case dependency = "dependency"
            case invalidIgnoreRules = "invalid_ignore_rules"
            case io = "io"
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The chart, file or directory does not exist.
        public static let notFound = Code(.notFound)
        /// The archive is not valid gzip or tar (bad header, truncated data, bad checksum).
        public static let invalidArchive = Code(.invalidArchive)
        /// An archive entry escapes the chart root, is absolute, or is a link or device.
        public static let unsafeArchive = Code(.unsafeArchive)
        /// A size, count, ratio or depth limit was exceeded.
        public static let limitExceeded = Code(.limitExceeded)
        /// `Chart.yaml`, `Chart.lock` or the chart layout is invalid.
        public static let invalidChart = Code(.invalidChart)
        /// A values file or values text is not a map or not valid YAML/JSON.
        public static let invalidValues = Code(.invalidValues)
        /// A `--set` family argument does not parse.
        public static let invalidSet = Code(.invalidSet)
        /// Values do not satisfy a chart's `values.schema.json`.
        public static let schemaViolation = Code(.schemaViolation)
        /// `values.schema.json` itself is not a usable schema.
        public static let invalidSchema = Code(.invalidSchema)
        /// A declared dependency is missing or inconsistent.
        public static let dependency = Code(.dependency)
        /// A `.helmignore` rule does not parse.
        public static let invalidIgnoreRules = Code(.invalidIgnoreRules)
        /// Reading a file failed.
        public static let io = Code(.io)

        /// A short fixed label for metrics.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What failed, naming the file, entry or key.
    public var message: String
    /// The chart path, archive or file the error is about, when there is one.
    public var path: String?
    /// The underlying error, if any.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(code: Code, message: String, path: String? = nil, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.cause = cause
    }

    /// The one-line message.
    public var description: String { message }

    /// The message plus the code, location and cause, one per line.
    public func detailedDescription() -> String {
        var lines = ["ChartError (\(code)): \(message)"]
        if let path { lines.append("  path: \(path)") }
        if let cause { lines.append("  cause: \(String(describing: cause))") }
        return lines.joined(separator: "\n")
    }

    /// Errors compare equal by code alone.
    public static func == (lhs: ChartError, rhs: ChartError) -> Bool { lhs.code == rhs.code }
}
