import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The production ``KubeTransport``: AsyncHTTPClient with the TLS settings of a ``KubeConfig``.
///
/// Owns one `HTTPClient` (HTTP/1.1 or HTTP/2 by ALPN, no redirects, no decompression). Connection establishment is
/// not retried inside AsyncHTTPClient, so a refused connection or failed TLS handshake surfaces at once and
/// ``KubeClient``'s own retry policy decides what happens.
public final class HTTPKubeTransport: KubeTransport {
    private let client: HTTPClient

    /// Creates a transport for a cluster.
    ///
    /// - Parameters:
    ///   - config: the cluster settings; only the TLS fields are used here.
    ///   - connectTimeout: the limit for opening a connection (TCP and TLS). Default: 10 s.
    ///   - maximumConnectionsPerHost: HTTP/1.1 connections kept per host; each open watch holds one. Default: 64.
    /// - Throws: ``KubeAPIError/Code/config`` when a certificate or key is not valid PEM.
    public init(config: KubeConfig, connectTimeout: Duration = .seconds(10), maximumConnectionsPerHost: Int = 64)
        throws(KubeAPIError)
    {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = config.certificateAuthorityPEM {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            } catch {
                throw .config("\(config.source): certificate authority: not a valid PEM certificate", cause: error)
            }
        }
        if config.insecureSkipTLSVerify {
            tls.certificateVerification = .none
        } else if config.tlsServerName != nil {
            tls.certificateVerification = .noHostnameVerification
        }
        if let cert = config.clientCertificatePEM, let key = config.clientKeyPEM {
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(cert).map { .certificate($0) }
            } catch {
                throw .config("\(config.source): client certificate: not a valid PEM certificate", cause: error)
            }
            do {
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            } catch {
                throw .config("\(config.source): client key: not a valid PEM private key", cause: error)
            }
        }
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = maximumConnectionsPerHost
        pool.retryConnectionEstablishment = false
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(connectTimeout)), connectionPool: pool, decompression: .disabled)
        configuration.httpVersion = .automatic
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// See ``KubeTransport/send(_:timeout:maximumBodyBytes:)``.
    public func send(_ request: KubeRequest, timeout: Duration, maximumBodyBytes: Int) async throws -> KubeResponse {
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let client = self.client
        let prepared = makeRequest(request)
        do {
            // AsyncHTTPClient's deadline ends at the response head; the race also bounds reading the body.
            return try await withRealTimeout(timeout, context: request.summary) {
                let response = try await client.execute(prepared, deadline: deadline)
                let body = try await response.body.collect(upTo: maximumBodyBytes)
                return KubeResponse(
                    status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                    body: Array(buffer: body))
            }
        } catch {
            throw Self.map(error, request: request, timeout: timeout, limit: maximumBodyBytes)
        }
    }

    /// See ``KubeTransport/stream(_:timeout:)``.
    public func stream(_ request: KubeRequest, timeout: Duration) async throws -> KubeStreamingResponse {
        do {
            let response = try await client.execute(makeRequest(request), timeout: TimeAmount(timeout))
            let summary = request.summary
            return KubeStreamingResponse(
                status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                body: KubeByteStream(ChunkStream(base: response.body, context: summary)))
        } catch {
            throw Self.map(error, request: request, timeout: timeout, limit: 0)
        }
    }

    /// Shuts the HTTP client down.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    private func makeRequest(_ request: KubeRequest) -> HTTPClientRequest {
        var out = HTTPClientRequest(url: request.url)
        out.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { out.headers.add(name: header.name, value: header.value) }
        if let body = request.body { out.body = .bytes(ByteBuffer(bytes: body)) }
        return out
    }

    /// Turns an AsyncHTTPClient, NIO or TLS error into a ``KubeAPIError`` naming the request.
    static func map(_ error: any Error, request: KubeRequest, timeout: Duration, limit: Int) -> KubeAPIError {
        map(error, context: request.summary, timeout: timeout, limit: limit)
    }

    static func map(_ error: any Error, context: String, timeout: Duration = .zero, limit: Int = 0) -> KubeAPIError {
        if let error = error as? KubeAPIError { return error }
        if error is CancellationError { return .cancelled(context) }
        if error is NIOTooManyBytesError { return .tooLarge("\(context): response body", limit: limit) }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .tls(context, cause: error)
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout: return .timeout(context, after: timeout, cause: error)
            case .cancelled: return .cancelled(context)
            case .connectTimeout:
                var e = KubeAPIError.transport(context, cause: error)
                e.message = "\(context): connection timed out (is the server reachable?)"
                e.isConnectionRefused = true
                return e
            default: return .transport(context, cause: error)
            }
        }
        if error is NIOConnectionError {
            var e = KubeAPIError.transport(context, cause: error)
            e.isConnectionRefused = true
            return e
        }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            var e = KubeAPIError.transport(context, cause: error)
            e.isConnectionRefused = true
            return e
        }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED {
            var e = KubeAPIError.transport(context, cause: error)
            e.isConnectionRefused = true
            return e
        }
        return .transport(context, cause: error)
    }
}

/// Turns body buffers into byte arrays and errors thrown while streaming into ``KubeAPIError``.
private struct ChunkStream<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element == ByteBuffer {
    typealias Element = [UInt8]
    let base: Base
    let context: String

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), context: context) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let context: String
        mutating func next() async throws -> [UInt8]? {
            do {
                return try await base.next().map { Array(buffer: $0) }
            } catch {
                throw HTTPKubeTransport.map(error, context: context)
            }
        }
    }
}
