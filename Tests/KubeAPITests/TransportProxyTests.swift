import AsyncHTTPClient
import Foundation
import KubeTestServer
import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import KubeAPI

/// `proxy-url`: requests tunnel through an HTTP `CONNECT` proxy, with basic credentials from the URL.
@Suite(.timeLimit(.minutes(1)))
struct TransportProxyTests {
    @Test func testProxy_plainHTTPServerReachedThroughConnectTunnel() async throws {
        try await KubeTestServer.withServer { server in
            try await ConnectProxy.withProxy { proxy in
                var config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
                config.proxyURL = "http://127.0.0.1:\(proxy.port)"
                try await withKubeClient(config: config) { client in
                    _ = try await client.list(.configMap, namespace: "default")
                }
                #expect(proxy.targets.contains("127.0.0.1:\(server.port)"))
                #expect(proxy.targets.allSatisfy { $0 == "127.0.0.1:\(server.port)" })
                #expect(proxy.authorizations.allSatisfy { $0 == nil })
            }
        }
    }

    @Test func testProxy_tlsServerAndBasicCredentialsFromURL() async throws {
        try await KubeTestServer.withServer(configuration: .init(tls: .serverOnly)) { server in
            try await ConnectProxy.withProxy { proxy in
                let kubeconfig = try String(contentsOfFile: server.kubeconfigPath, encoding: .utf8)
                    .replacingOccurrences(
                        of: "    server: ", with: "    proxy-url: http://alice:s%40cret@127.0.0.1:\(proxy.port)\n    server: ")
                let config = try KubeConfig.parse(yaml: kubeconfig, path: server.kubeconfigPath)
                #expect(config.proxyURL == "http://alice:s%40cret@127.0.0.1:\(proxy.port)")
                try await withKubeClient(config: config) { client in
                    _ = try await client.serverGroups()
                }
                #expect(proxy.targets.first == "127.0.0.1:\(server.port)")
                let expected = "Basic " + Data("alice:s@cret".utf8).base64EncodedString()
                #expect(proxy.authorizations.first == expected)
            }
        }
    }

    @Test func testProxy_unreachableProxyIsATransportErrorNamingTheRequest() async throws {
        // Bind and close a port so nothing listens on it.
        let closed = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = closed.localAddress?.port ?? 1
        try await closed.close()
        var config = KubeConfig(server: "http://127.0.0.1:9")
        config.proxyURL = "http://127.0.0.1:\(port)"
        var configuration = KubeClient.Configuration(timeout: .seconds(10))
        configuration.retryPolicy = RetryPolicy(maximumRetries: 0)
        try await withKubeClient(config: config, configuration: configuration) { client in
            do {
                _ = try await client.serverGroups()
                Issue.record("a request through a closed proxy port succeeded")
            } catch let error as KubeAPIError {
                #expect(error.code == .transport)
                #expect(error.message.contains("http://127.0.0.1:9/api"), "got: \(error.message)")
            }
        }
    }

    @Test func testProxy_socks5URLAccepted() async throws {
        var config = KubeConfig(server: "https://h")
        config.proxyURL = "socks5://127.0.0.1:1080"
        let transport = try HTTPKubeTransport(config: config)
        #expect(HTTPKubeTransport.proxy(try ProxyURL(parsing: "socks5://127.0.0.1:1080")) == .socksServer(host: "127.0.0.1", port: 1080))
        try await transport.shutdown()
    }
}

/// A minimal HTTP `CONNECT` proxy on 127.0.0.1: it records each tunnel's target and `Proxy-Authorization`, then
/// relays bytes both ways. Anything but `CONNECT` is dropped.
final class ConnectProxy: Sendable {
    private struct Record {
        var targets: [String] = []
        var authorizations: [String?] = []
    }
    private let record = Mutex(Record())
    private let boundPort = Mutex(0)

    var port: Int { boundPort.withLock { $0 } }
    var targets: [String] { record.withLock { $0.targets } }
    var authorizations: [String?] { record.withLock { $0.authorizations } }

    private init() {}

    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    static func withProxy<T: Sendable>(_ body: (ConnectProxy) async throws -> T) async throws -> T {
        let proxy = ConnectProxy()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture { try Connection(wrappingChannelSynchronously: child) }
            }
        proxy.boundPort.withLock { $0 = listener.channel.localAddress?.port ?? 0 }
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask {
                try await listener.executeThenClose { inbound in
                    try await withThrowingDiscardingTaskGroup { connections in
                        for try await connection in inbound {
                            connections.addTask { try? await proxy.serve(connection) }
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            return try await body(proxy)
        }
    }

    private func serve(_ connection: Connection) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var head: [UInt8] = []
            let terminator = Array("\r\n\r\n".utf8)
            var end: Int?
            while end == nil {
                guard let chunk = try await iterator.next(), head.count < 64 * 1024 else { return }
                head.append(contentsOf: chunk.readableBytesView)
                end = Self.find(terminator, in: head)
            }
            guard let end else { return }
            let lines = String(decoding: head[..<end], as: UTF8.self).components(separatedBy: "\r\n")
            let requestLine = lines.first?.split(separator: " ") ?? []
            guard requestLine.count == 3, requestLine[0] == "CONNECT" else { return }
            let target = String(requestLine[1])
            let authorization = lines.dropFirst().first { $0.lowercased().hasPrefix("proxy-authorization:") }
                .map { String($0.dropFirst("proxy-authorization:".count)).trimmingCharacters(in: .whitespaces) }
            record.withLock {
                $0.targets.append(target)
                $0.authorizations.append(authorization)
            }
            guard let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]) else {
                return
            }
            let upstream = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: String(target[..<colon]), port: port) { channel in
                    channel.eventLoop.makeCompletedFuture { try Connection(wrappingChannelSynchronously: channel) }
                }
            try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 Connection established\r\n\r\n"))
            let early = Array(head[(end + terminator.count)...])
            try await upstream.executeThenClose { upstreamInbound, upstreamOutbound in
                if !early.isEmpty { try await upstreamOutbound.write(ByteBuffer(bytes: early)) }
                try await withThrowingTaskGroup(of: Void.self) { relay in
                    relay.addTask {
                        for try await chunk in upstreamInbound { try await outbound.write(chunk) }
                        outbound.finish()
                    }
                    while let chunk = try await iterator.next() { try await upstreamOutbound.write(chunk) }
                    relay.cancelAll()
                }
            }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
