/// The one error type GitSource throws: a ref or path that does not exist, a remote that cannot be reached or
/// refuses the credentials, a rejected push, a timeout, bad input or any other failed `git` call.
///
/// Compare by ``code`` (errors are equal when their codes are equal) and read ``message`` for the detail. The
/// remote's URL is always redacted (``url``): a password or token in it is replaced by `***`, and so is every
/// credential value in ``stderr``.
///
/// ```swift
/// do { _ = try await mirror.resolve("main") }
/// catch let error as GitSourceError where error.code == .refNotFound { ... }
/// ```
public struct GitSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; `switch` over it with a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case refNotFound, pathNotFound, unreachable, authentication, hostKey, credentials, pushRejected
            case pushFailed, timeout, invalidArgument, tooLarge, gitFailed, gitNotFound, io, cancelled
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The branch, tag, commit or other ref does not exist in the repository.
        public static let refNotFound = Code(.refNotFound)
        /// The path does not exist at the commit, or is not the kind of object asked for (a file, a directory).
        public static let pathNotFound = Code(.pathNotFound)
        /// The remote could not be reached, or the URL names no repository.
        public static let unreachable = Code(.unreachable)
        /// The remote refused the credentials, or asked for some and none were given.
        public static let authentication = Code(.authentication)
        /// The SSH host key is not in the known_hosts file or does not match it.
        public static let hostKey = Code(.hostKey)
        /// A credential file (SSH key, known_hosts, token or password file) is missing or unreadable.
        public static let credentials = Code(.credentials)
        /// The remote refused a push that is not a fast-forward: fetch, re-apply the change and push again.
        public static let pushRejected = Code(.pushRejected)
        /// The remote refused a push for another reason (a hook, a protected branch).
        public static let pushFailed = Code(.pushFailed)
        /// A `git` call did not finish within its timeout and was killed.
        public static let timeout = Code(.timeout)
        /// A URL, ref or path is malformed or unsafe (e.g. a path with `..`).
        public static let invalidArgument = Code(.invalidArgument)
        /// A file, an export or `git`'s output exceeded its byte cap.
        public static let tooLarge = Code(.tooLarge)
        /// Any other failed `git` call; ``GitSourceError/stderr`` says why.
        public static let gitFailed = Code(.gitFailed)
        /// The `git` executable is not installed or not found in `PATH`.
        public static let gitNotFound = Code(.gitNotFound)
        /// A local file or directory could not be created, read or moved.
        public static let io = Code(.io)
        /// The calling task was cancelled; the `git` process was killed.
        public static let cancelled = Code(.cancelled)

        /// A short fixed string for logs and metric labels, e.g. `ref_not_found`.
        public var description: String {
            switch base {
            case .refNotFound: "ref_not_found"
            case .pathNotFound: "path_not_found"
            case .unreachable: "unreachable"
            case .authentication: "authentication"
            case .hostKey: "host_key"
            case .credentials: "credentials"
            case .pushRejected: "push_rejected"
            case .pushFailed: "push_failed"
            case .timeout: "timeout"
            case .invalidArgument: "invalid_argument"
            case .tooLarge: "too_large"
            case .gitFailed: "git_failed"
            case .gitNotFound: "git_not_found"
            case .io: "io"
            case .cancelled: "cancelled"
            }
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What failed, naming the (redacted) URL, ref and path, and how to fix it where that is known.
    public var message: String
    /// The remote's URL with any password or token replaced by `***`, when a remote was involved.
    public var url: String?
    /// The ref (branch, tag, commit) involved, if any.
    public var ref: String?
    /// The path inside the repository involved, if any.
    public var path: String?
    /// The last lines of `git`'s standard error (credentials redacted), when `git` failed.
    public var stderr: String?
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// Creates an error; prefer the factory functions in `GitSourceError+Factories.swift`.
    public init(
        code: Code, message: String, url: String? = nil, ref: String? = nil, path: String? = nil,
        stderr: String? = nil, cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.url = url
        self.ref = ref
        self.path = path
        self.stderr = stderr
        self.cause = cause
    }

    /// One line: the code and the message.
    public var description: String { "GitSourceError.\(code): \(message)" }

    /// A multi-line form with the URL, ref, path, git's standard error and the underlying error.
    public func detailedDescription() -> String {
        var lines = [description]
        if let url { lines.append("  url: \(url)") }
        if let ref { lines.append("  ref: \(ref)") }
        if let path { lines.append("  path: \(path)") }
        if let stderr, !stderr.isEmpty {
            lines.append("  git said:")
            lines.append(contentsOf: stderr.split(separator: "\n").map { "    \($0)" })
        }
        if let cause { lines.append("  cause: \(cause)") }
        return lines.joined(separator: "\n")
    }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: GitSourceError, rhs: GitSourceError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
