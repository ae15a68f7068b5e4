import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// The production ``KubeTransport``: AsyncHTTPClient with the TLS, proxy and credential-plugin settings of a
/// ``KubeConfig``.
///
/// Owns one `HTTPClient` (HTTP/1.1 or HTTP/2 by ALPN, no redirects, no decompression). Connection establishment is
/// not retried inside AsyncHTTPClient, so a refused connection or failed TLS handshake surfaces at once and
/// ``KubeClient``'s own retry policy decides what happens.
///
/// Beyond plain TLS it applies:
/// - `tls-server-name` (``KubeConfig/tlsServerName``): sent as SNI and checked against the server certificate;
/// - `proxy-url` (``KubeConfig/proxyURL``): an HTTP `CONNECT` proxy (with basic auth from the URL) or SOCKS5;
/// - exec credential plugins (``KubeConfig/execPlugin``): a request without an `Authorization` header gets the
///   plugin's token (or its client certificate on the TLS connection). The credential is cached until it
///   expires; when the server answers 401, the plugin runs again and the request is sent once more with the new
///   credential (a 401 means the server did not act on the request).
public final class HTTPKubeTransport: KubeTransport {
    private let client: HTTPClient
    let tls: TLSConfiguration
    let serverName: ServerNameOverride?
    let exec: ExecCredentialProvider?
    let execLabel: String
    let hasStaticClientCertificate: Bool
    let execTLS = Mutex<(generation: Int, tls: TLSConfiguration)?>(nil)

    /// Creates a transport for a cluster; exec plugins log their standard error to a `fluxhelm.kubeapi` logger
    /// and their credentials expire on the continuous clock.
    ///
    /// - Parameters:
    ///   - config: the cluster settings; the TLS, proxy and exec-plugin fields are used here.
    ///   - connectTimeout: the limit for opening a connection (TCP and TLS). Default: 10 s.
    ///   - maximumConnectionsPerHost: HTTP/1.1 connections kept per host; each open watch holds one. Default: 64.
    /// - Throws: ``KubeAPIError/Code/config`` when a certificate or key is not valid PEM, or the proxy URL or
    ///   `tls-server-name` cannot be used.
    public convenience init(
        config: KubeConfig, connectTimeout: Duration = .seconds(10), maximumConnectionsPerHost: Int = 64
    ) throws(KubeAPIError) {
        try self.init(
            config: config, connectTimeout: connectTimeout, maximumConnectionsPerHost: maximumConnectionsPerHost,
            logger: Logger(label: "fluxhelm.kubeapi"), clock: ContinuousClock())
    }

    /// Creates a transport for a cluster, with the logger exec plugins' standard error goes to and the clock their
    /// credentials expire on.
    ///
    /// - Parameters:
    ///   - config: the cluster settings; the TLS, proxy and exec-plugin fields are used here.
    ///   - connectTimeout: the limit for opening a connection (TCP and TLS). Default: 10 s.
    ///   - maximumConnectionsPerHost: HTTP/1.1 connections kept per host; each open watch holds one. Default: 64.
    ///   - logger: where exec plugins' standard error is logged (notice level), line by line.
    ///   - clock: the clock credential expiry is measured on; the wall time is the time of this call plus the
    ///     clock's elapsed time, so a test clock moves it. Default: `ContinuousClock`.
    /// - Throws: as ``init(config:connectTimeout:maximumConnectionsPerHost:)``.
    public init(
        config: KubeConfig, connectTimeout: Duration = .seconds(10), maximumConnectionsPerHost: Int = 64,
        logger: Logger, clock: any Clock<Duration> = ContinuousClock()
    ) throws(KubeAPIError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = config.certificateAuthorityPEM {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            } catch {
                throw .config("\(config.source): certificate authority: not a valid PEM certificate", cause: error)
            }
        }
        if config.insecureSkipTLSVerify { tls.certificateVerification = .none }
        if let cert = config.clientCertificatePEM, let key = config.clientKeyPEM {
            try Self.setIdentity(&tls, certificate: cert, key: key, what: "\(config.source): client")
        }
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = maximumConnectionsPerHost
        pool.retryConnectionEstablishment = false
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(connectTimeout)), connectionPool: pool, decompression: .disabled)
        configuration.httpVersion = .automatic
        if let name = config.tlsServerName, !name.isEmpty {
            serverName = try ServerNameOverride(server: config.server, serverName: name, source: config.source)
            configuration.dnsOverride = serverName?.dnsOverride ?? [:]
        } else {
            serverName = nil
        }
        if let proxy = config.proxyURL, !proxy.isEmpty {
            do {
                configuration.proxy = Self.proxy(try ProxyURL(parsing: proxy))
            } catch {
                throw .config("\(config.source): proxy-url \(error.message)", cause: error)
            }
        }
        if let plugin = config.execPlugin {
            let runner = ExecPluginRunner(logger: logger)
            let box = ClockBox(clock)
            let origin = Date()
            exec = ExecCredentialProvider(
                plugin: plugin, cluster: ExecClusterInfo(config),
                now: { origin.addingTimeInterval(Self.seconds(box.elapsed())) },
                run: { plugin, cluster throws(KubeAPIError) in try await runner.run(plugin, cluster: cluster) })
            execLabel = plugin.label
        } else {
            exec = nil
            execLabel = ""
        }
        hasStaticClientCertificate = config.clientCertificatePEM != nil
        self.tls = tls
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// See ``KubeTransport/send(_:timeout:maximumBodyBytes:)``.
    public func send(_ request: KubeRequest, timeout: Duration, maximumBodyBytes: Int) async throws -> KubeResponse {
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let client = self.client
        do {
            // AsyncHTTPClient's deadline ends at the response head; the race also bounds reading the body and
            // running a credential plugin.
            return try await withRealTimeout(timeout, context: request.summary) {
                var (prepared, generation) = try await self.prepare(request)
                var response = try await client.execute(prepared, deadline: deadline)
                if response.status == .unauthorized, let generation, let exec = self.exec {
                    await exec.invalidate(generation: generation)
                    (prepared, _) = try await self.prepare(request)
                    response = try await client.execute(prepared, deadline: deadline)
                }
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
            var (prepared, generation) = try await prepare(request)
            var response = try await client.execute(prepared, timeout: TimeAmount(timeout))
            if response.status == .unauthorized, let generation, let exec {
                await exec.invalidate(generation: generation)
                (prepared, _) = try await prepare(request)
                response = try await client.execute(prepared, timeout: TimeAmount(timeout))
            }
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
