import Foundation
import GitSource
import KubeAPI
import Testing

@Suite(.timeLimit(.minutes(1)))
struct GitCredentialsTests {
    private static let password = "pa55-w0rd-XYZZY"
    private static let token = "tok-3b9f1c77e2"

    /// A bare repository with one commit under an HTTP server that demands credentials.
    private func withServer(_ body: @Sendable (String, String, TemporaryDirectory) async throws -> Void)
        async throws
    {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp() }
        let sha = try await upstream.commit(["charts/a/Chart.yaml": "name: a\n"])
        let server = GitHTTPBackendServer(
            root: upstream.root.path, username: "bot", password: Self.password, token: Self.token)
        try await server.run { base in try await body(base + "/remote.git", sha, cache) }
    }

    private func expectNoSecret(_ error: GitSourceError?) {
        for text in [error?.description, error?.detailedDescription(), error?.stderr, error?.url, error?.message] {
            #expect(text?.contains(Self.password) != true)
            #expect(text?.contains(Self.token) != true)
        }
    }

    @Test func testFetch_overHTTPSBasicAuth_withTheRightCredentials() async throws {
        try await withServer { url, sha, cache in
            let mirror = try GitMirror(
                remote: GitRemote(url), credentials: .basic(username: "bot", password: Self.password),
                directory: cache.path + "/m")
            #expect(try await mirror.resolve("main").sha == sha)
            try await mirror.fetch()
            #expect(
                try await mirror.readFile("charts/a/Chart.yaml", at: mirror.resolve("main")) == Array("name: a\n".utf8))
        }
    }

    @Test func testFetch_overHTTPS_withAPasswordFileABearerTokenOrCredentialsInTheURL() async throws {
        try await withServer { url, sha, cache in
            let file = cache.path + "/password"
            try (Self.password + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let fromFile = try GitMirror(
                remote: GitRemote(url), credentials: .basic(username: "bot", passwordFile: file),
                directory: cache.path + "/file")
            #expect(try await fromFile.resolve("main").sha == sha)
            let bearer = try GitMirror(
                remote: GitRemote(url), credentials: .bearerToken(Self.token), directory: cache.path + "/bearer")
            #expect(try await bearer.resolve("main").sha == sha)
            let embeddedURL = url.replacingOccurrences(of: "http://", with: "http://bot:\(Self.password)@")
            let embedded = try GitMirror(remote: GitRemote(embeddedURL), directory: cache.path + "/embedded")
            #expect(try await embedded.resolve("main").sha == sha)
            // The password never reached the mirror's configuration on disk.
            let config = try String(contentsOfFile: embedded.directory + "/config", encoding: .utf8)
            #expect(!config.contains(Self.password))
        }
    }

    @Test func testFetch_overHTTPS_withWrongOrNoCredentials_failsClearlyAndLeaksNothing() async throws {
        try await withServer { url, _, cache in
            let wrong = try GitMirror(
                remote: GitRemote(url), credentials: .basic(username: "bot", password: "wrong-\(Self.password)"),
                directory: cache.path + "/wrong")
            let error = await #expect(throws: GitSourceError.self) { try await wrong.fetch() }
            #expect(error?.code == .authentication)
            #expect(error?.message.contains(url) == true)
            expectNoSecret(error)
            let none = try GitMirror(remote: GitRemote(url), directory: cache.path + "/none")
            let noneError = await #expect(throws: GitSourceError.self) { try await none.fetch() }
            #expect(noneError?.code == .authentication)
            let badToken = try GitMirror(
                remote: GitRemote(url), credentials: .bearerToken("x" + Self.token), directory: cache.path + "/tok")
            let tokenError = await #expect(throws: GitSourceError.self) { try await badToken.fetch() }
            #expect(tokenError?.code == .authentication)
            expectNoSecret(tokenError)
            // A wrong password embedded in the URL is redacted in the URL and everywhere else.
            let embeddedURL = url.replacingOccurrences(of: "http://", with: "http://bot:\(Self.password)X@")
            let embedded = try GitMirror(remote: GitRemote(embeddedURL), directory: cache.path + "/embedded")
            let embeddedError = await #expect(throws: GitSourceError.self) { try await embedded.fetch() }
            #expect(embeddedError?.code == .authentication)
            #expect(embeddedError?.url?.contains("bot:***@") == true)
            expectNoSecret(embeddedError)
        }
    }

    @Test func testError_whenTheHostRefusesConnections_redactsTheURLsPassword() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.cleanUp() }
        // Port 1 on loopback: nothing listens there, so the connection is refused.
        let mirror = try GitMirror(
            remote: GitRemote("http://bot:\(Self.password)@127.0.0.1:1/repo.git"), directory: cache.path + "/m")
        let error = await #expect(throws: GitSourceError.self) { try await mirror.fetch() }
        #expect(error?.code == .unreachable)
        #expect(error?.message.contains("http://bot:***@127.0.0.1:1/repo.git") == true)
        expectNoSecret(error)
    }

    @Test func testSSHCommand_usesOnlyTheKeyAndKnownHostsGiven() {
        let credentials = GitCredentials.ssh(privateKeyFile: "/keys/id's", knownHostsFile: "/keys/known_hosts")
        let command = credentials.sshCommand
        #expect(command.hasPrefix("ssh -F /dev/null "))
        #expect(command.contains("-i '/keys/id'\\''s'"))
        #expect(command.contains("-o 'UserKnownHostsFile=/keys/known_hosts'"))
        #expect(command.contains("-o StrictHostKeyChecking=yes"))
        #expect(command.contains("-o IdentitiesOnly=yes"))
        #expect(command.contains("-o BatchMode=yes"))
        #expect(GitCredentials.none.sshCommand.contains("UserKnownHostsFile=/dev/null"))
    }

    @Test func testFetch_whenTheSSHKeyOrKnownHostsFileIsMissing_namesTheFile() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let knownHosts = dir.path + "/known_hosts"
        try "".write(toFile: knownHosts, atomically: true, encoding: .utf8)
        let noKey = try GitMirror(
            remote: GitRemote("ssh://git@127.0.0.1:1/repo.git"),
            credentials: .ssh(privateKeyFile: dir.path + "/missing-key", knownHostsFile: knownHosts),
            directory: dir.path + "/m1")
        let keyError = await #expect(throws: GitSourceError.self) { try await noKey.fetch() }
        #expect(keyError?.code == .credentials)
        #expect(keyError?.message.contains(dir.path + "/missing-key") == true)
        #expect(keyError?.message.contains("SSH private key") == true)
        let key = dir.path + "/key"
        try "not a key".write(toFile: key, atomically: true, encoding: .utf8)
        let noHosts = try GitMirror(
            remote: GitRemote("git@127.0.0.1:repo.git"),
            credentials: .ssh(privateKeyFile: key, knownHostsFile: dir.path + "/missing_hosts"),
            directory: dir.path + "/m2")
        let hostsError = await #expect(throws: GitSourceError.self) { try await noHosts.fetch() }
        #expect(hostsError?.code == .credentials)
        #expect(hostsError?.message.contains("known_hosts file \(dir.path)/missing_hosts") == true)
    }

    @Test func testDescription_neverShowsASecret() {
        for credentials in [
            GitCredentials.basic(username: "bot", password: Self.password), .bearerToken(Self.token),
        ] {
            #expect(!"\(credentials)".contains(Self.password) && !"\(credentials)".contains(Self.token))
            #expect(!String(reflecting: credentials).contains(Self.password))
            var dumped = ""
            dump(credentials, to: &dumped)
            #expect(!dumped.contains(Self.password) && !dumped.contains(Self.token))
        }
    }

    @Test func testInitSecret_readsFluxKeys() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        func secret(_ data: [String: String]) -> KubeObject {
            var object = KubeObject(.secret, key: ObjectKey(namespace: "ns", name: "git"))
            var encoded: [String: JSONValue] = [:]
            for (key, value) in data { encoded[key] = .string(Data(value.utf8).base64EncodedString()) }
            object["data"] = .object(encoded)
            return object
        }
        #expect(
            try GitCredentials(secret: secret(["username": "bot", "password": "pw\n"]), keyDirectory: dir.path)
                == .basic(username: "bot", password: "pw"))
        #expect(
            try GitCredentials(secret: secret(["bearerToken": "t"]), keyDirectory: dir.path) == .bearerToken("t"))
        let ssh = try GitCredentials(
            secret: secret(["identity": "KEY", "known_hosts": "HOSTS"]), keyDirectory: dir.path + "/keys")
        #expect(
            ssh == .ssh(privateKeyFile: dir.path + "/keys/identity", knownHostsFile: dir.path + "/keys/known_hosts"))
        #expect(try String(contentsOfFile: dir.path + "/keys/identity", encoding: .utf8) == "KEY")
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path + "/keys/identity")[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
        let noHosts = #expect(throws: GitSourceError.self) {
            try GitCredentials(secret: secret(["identity": "KEY"]), keyDirectory: dir.path)
        }
        #expect(noHosts?.code == .credentials)
        #expect(noHosts?.message.contains("Secret ns/git") == true)
        let empty = #expect(throws: GitSourceError.self) {
            try GitCredentials(secret: secret([:]), keyDirectory: dir.path)
        }
        #expect(empty?.code == .credentials)
    }
}
