import Foundation
import KubeTestServer
import Logging
import Testing

@testable import KubeAPI

/// Caching and refreshing exec credentials: expiry on an injected clock, one run for concurrent callers, and a
/// fresh run after a 401 from a real server.
@Suite(.timeLimit(.minutes(1)))
struct ExecCredentialProviderTests {
    typealias PluginDirectory = ExecCredentialTests.PluginDirectory
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A script printing `tokenN` for its Nth run, with the expiry in `$EXPIRY` (none when empty).
    static func countingScript(_ dir: borrowing PluginDirectory, apiVersion: String = ExecCredentialPlugin.v1)
        throws -> String
    {
        try dir.script(
            "counting",
            #"""
            n=$(wc -l < '\#(dir.path)/runs' | tr -d ' ')
            if [ -n "$EXPIRY" ]; then exp=",\"expirationTimestamp\":\"$EXPIRY\""; else exp=""; fi
            printf '{"apiVersion":"\#(apiVersion)","kind":"ExecCredential","status":{"token":"token%s"%s}}' "$n" "$exp"
            """#)
    }

    static func provider(_ plugin: ExecCredentialPlugin, clock: TestClock, origin: Date) -> ExecCredentialProvider {
        let box = ClockBox(clock)
        let runner = ExecPluginRunner(logger: quiet)
        return ExecCredentialProvider(
            plugin: plugin, cluster: nil, now: { origin.addingTimeInterval(HTTPKubeTransport.seconds(box.elapsed())) },
            run: { plugin, cluster throws(KubeAPIError) in try await runner.run(plugin, cluster: cluster) })
    }

    @Test func testCredential_cachedUntilExpiryThenRefreshed() async throws {
        let dir = try PluginDirectory()
        var plugin = ExecCredentialTests.plugin(try Self.countingScript(dir))
        let origin = Date(timeIntervalSince1970: 1_900_000_000)
        plugin.environment = [.init(name: "EXPIRY", value: "2030-03-17T17:56:40Z")]  // origin + 600 s
        let clock = TestClock()
        let provider = Self.provider(plugin, clock: clock, origin: origin)

        let first = try await provider.credential()
        #expect(first.credential.token == "token1")
        #expect(first.credential.expiration == origin.addingTimeInterval(600))
        clock.advance(by: .seconds(599))
        let cached = try await provider.credential()
        #expect(cached.credential.token == "token1")
        #expect(cached.generation == first.generation)
        #expect(dir.runs == 1)

        clock.advance(by: .seconds(1))
        let refreshed = try await provider.credential()
        #expect(refreshed.credential.token == "token2")
        #expect(refreshed.generation == first.generation + 1)
        #expect(dir.runs == 2)
    }

    @Test func testCredential_withoutExpiryKeptUntilInvalidated() async throws {
        let dir = try PluginDirectory()
        let provider = Self.provider(
            ExecCredentialTests.plugin(try Self.countingScript(dir)), clock: TestClock(), origin: Date())
        let first = try await provider.credential()
        #expect(try await provider.credential().credential.token == "token1")
        // A 401 for an older generation does not throw away a newer credential.
        await provider.invalidate(generation: first.generation - 1)
        #expect(try await provider.credential().credential.token == "token1")
        await provider.invalidate(generation: first.generation)
        #expect(try await provider.credential().credential.token == "token2")
        #expect(dir.runs == 2)
    }

    @Test func testCredential_concurrentCallersShareOneRun() async throws {
        let dir = try PluginDirectory()
        let provider = Self.provider(
            ExecCredentialTests.plugin(try Self.countingScript(dir)), clock: TestClock(), origin: Date())
        let tokens = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<8 { group.addTask { try await provider.credential().credential.token } }
            var tokens: [String?] = []
            for try await token in group { tokens.append(token) }
            return tokens
        }
        #expect(tokens == Array(repeating: "token1", count: 8))
        #expect(dir.runs == 1)
    }

    @Test func testCredential_failureIsNotCachedAndRetriedNextCall() async throws {
        let dir = try PluginDirectory()
        // Fails on the first run, succeeds afterwards.
        let command = try dir.script(
            "flaky",
            """
            if [ "$(wc -l < '\(dir.path)/runs' | tr -d ' ')" = 1 ]; then echo 'sts unavailable' >&2; exit 1; fi
            echo '\(ExecCredentialTests.tokenJSON("ok"))'
            """)
        let provider = Self.provider(ExecCredentialTests.plugin(command), clock: TestClock(), origin: Date())
        await #expect(throws: KubeAPIError(code: .config, message: "")) { _ = try await provider.credential() }
        #expect(try await provider.credential().credential.token == "ok")
        #expect(dir.runs == 2)
    }

    @Test func testClient_rejectedTokenRefreshedOnceOn401() async throws {
        let dir = try PluginDirectory()
        // The first run prints a stale token, later runs the one the server accepts.
        let command = try dir.script(
            "rotating",
            """
            if [ "$(wc -l < '\(dir.path)/runs' | tr -d ' ')" = 1 ]; then
              echo '\(ExecCredentialTests.tokenJSON("stale"))'
            else
              echo '\(ExecCredentialTests.tokenJSON("s3cret"))'
            fi
            """)
        try await KubeTestServer.withServer(configuration: .init(bearerToken: "s3cret")) { server in
            var config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            config.token = nil
            config.execPlugin = ExecCredentialTests.plugin(command)
            let transport = try HTTPKubeTransport(config: config, logger: Self.quiet)
            let client = KubeClient(config: config, transport: transport)
            do {
                let before = server.requestCount
                _ = try await client.list(.configMap, namespace: "default")
                #expect(dir.runs == 2)
                // Discovery and list: each of the first request's attempts reached the server, plus the retry.
                #expect(server.requestCount > before + 1)
                _ = try await client.list(.configMap, namespace: "default")
                #expect(dir.runs == 2)
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    @Test func testClient_kubeconfigExecEntryEndToEnd() async throws {
        let dir = try PluginDirectory()
        _ = try dir.script(
            "plugin.sh",
            #"echo "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"$1\"}}""#
        )
        try await KubeTestServer.withServer(configuration: .init(bearerToken: "s3cret")) { server in
            try writeFile(
                "\(dir.path)/config",
                """
                current-context: a
                contexts: [{name: a, context: {cluster: c, user: u}}]
                clusters: [{name: c, cluster: {server: "\(server.baseURL)"}}]
                users:
                - name: u
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: ./plugin.sh
                      args: [s3cret]
                      interactiveMode: Never
                """)
            let config = try KubeConfig.load(kubeconfigPath: "\(dir.path)/config")
            #expect(config.execPlugin?.command == "\(dir.path)/./plugin.sh")
            try await withKubeClient(config: config) { client in
                _ = try await client.list(.configMap, namespace: "default")
            }
            #expect(dir.runs == 1)
        }
    }

    @Test func testClient_persistentlyRejectedTokenIsUnauthorizedAfterOneRefresh() async throws {
        let dir = try PluginDirectory()
        let command = try dir.script("wrong", "echo '\(ExecCredentialTests.tokenJSON("wrong"))'")
        try await KubeTestServer.withServer(configuration: .init(bearerToken: "s3cret")) { server in
            var config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            config.token = nil
            config.execPlugin = ExecCredentialTests.plugin(command)
            let transport = try HTTPKubeTransport(config: config, logger: Self.quiet)
            let client = KubeClient(config: config, transport: transport)
            await #expect(throws: KubeAPIError(code: .unauthorized, message: "")) {
                _ = try await client.serverGroups()
            }
            #expect(dir.runs == 2)
            try await client.shutdown()
        }
    }

    @Test func testClient_staticTokenWinsOverPlugin() async throws {
        let dir = try PluginDirectory()
        let command = try dir.script("unused", "echo '\(ExecCredentialTests.tokenJSON("wrong"))'")
        try await KubeTestServer.withServer(configuration: .init(bearerToken: "s3cret")) { server in
            var config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            config.execPlugin = ExecCredentialTests.plugin(command)
            try await withKubeClient(config: config) { client in
                _ = try await client.serverGroups()
            }
            #expect(dir.runs == 0)
        }
    }

    @Test func testClient_pluginClientCertificateUsedForMutualTLS() async throws {
        let dir = try PluginDirectory()
        try await KubeTestServer.withServer(configuration: .init(tls: .mutual)) { server in
            let identity = try #require(server.clientCertificate())
            let credential: JSONValue = [
                "apiVersion": "client.authentication.k8s.io/v1", "kind": "ExecCredential",
                "status": [
                    "clientCertificateData": .string(identity.certPEM), "clientKeyData": .string(identity.keyPEM),
                ],
            ]
            try writeFile("\(dir.path)/credential.json", credential.serializedString())
            let command = try dir.script("cert", "cat '\(dir.path)/credential.json'")
            var config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            config.clientCertificatePEM = nil
            config.clientKeyPEM = nil
            config.execPlugin = ExecCredentialTests.plugin(command)
            let transport = try HTTPKubeTransport(config: config, logger: Self.quiet)
            let client = KubeClient(config: config, transport: transport)
            do {
                let groups = try await client.serverGroups()
                #expect(!groups.isEmpty)
                _ = try await client.list(.configMap, namespace: "default")
                #expect(dir.runs == 1)
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }
}
