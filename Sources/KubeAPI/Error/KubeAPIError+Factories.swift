extension KubeAPIError {
    /// Builds the error for a non-success response from its Kubernetes `Status` body.
    ///
    /// The Status' `reason` decides the code when it is one Kubernetes defines (`NotFound`, `AlreadyExists`,
    /// `Conflict`, `Gone`, `Expired`, `Invalid`, ...), as apimachinery's `ReasonForError` does; otherwise the HTTP
    /// status does. A body that is not a Status (a proxy's HTML page, say) still maps by HTTP status.
    ///
    /// - Parameters:
    ///   - status: the decoded body, or `nil` when it was not JSON.
    ///   - httpStatus: the response's HTTP status code.
    ///   - context: what was being done, e.g. `GET https://host/api/v1/namespaces/x`, put first in ``message``.
    ///   - retryAfterHeader: the `Retry-After` header, in seconds, if present.
    public init(status: JSONValue?, httpStatus: Int, context: String, retryAfterHeader: Int? = nil) {
        let reason = status?["reason"]?.stringValue
        let serverMessage = status?["message"]?.stringValue
        let statusCode = status?["code"]?.intValue.map(Int.init) ?? httpStatus
        var causes: [Cause] = []
        for c in status?["details", "causes"]?.arrayValue ?? [] {
            causes.append(
                Cause(
                    reason: c["reason"]?.stringValue ?? "", message: c["message"]?.stringValue ?? "",
                    field: c["field"]?.stringValue ?? ""))
        }
        var retryAfter: Duration?
        if let seconds = retryAfterHeader ?? status?["details", "retryAfterSeconds"]?.intValue.map(Int.init),
            seconds >= 0
        {
            retryAfter = .seconds(seconds)
        }
        let code = Self.code(reason: reason, httpStatus: statusCode)
        let detail = serverMessage.map { ": \($0)" } ?? (reason.map { ": \($0)" } ?? "")
        self.init(
            code: code, message: "\(context): HTTP \(httpStatus)\(detail)", statusCode: httpStatus, reason: reason,
            causes: causes, retryAfter: retryAfter)
    }

    private static func code(reason: String?, httpStatus: Int) -> Code {
        switch reason {
        case "NotFound": return .notFound
        case "AlreadyExists": return .alreadyExists
        case "Conflict": return .conflict
        case "Gone", "Expired": return .gone
        case "Forbidden": return .forbidden
        case "Unauthorized": return .unauthorized
        case "Invalid": return .invalid
        case "TooManyRequests": return .tooManyRequests
        case "BadRequest": return .badRequest
        case "MethodNotAllowed": return .methodNotAllowed
        case "UnsupportedMediaType": return .unsupportedMediaType
        case "Timeout", "ServerTimeout": return .timeout
        case "InternalError", "ServiceUnavailable": return .serverError
        default: break
        }
        switch httpStatus {
        case 400: return .badRequest
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404: return .notFound
        case 405: return .methodNotAllowed
        case 409: return .conflict
        case 410: return .gone
        case 415: return .unsupportedMediaType
        case 422: return .invalid
        case 429: return .tooManyRequests
        case 504: return .timeout
        case 500...599: return .serverError
        default: return .unexpectedStatus
        }
    }

    /// A kubeconfig or in-cluster configuration fault, naming the file and the field.
    static func config(file: String, field: String? = nil, _ what: String, cause: (any Error)? = nil) -> KubeAPIError {
        let location = field.map { "\(file): \($0)" } ?? file
        return KubeAPIError(code: .config, message: "\(location): \(what)", cause: cause)
    }

    /// A configuration fault not tied to one file.
    static func config(_ what: String, cause: (any Error)? = nil) -> KubeAPIError {
        KubeAPIError(code: .config, message: what, cause: cause)
    }

    /// Input or response data that is not what was expected.
    static func decoding(_ what: String, cause: (any Error)? = nil) -> KubeAPIError {
        KubeAPIError(code: .decoding, message: what, cause: cause)
    }

    /// A connection that could not be made or was lost.
    static func transport(_ context: String, cause: (any Error)?) -> KubeAPIError {
        let suffix = cause.map { ": \($0)" } ?? ""
        return KubeAPIError(code: .transport, message: "\(context): connection failed\(suffix)", cause: cause)
    }

    /// A TLS handshake or certificate failure.
    static func tls(_ context: String, cause: (any Error)?) -> KubeAPIError {
        let suffix = cause.map { ": \($0)" } ?? ""
        return KubeAPIError(code: .tls, message: "\(context): TLS failed\(suffix)", cause: cause)
    }

    /// A call that ran out of time.
    static func timeout(_ context: String, after limit: Duration, cause: (any Error)? = nil) -> KubeAPIError {
        KubeAPIError(code: .timeout, message: "\(context): no response within \(limit)", cause: cause)
    }

    /// A body or line over its byte cap.
    static func tooLarge(_ context: String, limit: Int) -> KubeAPIError {
        KubeAPIError(code: .responseTooLarge, message: "\(context): exceeds the \(limit)-byte limit")
    }

    /// A cancelled call.
    static func cancelled(_ context: String) -> KubeAPIError {
        KubeAPIError(code: .cancelled, message: "\(context): cancelled")
    }

    /// No resource serves a kind.
    static func noKindMatch(_ gvk: GroupVersionKind) -> KubeAPIError {
        KubeAPIError(
            code: .noKindMatch,
            message: "no resource for kind \"\(gvk.kind)\" in apiVersion \"\(gvk.apiVersion)\" (is its CRD installed?)")
    }
}
