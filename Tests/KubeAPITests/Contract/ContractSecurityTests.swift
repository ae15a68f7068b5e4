import Foundation
import KubeAPI
import KubeTestServer
import Testing

/// TLS, client certificates, bearer tokens and unreachable servers; these need KubeTestServer's controls.
@Suite(
    .enabled(if: ContractBackend.usesTestServer, "needs KubeTestServer's TLS and token settings"),
    .timeLimit(.minutes(1)))
struct ContractSecurityTests {
    @Test func testTLS_serverCertificateTrustedThroughKubeconfigCA() async throws {
        try await KubeTestServer.withServer(configuration: .init(tls: .serverOnly)) { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            #expect(config.server.hasPrefix("https://"))
            #expect(config.certificateAuthorityPEM != nil)
            try await withKubeClient(config: config) { client in
                let groups = try await client.serverGroups()
                #expect(groups.first?.name == "")
            }
        }
    }

    @Test func testTLS_untrustedCAIsAClearTLSError() async throws {
        try await KubeTestServer.withServer(configuration: .init(tls: .serverOnly)) { server in
            try await KubeTestServer.withServer(configuration: .init(tls: .serverOnly)) { other in
                var config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
                config.certificateAuthorityPEM = Array((other.caCertificatePEM ?? "").utf8)
                try await withKubeClient(config: config) { client in
                    do {
                        _ = try await client.serverGroups()
                        Issue.record("a server signed by another CA was trusted")
                    } catch let error as KubeAPIError {
                        #expect(error.code == .tls)
                        #expect(error.message.contains(server.baseURL))
                        #expect(!error.description.contains("\n"))
                    }
                }
            }
        }
    }

    @Test func testTLS_garbageCAIsAConfigError() {
        let config = KubeConfig(server: "https://127.0.0.1:1", certificateAuthorityPEM: Array("not a pem".utf8))
        #expect(throws: KubeAPIError(code: .config, message: "")) { _ = try KubeClient(config: config) }
    }

    @Test func testMutualTLS_clientCertificateRequired() async throws {
        try await KubeTestServer.withServer(configuration: .init(tls: .mutual)) { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            #expect(config.clientCertificatePEM != nil)
            try await withKubeClient(config: config) { client in
                let groups = try await client.serverGroups()
                #expect(!groups.isEmpty)
            }
            var anonymous = config
            anonymous.clientCertificatePEM = nil
            anonymous.clientKeyPEM = nil
            try await withKubeClient(config: anonymous) { client in
                do {
                    _ = try await client.serverGroups()
                    Issue.record("a client without a certificate was accepted")
                } catch let error as KubeAPIError {
                    #expect([KubeAPIError.Code.tls, .transport, .unauthorized].contains(error.code))
                }
            }
        }
    }

    @Test func testBearerToken_acceptedAndWrongTokenUnauthorized() async throws {
        try await KubeTestServer.withServer(configuration: .init(bearerToken: "s3cret")) { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            try await withKubeClient(config: config) { client in
                _ = try await client.list(.configMap, namespace: "default")
            }
            var wrong = config
            wrong.token = "wrong"
            wrong.tokenFile = nil
            try await withKubeClient(config: wrong) { client in
                do {
                    _ = try await client.list(.configMap, namespace: "default")
                    Issue.record("a wrong token was accepted")
                } catch let error as KubeAPIError {
                    #expect(error.code == .unauthorized)
                    #expect(error.statusCode == 401)
                }
            }
        }
    }

    @Test func testBearerToken_rotatedTokenFileIsPickedUp() async throws {
        try await KubeTestServer.withServer(configuration: .init(bearerToken: "rotated")) { server in
            let dir = try makeTemporaryDirectory("token")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try writeFile("\(dir)/token", "stale")
            var config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            config.token = nil
            config.tokenFile = "\(dir)/token"
            let clock = TestClock()
            let configuration = KubeClient.Configuration(retryPolicy: .never, clock: clock)
            try await withKubeClient(config: config, configuration: configuration) { client in
                await #expect(throws: KubeAPIError(code: .unauthorized, message: "")) {
                    _ = try await client.serverGroups()
                }
                try writeFile("\(dir)/token", "rotated\n")
                clock.advance(by: .seconds(61))
                #expect(try await client.serverGroups().isEmpty == false)
            }
        }
    }

    @Test func testUnreachableServer_failsFastWithTheURL() async throws {
        let config = KubeConfig(server: "http://127.0.0.1:1")
        let configuration = KubeClient.Configuration(
            timeout: .seconds(5), connectTimeout: .seconds(2), retryPolicy: .never)
        try await withKubeClient(config: config, configuration: configuration) { client in
            do {
                _ = try await client.serverGroups()
                Issue.record("connected to a closed port")
            } catch let error as KubeAPIError {
                #expect(error.code == .transport)
                #expect(error.message.contains("http://127.0.0.1:1/api"))
            }
        }
    }
}
