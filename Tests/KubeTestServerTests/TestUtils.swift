import AsyncHTTPClient
import Foundation
import KubeTestServer
import NIOCore
import NIOHTTP1
import NIOSSL

/// A decoded HTTP response.
struct HTTPResult {
    var status: Int
    var text: String
    var headers: HTTPHeaders

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// A string at a dotted path in the body.
    func string(_ path: String) -> String? { value(path) as? String }

    /// An integer at a dotted path in the body.
    func int(_ path: String) -> Int? { (value(path) as? NSNumber)?.intValue }

    /// The value at a dotted path (`metadata.name`, `items`).
    func value(_ path: String) -> Any? { lookup(json, path) }

    /// Item count of a list body.
    var items: [[String: Any]] { (json["items"] as? [[String: Any]]) ?? [] }
}

/// Walks a dotted path through decoded JSON.
func lookup(_ root: Any?, _ path: String) -> Any? {
    var current = root
    for key in path.split(separator: ".") {
        current = (current as? [String: Any])?[String(key)]
    }
    return current
}

/// Names of the items of a list body.
func names(_ items: [[String: Any]]) -> [String] {
    items.compactMap { lookup($0, "metadata.name") as? String }
}

/// A small raw-HTTP client for one server.
struct TestClient: Sendable {
    let http: HTTPClient
    let baseURL: String
    var token: String?
    /// False sends `Connection: close`, so no idle pooled connection can outlive a server restart (a client that
    /// reuses one after ``KubeTestServer/restart()`` sees the connection closed, as after an apiserver restart).
    var keepAlive = true

    /// Sends one request and collects the whole body.
    func request(
        _ method: HTTPMethod, _ path: String, body: String? = nil, contentType: String = "application/json",
        headers extra: [(String, String)] = []
    ) async throws -> HTTPResult {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if !keepAlive { request.headers.add(name: "Connection", value: "close") }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await http.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return HTTPResult(status: Int(response.status.code), text: String(buffer: buffer), headers: response.headers)
    }

    func get(_ path: String) async throws -> HTTPResult { try await request(.GET, path) }
    func post(_ path: String, _ body: String) async throws -> HTTPResult { try await request(.POST, path, body: body) }
    func put(_ path: String, _ body: String) async throws -> HTTPResult { try await request(.PUT, path, body: body) }
    func delete(_ path: String, _ body: String? = nil) async throws -> HTTPResult {
        try await request(.DELETE, path, body: body)
    }
    func patch(_ path: String, _ body: String, type: String) async throws -> HTTPResult {
        try await request(.PATCH, path, body: body, contentType: type)
    }

    /// Opens a watch and returns a reader of its event lines.
    func watch(_ path: String) async throws -> WatchReader {
        var request = HTTPClientRequest(url: baseURL + path)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if !keepAlive { request.headers.add(name: "Connection", value: "close") }
        let response = try await http.execute(request, timeout: .seconds(60))
        return WatchReader(status: Int(response.status.code), iterator: response.body.makeAsyncIterator())
    }
}

/// Reads newline-delimited watch events.
struct WatchReader {
    let status: Int
    var iterator: HTTPClientResponse.Body.AsyncIterator
    var pending: [UInt8] = []

    /// The next event as (type, object); nil at end of stream.
    mutating func next() async throws -> (type: String, object: [String: Any])? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeFirst(newline + 1)
                let json = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
                return (json["type"] as? String ?? "", json["object"] as? [String: Any] ?? [:])
            }
            guard let buffer = try await iterator.next() else { return nil }
            pending += Array(buffer.readableBytesView)
        }
    }

    /// The next `count` events.
    mutating func next(_ count: Int) async throws -> [(type: String, object: [String: Any])] {
        var events: [(type: String, object: [String: Any])] = []
        for _ in 0..<count {
            guard let event = try await next() else { break }
            events.append(event)
        }
        return events
    }
}

/// Runs `body` against a fresh server and a client for it.
func withTestServer(
    _ configuration: KubeTestServer.Configuration = .init(),
    tls: TLSConfiguration? = nil,
    _ body: (KubeTestServer, TestClient) async throws -> Void
) async throws {
    try await KubeTestServer.withServer(configuration: configuration) { server in
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.tlsConfiguration = tls
        if tls == nil, let ca = server.caCertificatePEM {
            var defaultTLS = TLSConfiguration.makeClientConfiguration()
            defaultTLS.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(ca.utf8), format: .pem)])
            clientConfiguration.tlsConfiguration = defaultTLS
        }
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let client = TestClient(http: http, baseURL: server.baseURL, token: configuration.bearerToken)
        do {
            try await body(server, client)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }
}

/// A ConfigMap body.
func configMap(
    _ name: String, namespace: String? = nil, data: [String: String] = [:], labels: [String: String] = [:],
    extraMetadata: String = ""
) -> String {
    func object(_ values: [String: String]) -> String {
        "{" + values.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}"
    }
    var metadata = "\"name\":\"\(name)\""
    if let namespace { metadata += ",\"namespace\":\"\(namespace)\"" }
    if !labels.isEmpty { metadata += ",\"labels\":\(object(labels))" }
    if !extraMetadata.isEmpty { metadata += "," + extraMetadata }
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\(metadata)},\"data\":\(object(data))}"
}

/// A namespace body.
func namespaceBody(_ name: String) -> String {
    "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"\(name)\"}}"
}
