import ServiceLifecycle

/// Everything mutable in a ``KubeTestServer``, kept under one lock.
struct ServerState: Sendable {
    /// Objects and history.
    var store: ObjectStore
    /// Open watches.
    var hub = WatchHub()
    /// Queued injected faults, oldest first.
    var faults: [Fault] = []
    /// Delay before every response.
    var latency: Duration?
    /// Requests seen.
    var requestCount = 0
    /// The bound port, once listening.
    var port: Int?
    /// How many times the listener has come up (1 after start, +1 per restart).
    var generation = 0
    /// Callers of `waitUntilListening` and the generation each waits for.
    var waiters: [(generation: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    /// The service group running the current listener.
    var group: ServiceGroup?
    /// Set by shutdown; the listener loop ends.
    var stopRequested = false
    /// Set by restart; the listener loop binds again.
    var restartRequested = false

    /// Takes the first fault matching a request, if any.
    mutating func takeFault(method: String, path: String, isWatch: Bool) -> Fault? {
        guard let index = faults.firstIndex(where: { $0.matcher.matches(method: method, path: path, isWatch: isWatch) })
        else { return nil }
        let fault = faults[index]
        faults[index].remaining -= 1
        if faults[index].remaining <= 0 { faults.remove(at: index) }
        return fault
    }

    /// Resumes waiters whose generation has been reached.
    mutating func resumeWaiters() {
        let ready = waiters.filter { $0.generation <= generation }
        waiters.removeAll { $0.generation <= generation }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// Fails every waiter.
    mutating func failWaiters(_ error: any Error) {
        let all = waiters
        waiters.removeAll()
        for waiter in all { waiter.continuation.resume(throwing: error) }
    }
}

/// One injected failure.
struct Fault: Sendable {
    /// Requests still to fail.
    var remaining: Int
    /// HTTP status and Status code.
    var status: Int
    /// Status reason; empty picks kube's reason for the status.
    var reason: String
    /// Which requests it hits.
    var matcher: RequestMatcher

    /// The Status error this fault answers with.
    var error: APIError {
        APIError(
            code: status, reason: reason.isEmpty ? Self.reason(for: status) : reason,
            message: "injected fault: KubeTestServer failed this request with \(status)", details: nil)
    }

    /// kube's reason for a status code (`k8s.io/apimachinery/pkg/api/errors.NewGenericServerResponse`).
    static func reason(for status: Int) -> String {
        switch status {
        case 400: "BadRequest"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 409: "Conflict"
        case 410: "Expired"
        case 422: "Invalid"
        case 429: "TooManyRequests"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        case 504: "Timeout"
        default: "Unknown"
        }
    }
}
