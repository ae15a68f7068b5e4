/// An error from reading a chart repository, resolving a chart version, downloading or caching an archive,
/// or resolving chart dependencies.
///
/// `message` names the repository URL, chart, version or file involved and, where Helm has a message for the
/// same failure, uses Helm's wording (`chart "x" version "^9" not found in https://… repository`).
/// Errors compare equal by `code`.
public struct RepoError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; switch with a `default` case.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: Sendable, Hashable {
            case invalidURL, unreachable, timeout, unauthorized, forbidden, notFound, httpStatus, tooLarge
            case badIndex, chartNotFound, versionNotFound, noURL, digestMismatch, cache, tls
            case unsupportedRepository, dependency, lockOutOfSync, invalidConstraint
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// A repository or chart URL that cannot be parsed or used.
        public static let invalidURL = Code(.invalidURL)
        /// The server could not be reached (DNS, refused connection, TLS handshake, connection closed).
        public static let unreachable = Code(.unreachable)
        /// Connecting or reading took longer than the configured timeout.
        public static let timeout = Code(.timeout)
        /// The server answered 401: credentials are missing or wrong.
        public static let unauthorized = Code(.unauthorized)
        /// The server answered 403.
        public static let forbidden = Code(.forbidden)
        /// The server answered 404.
        public static let notFound = Code(.notFound)
        /// The server answered with another non-success status.
        public static let httpStatus = Code(.httpStatus)
        /// A response or file is larger than the configured cap.
        public static let tooLarge = Code(.tooLarge)
        /// `index.yaml` is empty, not YAML, or not a repository index.
        public static let badIndex = Code(.badIndex)
        /// The repository has no chart of that name.
        public static let chartNotFound = Code(.chartNotFound)
        /// The repository has the chart but no version satisfying the constraint.
        public static let versionNotFound = Code(.versionNotFound)
        /// The chosen chart version lists no download URL.
        public static let noURL = Code(.noURL)
        /// A downloaded archive's sha256 differs from the index's digest.
        public static let digestMismatch = Code(.digestMismatch)
        /// Reading or writing the on-disk cache failed.
        public static let cache = Code(.cache)
        /// A CA bundle, client certificate or key could not be loaded.
        public static let tls = Code(.tls)
        /// The repository form is not supported (`@alias`, a bare repository name, `oci://`).
        public static let unsupportedRepository = Code(.unsupportedRepository)
        /// A dependency cannot be resolved (missing local chart, local version out of range, bad entry).
        public static let dependency = Code(.dependency)
        /// `Chart.lock`/`requirements.lock` does not match the dependencies it should lock.
        public static let lockOutOfSync = Code(.lockOutOfSync)
        /// A version constraint does not parse.
        public static let invalidConstraint = Code(.invalidConstraint)

        /// A short fixed string for metric labels and logs.
        public var description: String {
            switch kind {
            case .invalidURL: "invalid_url"
            case .unreachable: "unreachable"
            case .timeout: "timeout"
            case .unauthorized: "unauthorized"
            case .forbidden: "forbidden"
            case .notFound: "not_found"
            case .httpStatus: "http_status"
            case .tooLarge: "too_large"
            case .badIndex: "bad_index"
            case .chartNotFound: "chart_not_found"
            case .versionNotFound: "version_not_found"
            case .noURL: "no_url"
            case .digestMismatch: "digest_mismatch"
            case .cache: "cache"
            case .tls: "tls"
            case .unsupportedRepository: "unsupported_repository"
            case .dependency: "dependency"
            case .lockOutOfSync: "lock_out_of_sync"
            case .invalidConstraint: "invalid_constraint"
            }
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What failed, naming the URL, chart, version or file, and how to fix it where that is clear.
    public var message: String
    /// The URL or file the error is about, if any.
    public var location: String?
    /// The underlying error, if any.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(code: Code, message: String, location: String? = nil, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.cause = cause
    }

    /// The one-line message.
    public var description: String { message }

    /// The message plus location and cause, one per line.
    public var detailedDescription: String {
        var lines = ["RepoError(\(code)): \(message)"]
        if let location { lines.append("  at: \(location)") }
        if let cause { lines.append("  cause: \(String(describing: cause))") }
        return lines.joined(separator: "\n")
    }
}

extension RepoError: Equatable {
    /// Errors compare equal by code alone.
    public static func == (lhs: RepoError, rhs: RepoError) -> Bool { lhs.code == rhs.code }
}
