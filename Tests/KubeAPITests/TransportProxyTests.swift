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
                        of: "    server: ",
                        with: "    proxy-url: http://alice:s%40cret@127.0.0.1:\(proxy.port)\n    server: ")
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

    @Test func testProxy_socks5() async throws {
        try await KubeTestServer.withServer(configuration: .init(tls: .serverOnly)) { server in
            try await ConnectProxy.withProxy { proxy in
                var config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
                config.proxyURL = "socks5://127.0.0.1:\(proxy.port)"
                try await withKubeClient(config: config) { client in
                    _ = try await client.list(.configMap, namespace: "default")
                }
                #expect(proxy.targets.first == "socks5 127.0.0.1:\(server.port)")
            }
        }
    }
}

/// A minimal proxy on 127.0.0.1 speaking HTTP `CONNECT` and SOCKS5 (told apart by the first byte): it records
/// each tunnel's target (and `Proxy-Authorization` for `CONNECT`), then relays bytes both ways. Anything else is
/// dropped.
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

    /// Reads a connection's bytes on demand.
    private struct Reader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var bytes: [UInt8] = []

        /// Reads until at least `count` bytes are buffered; false at end of stream.
        mutating func need(_ count: Int) async throws -> Bool {
            while bytes.count < count {
                guard let chunk = try await iterator.next() else { return false }
                bytes.append(contentsOf: chunk.readableBytesView)
            }
            return true
        }

        /// Removes and returns the first `count` buffered bytes.
        mutating func take(_ count: Int) -> [UInt8] {
            defer { bytes.removeFirst(count) }
            return Array(bytes.prefix(count))
        }
    }

    private func serve(_ connection: Connection) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var reader = Reader(iterator: inbound.makeAsyncIterator())
            guard try await reader.need(1) else { return }
            let target: (host: String, port: Int)?
            if reader.bytes[0] == 5 {
                target = try await socksHandshake(&reader, outbound)
            } else {
                target = try await connectHandshake(&reader, outbound)
            }
            guard let target else { return }
            let upstream = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: target.host, port: target.port) { channel in
                    channel.eventLoop.makeCompletedFuture { try Connection(wrappingChannelSynchronously: channel) }
                }
            let early = reader.bytes
            var iterator = reader.iterator
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

    /// `CONNECT host:port HTTP/1.1` with headers: records the target and `Proxy-Authorization`, answers 200.
    private func connectHandshake(_ reader: inout Reader, _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>)
        async throws -> (host: String, port: Int)?
    {
        let terminator = Array("\r\n\r\n".utf8)
        var end = Self.find(terminator, in: reader.bytes)
        while end == nil {
            guard reader.bytes.count < 64 * 1024, try await reader.need(reader.bytes.count + 1) else { return nil }
            end = Self.find(terminator, in: reader.bytes)
        }
        guard let end else { return nil }
        let head = reader.take(end + terminator.count)
        let lines = String(decoding: head[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count == 3, requestLine[0] == "CONNECT" else { return nil }
        let target = String(requestLine[1])
        let authorization = lines.dropFirst().first { $0.lowercased().hasPrefix("proxy-authorization:") }
            .map { String($0.dropFirst("proxy-authorization:".count)).trimmingCharacters(in: .whitespaces) }
        record.withLock {
            $0.targets.append(target)
            $0.authorizations.append(authorization)
        }
        guard let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]) else {
            return nil
        }
        try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 Connection established\r\n\r\n"))
        return (String(target[..<colon]), port)
    }

    /// SOCKS5 (RFC 1928) without authentication, CONNECT only: records the target, answers success.
    private func socksHandshake(_ reader: inout Reader, _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>)
        async throws -> (host: String, port: Int)?
    {
        guard try await reader.need(2) else { return nil }
        let methods = Int(reader.bytes[1])
        guard try await reader.need(2 + methods) else { return nil }
        let offered = reader.take(2 + methods).dropFirst(2)
        guard offered.contains(0) else { return nil }
        try await outbound.write(ByteBuffer(bytes: [5, 0]))
        guard try await reader.need(5) else { return nil }
        let command = reader.bytes[1]
        let host: String
        let addressLength: Int
        switch reader.bytes[3] {
        case 1: addressLength = 4
        case 3: addressLength = 1 + Int(reader.bytes[4])
        case 4: addressLength = 16
        default: return nil
        }
        guard command == 1, try await reader.need(4 + addressLength + 2) else { return nil }
        let request = reader.take(4 + addressLength + 2)
        let address = request[4..<(4 + addressLength)]
        switch request[3] {
        case 1: host = address.map(String.init).joined(separator: ".")
        case 3: host = String(decoding: address.dropFirst(), as: UTF8.self)
        default: return nil
        }
        let port = Int(request[4 + addressLength]) << 8 | Int(request[5 + addressLength])
        record.withLock {
            $0.targets.append("socks5 \(host):\(port)")
            $0.authorizations.append(nil)
        }
        try await outbound.write(ByteBuffer(bytes: [5, 0, 0, 1, 0, 0, 0, 0, 0, 0]))
        return (host, port)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
