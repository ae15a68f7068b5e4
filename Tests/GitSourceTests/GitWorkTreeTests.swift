import Foundation
import GitSource
import Testing

@Suite(.timeLimit(.minutes(1)))
struct GitWorkTreeTests {
    private let author = GitAuthor(name: "fluxhelm bot", email: "bot@example.com")

    @Test func testCommitAndPush_thenARejectedPushIsRetriedAfterReset() async throws {
        let upstream = try await Upstream.make()
        let dir = try TemporaryDirectory()
        defer { upstream.cleanUp(); dir.cleanUp() }
        let base = try await upstream.commit(["values.yaml": "image: app:1\n", "other.txt": "o\n"])
        let tree = try await GitWorkTree.checkout(remote: upstream.url, branch: "main", into: dir.path + "/wt")
        #expect(try await tree.head().sha == base)
        // Nothing changed: no commit.
        #expect(try await tree.commitAll(message: "noop", author: author) == nil)

        try "image: app:2\n".write(toFile: tree.directory + "/values.yaml", atomically: true, encoding: .utf8)
        let first = try #require(try await tree.commitAll(message: "Update app to 2", author: author))
        try await tree.push()
        #expect(try await upstream.revParse("main") == first.sha)
        #expect(
            try await git(["log", "-1", "--format=%an <%ae>|%cn|%s", "main"], in: upstream.bare)
                == "fluxhelm bot <bot@example.com>|fluxhelm bot|Update app to 2")

        // Someone else pushes first; our next push is rejected as not a fast-forward.
        try await git(["pull", "--quiet", "--ff-only", "origin", "main"], in: upstream.work)
        let concurrent = try await upstream.commit(["other.txt": "changed elsewhere\n"])
        try "image: app:3\n".write(toFile: tree.directory + "/values.yaml", atomically: true, encoding: .utf8)
        _ = try #require(try await tree.commitAll(message: "Update app to 3", author: author))
        let rejected = await #expect(throws: GitSourceError.self) { try await tree.push() }
        #expect(rejected?.code == .pushRejected)
        #expect(rejected?.ref == "main")
        #expect(rejected?.message.contains(upstream.url) == true)
        #expect(try await upstream.revParse("main") == concurrent)

        // Fetch and reset, re-apply, push again: both changes are on the branch.
        try await tree.reset()
        #expect(try await tree.head().sha == concurrent)
        #expect(try String(contentsOfFile: tree.directory + "/values.yaml", encoding: .utf8) == "image: app:2\n")
        try "image: app:3\n".write(toFile: tree.directory + "/values.yaml", atomically: true, encoding: .utf8)
        let retried = try #require(try await tree.commitAll(message: "Update app to 3", author: author))
        try await tree.push()
        #expect(try await upstream.revParse("main") == retried.sha)
        #expect(try await upstream.revParse("main^") == concurrent)
        #expect(try await git(["show", "main:other.txt"], in: upstream.bare) == "changed elsewhere")
        #expect(try await git(["show", "main:values.yaml"], in: upstream.bare) == "image: app:3")
    }

    @Test func testCheckout_whenTheBranchIsMissing_throwsRefNotFound() async throws {
        let upstream = try await Upstream.make()
        let dir = try TemporaryDirectory()
        defer { upstream.cleanUp(); dir.cleanUp() }
        try await upstream.commit(["a.txt": "a"])
        let error = await #expect(throws: GitSourceError.self) {
            try await GitWorkTree.checkout(remote: upstream.url, branch: "nope", into: dir.path + "/wt")
        }
        #expect(error?.code == .refNotFound)
        #expect(error?.ref == "nope")
    }

    @Test func testCommitAll_withAnSSHSigningKey_signsTheCommit() async throws {
        let upstream = try await Upstream.make()
        let dir = try TemporaryDirectory()
        defer { upstream.cleanUp(); dir.cleanUp() }
        try await upstream.commit(["a.txt": "a"])
        let key = dir.path + "/signing"
        try await runTool("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "bot", "-f", key])
        let tree = try await GitWorkTree.checkout(remote: upstream.url, branch: "main", into: dir.path + "/wt")
        try "b".write(toFile: tree.directory + "/b.txt", atomically: true, encoding: .utf8)
        let signer = GitAuthor(name: "bot", email: "bot@example.com", signingKey: .ssh(privateKeyFile: key))
        let commit = try #require(try await tree.commitAll(message: "signed", author: signer))
        let raw = try await git(["cat-file", "commit", commit.sha], in: tree.directory)
        #expect(raw.contains("gpgsig -----BEGIN SSH SIGNATURE-----"))
        // git verifies it against the public key.
        let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8)
        let allowed = dir.path + "/allowed_signers"
        try "bot@example.com \(publicKey)".write(toFile: allowed, atomically: true, encoding: .utf8)
        try await git(
            ["-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=\(allowed)", "verify-commit", commit.sha],
            in: tree.directory)
    }
}
