/// The seam between ``KubeClient`` and the network: send one HTTP request and return the response, whole or
/// streamed.
///
/// ``HTTPKubeTransport`` (AsyncHTTPClient) is the production implementation; tests may supply one that serves
/// canned responses. A transport does no retries, rate limiting or authentication headers: the client adds those.
public protocol KubeTransport: Sendable {
    /// Sends a request and collects the whole response body.
    ///
    /// - Parameters:
    ///   - request: the request, with an absolute URL.
    ///   - timeout: the limit for the whole exchange, body included.
    ///   - maximumBodyBytes: the cap on the response body.
    /// - Returns: the status, headers and body, for any HTTP status.
    /// - Throws: ``KubeAPIError`` with code `timeout`, `transport`, `tls`, `responseTooLarge` or `cancelled`.
    func send(_ request: KubeRequest, timeout: Duration, maximumBodyBytes: Int) async throws -> KubeResponse

    /// Sends a request and returns as soon as the response head arrives; the body streams.
    ///
    /// Used for watches, whose body never ends on its own. Dropping or cancelling the body's iteration closes the
    /// connection.
    ///
    /// - Parameters:
    ///   - request: the request, with an absolute URL.
    ///   - timeout: the limit for receiving the response head.
    /// - Throws: as ``send(_:timeout:maximumBodyBytes:)``.
    func stream(_ request: KubeRequest, timeout: Duration) async throws -> KubeStreamingResponse

    /// Releases connections and threads. Call once, when no request is running.
    func shutdown() async throws
}

/// An HTTP request for a ``KubeTransport``.
public struct KubeRequest: Sendable {
    /// The method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    public var method: String
    /// The absolute URL, query included.
    public var url: String
    /// Header fields, in order.
    public var headers: [(name: String, value: String)]
    /// The body, if any.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// `METHOD URL`, for messages.
    public var summary: String { "\(method) \(url)" }
}

/// A complete HTTP response.
public struct KubeResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields, in order.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
}

/// A response whose body arrives as a stream of chunks.
public struct KubeStreamingResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields, in order.
    public var headers: [(name: String, value: String)]
    /// The body chunks, in arrival order; chunk boundaries carry no meaning.
    public var body: KubeByteStream

    /// Creates a streaming response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: KubeByteStream) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
