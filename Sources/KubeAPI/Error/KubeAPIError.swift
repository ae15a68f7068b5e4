/// The one error type KubeAPI throws: an API status (NotFound, Conflict, Gone, ...), a transport or TLS failure,
/// a timeout, a configuration fault or undecodable data.
///
/// Compare by ``code`` (errors are equal when their codes are equal) and read ``message`` for the detail. Errors
/// from the API server are built from its `Status` body (see ``KubeAPIError/init(status:httpStatus:context:)``) and
/// keep the server's ``reason``, ``statusCode`` and field ``causes``.
///
/// ```swift
/// do { _ = try await client.get(.configMap, ObjectKey(namespace: "ns", name: "x")) }
/// catch let error as KubeAPIError where error.code == .notFound { ... }
/// ```
public struct KubeAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; `switch` over it with a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case notFound, alreadyExists, conflict, gone, forbidden, unauthorized, invalid, tooManyRequests
            case badRequest, methodNotAllowed, unsupportedMediaType, serverError, unexpectedStatus
            case timeout, transport, tls, config, decoding, responseTooLarge, noKindMatch, cancelled
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// 404: the object or resource does not exist.
        public static let notFound = Code(.notFound)
        /// 409 AlreadyExists: a create named an object that exists.
        public static let alreadyExists = Code(.alreadyExists)
        /// 409 Conflict: a stale `resourceVersion`, a failed precondition or an apply field conflict.
        public static let conflict = Code(.conflict)
        /// 410 Gone (or Expired): a watch or list asked for a `resourceVersion` older than the server keeps; relist.
        public static let gone = Code(.gone)
        /// 403: the credentials may not do this.
        public static let forbidden = Code(.forbidden)
        /// 401: the credentials were missing, wrong or expired.
        public static let unauthorized = Code(.unauthorized)
        /// 422: the object failed validation; ``KubeAPIError/causes`` lists the fields.
        public static let invalid = Code(.invalid)
        /// 429: the server is throttling; ``KubeAPIError/retryAfter`` says when to come back.
        public static let tooManyRequests = Code(.tooManyRequests)
        /// 400: the request was malformed.
        public static let badRequest = Code(.badRequest)
        /// 405: the resource does not support this verb.
        public static let methodNotAllowed = Code(.methodNotAllowed)
        /// 415: the server does not accept this patch type.
        public static let unsupportedMediaType = Code(.unsupportedMediaType)
        /// 5xx: the server failed.
        public static let serverError = Code(.serverError)
        /// Any other non-success HTTP status.
        public static let unexpectedStatus = Code(.unexpectedStatus)
        /// The call did not finish within its timeout.
        public static let timeout = Code(.timeout)
        /// The connection could not be made or was lost.
        public static let transport = Code(.transport)
        /// TLS failed: an untrusted certificate, a bad client certificate or key.
        public static let tls = Code(.tls)
        /// The kubeconfig or in-cluster configuration is missing or malformed.
        public static let config = Code(.config)
        /// A response or input was not the JSON (or YAML) expected.
        public static let decoding = Code(.decoding)
        /// A response body or watch line exceeded its byte cap.
        public static let responseTooLarge = Code(.responseTooLarge)
        /// No resource serves this apiVersion and kind (after refreshing discovery once).
        public static let noKindMatch = Code(.noKindMatch)
        /// The calling task was cancelled.
        public static let cancelled = Code(.cancelled)

        /// A short fixed string for logs and metric labels, e.g. `not_found`.
        public var description: String {
            switch base {
            case .notFound: "not_found"
            case .alreadyExists: "already_exists"
            case .conflict: "conflict"
            case .gone: "gone"
            case .forbidden: "forbidden"
            case .unauthorized: "unauthorized"
            case .invalid: "invalid"
            case .tooManyRequests: "too_many_requests"
            case .badRequest: "bad_request"
            case .methodNotAllowed: "method_not_allowed"
            case .unsupportedMediaType: "unsupported_media_type"
            case .serverError: "server_error"
            case .unexpectedStatus: "unexpected_status"
            case .timeout: "timeout"
            case .transport: "transport"
            case .tls: "tls"
            case .config: "config"
            case .decoding: "decoding"
            case .responseTooLarge: "response_too_large"
            case .noKindMatch: "no_kind_match"
            case .cancelled: "cancelled"
            }
        }
    }

    /// One field-level reason from a Status' `details.causes` (e.g. for Invalid or an apply conflict).
    public struct Cause: Sendable, Hashable {
        /// A machine-readable reason such as `FieldValueRequired` or `FieldManagerConflict`.
        public var reason: String
        /// The human-readable explanation.
        public var message: String
        /// The field path, such as `metadata.name`, when the server gave one.
        public var field: String

        /// Creates a cause.
        public init(reason: String = "", message: String = "", field: String = "") {
            self.reason = reason
            self.message = message
            self.field = field
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What failed, naming the object, URL, file or field.
    public var message: String
    /// The HTTP status the server returned, when the failure came from a response.
    public var statusCode: Int?
    /// The `reason` of the server's Status (e.g. `NotFound`, `Expired`), when there was one.
    public var reason: String?
    /// Field-level causes from the Status `details`.
    public var causes: [Cause]
    /// How long the server asked us to wait (`Retry-After` or `details.retryAfterSeconds`).
    public var retryAfter: Duration?
    /// The underlying error, if any.
    public var cause: (any Error)?
    /// Whether the connection was refused or could not be made, so nothing was sent and any call may be retried.
    var isConnectionRefused = false

    /// Creates an error; prefer the factory functions in `KubeAPIError+Factories.swift`.
    public init(
        code: Code, message: String, statusCode: Int? = nil, reason: String? = nil, causes: [Cause] = [],
        retryAfter: Duration? = nil, cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.statusCode = statusCode
        self.reason = reason
        self.causes = causes
        self.retryAfter = retryAfter
        self.cause = cause
    }

    /// One line: the code and the message.
    public var description: String { "KubeAPIError.\(code): \(message)" }

    /// A multi-line form with the HTTP status, field causes and the underlying error.
    public func detailedDescription() -> String {
        var lines = [description]
        if let statusCode { lines.append("  HTTP status: \(statusCode)\(reason.map { " (\($0))" } ?? "")") }
        for c in causes { lines.append("  cause: \(c.field.isEmpty ? "" : c.field + ": ")\(c.message) [\(c.reason)]") }
        if let retryAfter { lines.append("  retry after: \(retryAfter)") }
        if let cause { lines.append("  underlying: \(cause)") }
        return lines.joined(separator: "\n")
    }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: KubeAPIError, rhs: KubeAPIError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
