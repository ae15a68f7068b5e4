import Foundation
import KubeTestServer
import Logging
import Synchronization
import Testing

@testable import KubeAPI

/// Exec credential plugins run for real: each test writes `sh` scripts into a temporary directory.
@Suite(.timeLimit(.minutes(1)))
struct ExecCredentialTests {
    /// A temporary directory holding plugin scripts; the scripts count their runs in `runs`.
    struct PluginDirectory: ~Copyable {
        let path: String

        init() throws { path = try makeTemporaryDirectory("exec-plugin") }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        /// Writes an executable `sh` script named `name` whose body appends a line to `runs`, then runs `body`.
        func script(_ name: String, _ body: String) throws -> String {
            let file = "\(path)/\(name)"
            try writeFile(file, "#!/bin/sh\necho run >> '\(path)/runs'\n\(body)\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
            return file
        }

        /// How many times a script ran.
        var runs: Int {
            let text = (try? String(contentsOfFile: "\(path)/runs", encoding: .utf8)) ?? ""
            return text.split(separator: "\n").count
        }
    }

    static func plugin(_ command: String, apiVersion: String = ExecCredentialPlugin.v1) -> ExecCredentialPlugin {
        ExecCredentialPlugin(
            command: command, apiVersion: apiVersion, installHint: "see https://example.test/install",
            userName: "dev", source: "kubeconfig /k/config: users[0].user.exec")
    }

    static func tokenJSON(_ token: String, apiVersion: String = ExecCredentialPlugin.v1, expiry: String? = nil)
        -> String
    {
        let expiration = expiry.map { #","expirationTimestamp":"\#($0)""# } ?? ""
        return #"{"apiVersion":"\#(apiVersion)","kind":"ExecCredential","status":{"token":"\#(token)"\#(expiration)}}"#
    }

    static let runner = ExecPluginRunner(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))

    /// Runs a plugin and returns the error it fails with.
    static func failure(_ plugin: ExecCredentialPlugin) async -> KubeAPIError? {
        do {
            _ = try await runner.run(plugin, cluster: nil)
            return nil
        } catch {
            return error
        }
    }

    @Test func testRun_tokenAndExpiryParsed() async throws {
        let dir = try PluginDirectory()
        let command = try dir.script(
            "token", "echo '\(Self.tokenJSON("abc", expiry: "2030-01-02T03:04:05Z"))'")
        let credential = try await Self.runner.run(Self.plugin(command), cluster: nil)
        #expect(credential.token == "abc")
        #expect(credential.clientCertificatePEM == nil)
        #expect(credential.expiration == Date(timeIntervalSince1970: 1_893_553_445))
        #expect(dir.runs == 1)
    }

    @Test func testRun_argumentsEnvironmentAndExecInfoPassed() async throws {
        let dir = try PluginDirectory()
        // The script prints its arguments, an env variable and KUBERNETES_EXEC_INFO inside the token.
        let command = try dir.script(
            "echo-env",
            #"""
            info=$(printf '%s' "$KUBERNETES_EXEC_INFO" | base64 | tr -d '\n')
            printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s|%s|%s"}}' "$*" "$PLUGIN_MODE" "$info"
            """#)
        var plugin = Self.plugin(command, apiVersion: ExecCredentialPlugin.v1beta1)
        plugin.arguments = ["get-token", "--cluster", "prod cluster"]
        plugin.environment = [.init(name: "PLUGIN_MODE", value: "first"), .init(name: "PLUGIN_MODE", value: "last")]
        plugin.provideClusterInfo = true
        plugin.clusterConfig = ["audience": "sts"]
        var config = KubeConfig(server: "https://10.0.0.1:6443", certificateAuthorityPEM: Array("CA".utf8))
        config.tlsServerName = "kube.internal"
        config.proxyURL = "http://proxy:3128"
        let credential = try await Self.runner.run(plugin, cluster: ExecClusterInfo(config))
        let parts = try #require(credential.token?.split(separator: "|", omittingEmptySubsequences: false))
        try #require(parts.count == 3)
        #expect(parts[0] == "get-token --cluster prod cluster")
        #expect(parts[1] == "last")
        let info = try JSONValue(parsing: [UInt8](try #require(Data(base64Encoded: String(parts[2])))))
        let expected: JSONValue = [
            "apiVersion": "client.authentication.k8s.io/v1beta1", "kind": "ExecCredential",
            "spec": [
                "interactive": false,
                "cluster": [
                    "server": "https://10.0.0.1:6443", "tls-server-name": "kube.internal",
                    "certificate-authority-data": .string(Data("CA".utf8).base64EncodedString()),
                    "proxy-url": "http://proxy:3128", "config": ["audience": "sts"],
                ],
            ],
        ]
        #expect(info == expected)
    }

    @Test func testRun_withoutProvideClusterInfoOnlyInteractiveIsPassed() {
        let info = ExecClusterInfo.execInfo(
            plugin: Self.plugin("x"), cluster: ExecClusterInfo(KubeConfig(server: "https://h")))
        #expect(
            info
                == #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false}}"#
        )
    }

    @Test func testRun_badJSONNamesUserAndCommand() async throws {
        let dir = try PluginDirectory()
        let command = try dir.script("bad", "echo 'token: abc'")
        let error = try #require(await Self.failure(Self.plugin(command)))
        #expect(error.code == .config)
        #expect(
            error.message.hasPrefix(
                "kubeconfig /k/config: users[0].user.exec: user \"dev\" exec plugin \"\(command)\": printed something "
                    + "that is not JSON"), "got: \(error.message)")
        #expect(!error.message.contains("\n"))
    }

    @Test(arguments: [
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}}"#,
            "is configured for API version client.authentication.k8s.io/v1 but printed apiVersion \"client.authentication.k8s.io/v1beta1\""
        ),
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"Other","status":{"token":"t"}}"#,
            "printed kind \"Other\", expected ExecCredential"
        ),
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"}"#,
            "printed an ExecCredential without a status"
        ),
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}}"#,
            "returned neither a token nor a client certificate and key"
        ),
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"c"}}"#,
            "returned clientCertificateData without clientKeyData"
        ),
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t","expirationTimestamp":"tomorrow"}}"#,
            "status.expirationTimestamp \"tomorrow\" is not an RFC 3339 time"
        ),
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":5}}"#,
            "status.token is not a string"
        ),
        ("", "printed nothing"),
    ])
    func testParse_invalidCredentials(output: String, expectedSuffixStart: String) {
        let plugin = Self.plugin("p")
        do {
            _ = try ExecCredential.parse(Array(output.utf8), plugin: plugin)
            Issue.record("accepted \(output)")
        } catch {
            #expect(error.code == .config)
            #expect(error.message.hasPrefix("\(plugin.label): \(expectedSuffixStart)"), "got: \(error.message)")
        }
    }

    @Test func testParse_fractionalAndOffsetTimestamps() {
        #expect(
            ExecCredential.parseTimestamp("2030-01-02T03:04:05.250Z") == Date(timeIntervalSince1970: 1_893_553_445.25))
        #expect(
            ExecCredential.parseTimestamp("2030-01-02T05:04:05+02:00") == Date(timeIntervalSince1970: 1_893_553_445))
    }

    @Test func testRun_nonZeroExitQuotesLastStderrLine() async throws {
        let dir = try PluginDirectory()
        let command = try dir.script(
            "fail", "echo 'starting' >&2\necho 'error: could not reach sts.amazonaws.com' >&2\nexit 3")
        let error = try #require(await Self.failure(Self.plugin(command)))
        #expect(error.code == .config)
        #expect(
            error.message == "\(Self.plugin(command).label): exited with status 3: error: could not reach "
                + "sts.amazonaws.com")
    }

    @Test func testRun_stderrGoesToTheLogger() async throws {
        let dir = try PluginDirectory()
        let command = try dir.script("noisy", "echo 'using cached profile' >&2\necho '\(Self.tokenJSON("t"))'")
        let lines = LogRecorder()
        let runner = ExecPluginRunner(logger: Logger(label: "test", factory: { _ in lines }))
        _ = try await runner.run(Self.plugin(command), cluster: nil)
        #expect(lines.messages.contains("exec credential plugin: using cached profile"))
    }

    @Test func testRun_longStderrLinesAreCut() async throws {
        let dir = try PluginDirectory()
        let command = try dir.script(
            "long", "head -c 5000 /dev/zero | tr '\\0' x >&2\necho >&2\necho 'final line' >&2\nexit 1")
        let lines = LogRecorder()
        let runner = ExecPluginRunner(logger: Logger(label: "test", factory: { _ in lines }))
        do {
            _ = try await runner.run(Self.plugin(command), cluster: nil)
            Issue.record("a failing plugin succeeded")
        } catch {
            #expect(error.message.hasSuffix("exited with status 1: final line"), "got: \(error.message)")
        }
        let prefix = "exec credential plugin: "
        #expect(
            lines.messages == [
                prefix + String(repeating: "x", count: ExecPluginRunner.maximumLineBytes), prefix + "final line",
            ])
    }

    @Test func testRun_missingCommandIncludesInstallHint() async throws {
        let dir = try PluginDirectory()
        let byPath = try #require(await Self.failure(Self.plugin("\(dir.path)/no-such-plugin")))
        #expect(byPath.code == .config)
        #expect(
            byPath.message.hasSuffix("executable not found: see https://example.test/install"), "got: \(byPath.message)"
        )
        let byName = try #require(await Self.failure(Self.plugin("fluxhelm-no-such-plugin-\(UUID().uuidString)")))
        #expect(
            byName.message.hasSuffix("executable not found in PATH: see https://example.test/install"),
            "got: \(byName.message)")
        #expect(byName.message.hasPrefix("kubeconfig /k/config: users[0].user.exec: user \"dev\" exec plugin"))
    }

    @Test func testRun_interactiveAlwaysRefusedWithoutRunning() async throws {
        let dir = try PluginDirectory()
        var plugin = Self.plugin(try dir.script("t", "echo '\(Self.tokenJSON("t"))'"))
        plugin.interactiveMode = .always
        let error = try #require(await Self.failure(plugin))
        #expect(error.message.contains("needs a terminal (interactiveMode: Always)"))
        #expect(dir.runs == 0)
    }

    @Test func testRun_oversizedOutputRefused() async throws {
        let dir = try PluginDirectory()
        let command = try dir.script("huge", "head -c 2000000 /dev/zero")
        let error = try #require(await Self.failure(Self.plugin(command)))
        #expect(
            error.message.hasSuffix("printed more than \(ExecPluginRunner.maximumOutputBytes) bytes"),
            "got: \(error.message)")
    }

    @Test func testRun_hangingPluginIsKilledAtItsTimeout() async throws {
        let dir = try PluginDirectory()
        var plugin = Self.plugin(try dir.script("hang", "exec sleep 30"))
        plugin.timeout = .milliseconds(300)
        let error = try #require(await Self.failure(plugin))
        #expect(error.code == .timeout)
        #expect(error.message.hasPrefix("\(plugin.label): did not finish"), "got: \(error.message)")
    }
}

/// Collects log messages.
final class LogRecorder: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var messages: [String] { lines.withLock { $0 } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) { lines.withLock { $0.append("\(event.message)") } }
}
