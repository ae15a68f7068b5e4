import Foundation
import Logging

/// One API call before it is sent: what to do, and a phrase naming it for messages (`get ConfigMap ns/x`).
struct APICall: Sendable {
    var method: String
    var path: String
    var query: [(String, String)] = []
    var body: [UInt8]?
    var contentType: String?
    var action: String
}

extension KubeClient {
    /// Sends a call with rate limiting, authentication, retries and a deadline, and returns a 2xx response.
    ///
    /// The deadline (`timeout`, or ``Configuration/timeout``) covers every attempt, backoff and rate-limit wait; a
    /// retry is skipped when its backoff would pass the deadline.
    ///
    /// - Throws: ``KubeAPIError`` only: the server's Status for a non-2xx response, or a transport error.
    func perform(_ call: APICall, timeout: Duration?) async throws -> KubeResponse {
        let limit = timeout ?? configuration.timeout
        let deadline = clock.elapsed() + limit
        var retries = 0
        while true {
            let url = url(for: call)
            let context = "\(call.action): \(call.method) \(url)"
            let failure: KubeAPIError
            do {
                let request = try await prepare(call, url: url, context: context, deadline: deadline, limit: limit)
                let remaining = deadline - clock.elapsed()
                let response = try await transport.send(
                    request, timeout: remaining, maximumBodyBytes: configuration.maximumResponseBytes)
                if (200..<300).contains(response.status) { return response }
                failure = Self.statusError(response, context: context)
            } catch {
                let mapped = HTTPKubeTransport.map(error, context: context, timeout: limit)
                // Configuration faults and cancellation are final.
                if mapped.code == .config || mapped.code == .cancelled { throw mapped }
                failure = mapped
            }
            try await backOff(after: failure, method: call.method, retries: &retries, deadline: deadline)
        }
    }

    /// Like ``perform(_:timeout:)``, but returns once the response head arrives, for watches.
    func performStreaming(_ call: APICall, timeout: Duration?) async throws -> KubeStreamingResponse {
        let limit = timeout ?? configuration.timeout
        let deadline = clock.elapsed() + limit
        var retries = 0
        while true {
            let url = url(for: call)
            let context = "\(call.action): \(call.method) \(url)"
            let failure: KubeAPIError
            do {
                let request = try await prepare(call, url: url, context: context, deadline: deadline, limit: limit)
                let remaining = deadline - clock.elapsed()
                let response = try await transport.stream(request, timeout: remaining)
                if (200..<300).contains(response.status) { return response }
                var body: [UInt8] = []
                for try await chunk in response.body {
                    body.append(contentsOf: chunk)
                    if body.count > 1024 * 1024 { break }
                }
                failure = Self.statusError(
                    KubeResponse(status: response.status, headers: response.headers, body: body), context: context)
            } catch {
                let mapped = HTTPKubeTransport.map(error, context: context, timeout: limit)
                if mapped.code == .config || mapped.code == .cancelled { throw mapped }
                failure = mapped
            }
            try await backOff(after: failure, method: call.method, retries: &retries, deadline: deadline)
        }
    }

    /// Waits before the next attempt, or throws `error` when it may not be retried.
    private func backOff(after error: KubeAPIError, method: String, retries: inout Int, deadline: Duration)
        async throws
    {
        let policy = configuration.retryPolicy
        guard retries < policy.maximumRetries, policy.isRetryable(error, method: method) else { throw error }
        let delay = policy.delay(beforeRetry: retries, retryAfter: error.retryAfter)
        guard clock.elapsed() + delay < deadline else { throw error }
        configuration.logger.debug(
            "retrying Kubernetes API call",
            metadata: ["error": "\(error)", "retry": "\(retries + 1)", "delay": "\(delay)"])
        retries += 1
        do {
            try await clock.sleep(delay)
        } catch {
            throw KubeAPIError.cancelled(error.localizedDescription)
        }
    }

    /// Waits for the rate limiter and builds the request with its headers.
    private func prepare(_ call: APICall, url: String, context: String, deadline: Duration, limit: Duration)
        async throws -> KubeRequest
    {
        if Task.isCancelled { throw KubeAPIError.cancelled(context) }
        do {
            try await rateLimiter.acquire()
        } catch {
            throw KubeAPIError.cancelled(context)
        }
        if clock.elapsed() >= deadline { throw KubeAPIError.timeout(context, after: limit) }
        var headers: [(name: String, value: String)] = [
            ("Accept", "application/json"), ("User-Agent", configuration.userAgent),
        ]
        if let token = try tokenSource.token(), !token.isEmpty {
            headers.append(("Authorization", "Bearer \(token)"))
        } else if let user = config.username, let password = config.password {
            headers.append(("Authorization", "Basic \(Data("\(user):\(password)".utf8).base64EncodedString())"))
        }
        if call.body != nil { headers.append(("Content-Type", call.contentType ?? "application/json")) }
        return KubeRequest(method: call.method, url: url, headers: headers, body: call.body)
    }

    /// The error for a non-2xx response, from its Status body when it has one.
    static func statusError(_ response: KubeResponse, context: String) -> KubeAPIError {
        let status = try? JSONValue(parsing: response.body)
        let retryAfter = response.header("Retry-After").flatMap { Int($0.trimmingWhitespace()) }
        return KubeAPIError(
            status: status?.objectValue != nil ? status : nil, httpStatus: response.status, context: context,
            retryAfterHeader: retryAfter)
    }

    /// The absolute URL of a call, query encoded.
    func url(for call: APICall) -> String {
        guard !call.query.isEmpty else { return baseURL + call.path }
        let query = call.query.map { "\(Self.percentEncode($0.0))=\(Self.percentEncode($0.1))" }
        return baseURL + call.path + "?" + query.joined(separator: "&")
    }

    /// Percent-encodes everything outside RFC 3986's unreserved set, for query values and path segments.
    static func percentEncode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
