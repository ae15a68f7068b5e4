import GitSource
import Testing

struct GitRemoteTests {
    @Test(arguments: [
        ("https://GitHub.com/org/repo.git/", "https://github.com/org/repo"),
        ("https://github.com:443/org/repo", "https://github.com/org/repo"),
        ("https://user:tok@github.com/org/repo", "https://github.com/org/repo"),
        ("ssh://git@github.com:22/org/repo.git", "ssh://github.com/org/repo"),
        ("git@github.com:org/repo.git", "ssh://github.com/org/repo"),
        ("/srv/git/repo.git", "file:///srv/git/repo"),
        ("file:///srv/git/repo", "file:///srv/git/repo"),
    ])
    func testKey_normalisesSpellingsOfOneRepository(url: String, key: String) throws {
        #expect(try GitRemote(url).key == key)
    }

    @Test func testInit_takesEmbeddedCredentialsOutOfTheURL() throws {
        let remote = try GitRemote("https://bot:s%40cret@example.com/org/repo")
        #expect(remote.url == "https://example.com/org/repo")
        #expect(remote.redacted == "https://bot:***@example.com/org/repo")
        #expect(remote.embeddedCredentials == .basic(username: "bot", password: "s@cret"))
        #expect(!"\(remote)".contains("cret"))
        // A user name alone is not a secret and stays (ssh needs it).
        #expect(try GitRemote("ssh://git@example.com/org/repo").url == "ssh://git@example.com/org/repo")
    }

    @Test(arguments: [
        "", "ext::sh -c touch% /tmp/pwned", "-oProxyCommand=x", "https://exa mple.com/x", "ftp://example.com/x",
        "relative/path", "ssh://user:pw@example.com/x", "https:///x",
    ])
    func testInit_refusesUnsafeOrMalformedURLs(url: String) {
        let error = #expect(throws: GitSourceError.self) { try GitRemote(url) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("user:pw@") != true)
    }

    @Test func testRegistry_sharesOneMirrorPerURLAndCredentials() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.cleanUp() }
        let registry = GitMirrorRegistry(cacheDirectory: cache.path)
        let a = try await registry.mirror(for: "https://Example.com/org/repo.git")
        let b = try await registry.mirror(for: "https://example.com/org/repo/")
        #expect(a === b)
        let withToken = try await registry.mirror(
            for: "https://example.com/org/repo", credentials: .basic(username: "u", password: "p1"))
        let otherToken = try await registry.mirror(
            for: "https://example.com/org/repo", credentials: .basic(username: "u", password: "p2"))
        #expect(withToken !== a)
        #expect(withToken !== otherToken)
        #expect(withToken.directory != otherToken.directory)
        let embedded = try await registry.mirror(for: "https://u:p1@example.com/org/repo")
        #expect(embedded === withToken)
        #expect(await registry.count == 3)
        #expect(!a.directory.contains("p1"))
    }
}
