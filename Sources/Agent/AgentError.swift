/// The one error type the Agent module throws: a manifest that does not parse, a source that cannot be read, an
/// inventory that cannot be loaded or stored, or a sync that cannot start.
///
/// Errors about one object or one document do not stop a sync; they become ``SyncFailure`` entries of the
/// ``SyncResult``. An `AgentError` is thrown only when the whole sync cannot go on (the cluster or the source is
/// unreachable, the inventory is unreadable).
public struct AgentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; `switch` over it with a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case parse, invalidObject, duplicate, source, inventory, apply, prune, configuration
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A file or document is not valid YAML or JSON.
        public static let parse = Code(.parse)
        /// A document parsed but is not a Kubernetes object (no `apiVersion`, `kind` or `metadata.name`).
        public static let invalidObject = Code(.invalidObject)
        /// Two documents name the same object.
        public static let duplicate = Code(.duplicate)
        /// The manifest source (directory or git) could not be read.
        public static let source = Code(.source)
        /// The inventory could not be read, decoded or stored.
        public static let inventory = Code(.inventory)
        /// The API server rejected an object, or its kind is not served.
        public static let apply = Code(.apply)
        /// An object could not be deleted.
        public static let prune = Code(.prune)
        /// The agent's settings are not valid.
        public static let configuration = Code(.configuration)

        /// A short fixed string for logs and metric labels, e.g. `parse`.
        public var description: String {
            switch base {
            case .parse: "parse"
            case .invalidObject: "invalid_object"
            case .duplicate: "duplicate"
            case .source: "source"
            case .inventory: "inventory"
            case .apply: "apply"
            case .prune: "prune"
            case .configuration: "configuration"
            }
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What failed, naming the file, document, object or URL.
    public var message: String
    /// The file and document it is about, when there is one.
    public var origin: ManifestOrigin?
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// Creates an error; prefer the factory functions in `AgentError+Factories.swift`.
    public init(code: Code, message: String, origin: ManifestOrigin? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.origin = origin
        self.cause = cause
    }

    /// One line: the code, where, and the message.
    public var description: String {
        "AgentError.\(code): \(origin.map { "\($0): " } ?? "")\(message)"
    }

    /// A multi-line form with the underlying error.
    public func detailedDescription() -> String {
        var lines = [description]
        if let cause { lines.append("  underlying: \(cause)") }
        return lines.joined(separator: "\n")
    }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: AgentError, rhs: AgentError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
