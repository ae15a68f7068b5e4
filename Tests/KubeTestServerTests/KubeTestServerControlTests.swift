import AsyncHTTPClient
import Foundation
import KubeTestServer
import NIOCore
import NIOSSL
import Testing

/// Fault injection, restart, auth, TLS and the kubeconfig.
@Suite(.timeLimit(.minutes(1)))
struct KubeTestServerControlTests {
    private let path = "/api/v1/namespaces/default/configmaps"

    @Test func testFailNextRequests_failsMatchingRequestsThenRecovers() async throws {
        try await withTestServer { server, client in
            server.failNextRequests(2, status: 503)
            let first = try await client.get(path)
            #expect(first.status == 503)
            #expect(first.string("kind") == "Status")
            #expect(first.string("reason") == "ServiceUnavailable")
            #expect(first.int("code") == 503)
            #expect(try await client.get(path).status == 503)
            #expect(try await client.get(path).status == 200)

            server.failNextRequests(1, status: 429, matching: .method("POST"))
            #expect(try await client.get(path).status == 200)
            let throttled = try await client.post(path, configMap("a"))
            #expect(throttled.status == 429)
            #expect(throttled.string("reason") == "TooManyRequests")
            #expect(try await client.post(path, configMap("a")).status == 201)

            server.failNextRequests(1, status: 500, reason: "Custom", matching: .pathPrefix("/apis/apps"))
            #expect(try await client.get(path).status == 200)
            let custom = try await client.get("/apis/apps/v1/namespaces/default/deployments")
            #expect(custom.status == 500)
            #expect(custom.string("reason") == "Custom")
            #expect(server.requestCount == 8)
        }
    }

    @Test func testSetLatency_stillAnswers() async throws {
        try await withTestServer { server, client in
            server.setLatency(.milliseconds(1))
            let delayed = try await client.get(path)
            #expect(delayed.status == 200)
            server.setLatency(nil)
            let prompt = try await client.get(path)
            #expect(prompt.status == 200)
        }
    }

    @Test func testRestart_keepsDataAndPortAndEndsWatches() async throws {
        try await withTestServer { server, pooled in
            var client = pooled
            client.keepAlive = false
            let port = server.port
            _ = try await client.post(path, configMap("kept"))
            var watch = try await client.watch("\(path)?watch=true&resourceVersion=\(server.resourceVersion)")
            #expect(server.openWatchCount == 1)
            try await server.restart()
            #expect(try await watch.next() == nil)
            #expect(server.port == port)
            #expect(try await client.get("\(path)/kept").status == 200)
            try await server.restart()
            #expect(try await client.get("\(path)/kept").string("metadata.name") == "kept")
        }
    }

    @Test func testBearerToken_isRequired() async throws {
        try await withTestServer(.init(bearerToken: "s3cret")) { server, client in
            #expect(try await client.get(path).status == 200)
            var anonymous = client
            anonymous.token = nil
            let denied = try await anonymous.get(path)
            #expect(denied.status == 401)
            #expect(denied.string("reason") == "Unauthorized")
            #expect(denied.string("message") == "Unauthorized")
            #expect(try await anonymous.get("/version").status == 200)
            var wrong = client
            wrong.token = "nope"
            #expect(try await wrong.get("/version").status == 401)
            let kubeconfig = try String(contentsOfFile: server.kubeconfigPath, encoding: .utf8)
            #expect(kubeconfig.contains("token: \"s3cret\""))
            #expect(kubeconfig.contains("current-context: kubetestserver"))
            #expect(kubeconfig.contains("server: \(server.baseURL)"))
        }
    }

    @Test func testTLS_serverOnly() async throws {
        try await withTestServer(.init(tls: .serverOnly)) { server, client in
            #expect(server.baseURL.hasPrefix("https://127.0.0.1:"))
            let ca = try #require(server.caCertificatePEM)
            #expect(ca.hasPrefix("-----BEGIN CERTIFICATE-----"))
            #expect(server.clientCertificate() == nil)
            #expect(try await client.get("/version").status == 200)
            let kubeconfig = try String(contentsOfFile: server.kubeconfigPath, encoding: .utf8)
            #expect(kubeconfig.contains("certificate-authority-data: \(Data(ca.utf8).base64EncodedString())"))

            // A client that does not trust the generated CA is refused.
            let untrusting = HTTPClient(eventLoopGroupProvider: .singleton)
            await #expect(throws: (any Error).self) {
                _ = try await untrusting.execute(
                    HTTPClientRequest(url: server.baseURL + "/version"), timeout: .seconds(10))
            }
            try await untrusting.shutdown()
        }
    }

    @Test func testTLS_mutualRequiresClientCertificate() async throws {
        try await withTestServer(.init(tls: .mutual)) { server, client in
            let identity = try #require(server.clientCertificate())
            #expect(identity.keyPEM.contains("PRIVATE KEY"))
            // The helper client trusts the CA but has no certificate: the handshake fails.
            await #expect(throws: (any Error).self) { _ = try await client.get("/version") }

            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates([
                try NIOSSLCertificate(bytes: Array((server.caCertificatePEM ?? "").utf8), format: .pem)
            ])
            tls.certificateChain = [
                .certificate(try NIOSSLCertificate(bytes: Array(identity.certPEM.utf8), format: .pem))
            ]
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(identity.keyPEM.utf8), format: .pem))
            var configuration = HTTPClient.Configuration()
            configuration.tlsConfiguration = tls
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let authenticated = TestClient(http: http, baseURL: server.baseURL, token: nil)
            let result = try await authenticated.get("/api/v1/namespaces")
            #expect(result.status == 200)
            #expect(names(result.items).contains("default"))
            try await http.shutdown()
            let kubeconfig = try String(contentsOfFile: server.kubeconfigPath, encoding: .utf8)
            #expect(kubeconfig.contains("client-certificate-data: "))
            #expect(kubeconfig.contains("client-key-data: "))
        }
    }

    @Test func testWithServer_removesKubeconfigAfterwards() async throws {
        let path = try await KubeTestServer.withServer { server in
            #expect(FileManager.default.fileExists(atPath: server.kubeconfigPath))
            return server.kubeconfigPath
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
