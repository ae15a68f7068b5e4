/// The one error type KubeController throws: a cache that did not sync in time, a reconcile that ran past its
/// timeout, a controller set up wrongly, or a failed API call wrapped with what was being done.
///
/// Compare by ``code``; read ``message`` for the detail.
public struct ControllerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; `switch` over it with a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case cacheSyncTimeout, reconcileTimeout, invalidConfiguration, apiCall, shutDown, leadershipLost
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A cache did not finish its initial list within the controller's `cacheSyncTimeout`.
        public static let cacheSyncTimeout = Code(.cacheSyncTimeout)
        /// A reconcile ran longer than the controller's `reconciliationTimeout` and was cancelled.
        public static let reconcileTimeout = Code(.reconcileTimeout)
        /// An option or argument is out of range.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A call to the API server failed; ``ControllerError/cause`` is the `KubeAPIError`.
        public static let apiCall = Code(.apiCall)
        /// The component was shut down before the call could finish.
        public static let shutDown = Code(.shutDown)
        /// A leader could not renew its Lease within the renew deadline and gave up leadership.
        public static let leadershipLost = Code(.leadershipLost)

        /// A short fixed string for logs and metric labels, e.g. `cache_sync_timeout`.
        public var description: String {
            switch base {
            case .cacheSyncTimeout: "cache_sync_timeout"
            case .reconcileTimeout: "reconcile_timeout"
            case .invalidConfiguration: "invalid_configuration"
            case .apiCall: "api_call"
            case .shutDown: "shut_down"
            case .leadershipLost: "leadership_lost"
            }
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What failed, naming the controller, kind or object.
    public var message: String
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// One line: the code and the message.
    public var description: String { "ControllerError.\(code): \(message)" }

    /// A multi-line form that adds the underlying error.
    public func detailedDescription() -> String {
        var lines = [description]
        if let cause { lines.append("  underlying: \(cause)") }
        return lines.joined(separator: "\n")
    }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: ControllerError, rhs: ControllerError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
