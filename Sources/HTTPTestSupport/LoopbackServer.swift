public import Hummingbird
public import NIOSSL
import HummingbirdCore
import HummingbirdTLS
import Logging
import ServiceLifecycle

/// Runs `body` while `router` is served on 127.0.0.1 at a free port, then shuts the server down gracefully, also
/// when `body` throws (the test-server pattern of STYLE.md §5, kept once for every test target).
///
/// - Parameters:
///   - router: the routes to serve.
///   - tls: serve HTTPS with this configuration; plain HTTP when `nil`. Default: `nil`.
///   - beforeShutdown: runs after `body`, before the graceful shutdown (e.g. to let hanging handlers return).
///   - body: the test, given the base URL `http://127.0.0.1:PORT` (`https` with `tls`).
/// - Returns: what `body` returns.
public func withLoopbackServer<T: Sendable>(
    _ router: Router<BasicRequestContext>,
    tls: TLSConfiguration? = nil,
    beforeShutdown: @Sendable () async -> Void = {},
    _ body: @Sendable (String) async throws -> T
) async throws -> T {
    let quiet = Logger(label: "loopback-server", factory: { _ in SwiftLogNoOpLogHandler() })
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router,
        server: try tls.map { try HTTPServerBuilder.tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
        logger: quiet
    )
    let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: quiet))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        let result: Result<T, any Error>
        do {
            result = .success(try await body("\(tls == nil ? "http" : "https")://127.0.0.1:\(port)"))
        } catch {
            result = .failure(error)
        }
        await beforeShutdown()
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return try result.get()
    }
}
