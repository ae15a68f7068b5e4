import Foundation
import GitSource
import Testing

@Suite(.timeLimit(.minutes(1)))
struct GitMirrorTests {
    private func makeMirror(_ upstream: Upstream, _ cache: TemporaryDirectory) throws -> GitMirror {
        try GitMirror(remote: GitRemote(upstream.url), directory: cache.path + "/mirror")
    }

    @Test func testResolve_branchTagShaAndHead() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp() }
        let first = try await upstream.commit(["a.txt": "one"])
        try await git(["tag", "-a", "-m", "release", "v1.0.0"], in: upstream.work)
        try await git(["push", "--quiet", "origin", "v1.0.0"], in: upstream.work)
        let second = try await upstream.commit(["a.txt": "two"])
        try await git(["push", "--quiet", "origin", "HEAD:refs/heads/feature"], in: upstream.work)

        let mirror = try makeMirror(upstream, cache)
        try await mirror.fetch()
        #expect(mirror.isCloned)
        #expect(try await mirror.resolve("main").sha == second)
        #expect(try await mirror.resolve("feature").sha == second)
        #expect(try await mirror.resolve("HEAD").sha == second)
        #expect(try await mirror.resolve("refs/heads/main").sha == second)
        // The annotated tag is peeled to its commit, as git's own v1.0.0^{commit} says.
        let tagged = try await mirror.resolve("v1.0.0")
        #expect(tagged.sha == first)
        #expect(tagged.sha == (try await upstream.revParse("v1.0.0^{commit}")))
        #expect(try await mirror.resolve(first).sha == first)
        #expect(try await mirror.resolve(String(first.prefix(10))).sha == first)
    }

    @Test func testResolve_whenRefMissing_namesRefAndURL() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp() }
        try await upstream.commit(["a.txt": "one"])
        let mirror = try makeMirror(upstream, cache)
        let error = await #expect(throws: GitSourceError.self) { try await mirror.resolve("no-such-branch") }
        #expect(error?.code == .refNotFound)
        #expect(error?.ref == "no-such-branch")
        #expect(error?.message.contains("no-such-branch") == true)
        #expect(error?.message.contains(upstream.url) == true)
        let unknownSha = String(repeating: "ab", count: 20)
        let shaError = await #expect(throws: GitSourceError.self) { try await mirror.resolve(unknownSha) }
        #expect(shaError?.code == .refNotFound)
        let bad = await #expect(throws: GitSourceError.self) { try await mirror.resolve("--upload-pack=evil") }
        #expect(bad?.code == .invalidArgument)
        let revision = await #expect(throws: GitSourceError.self) { try await mirror.resolve("main~1") }
        #expect(revision?.code == .invalidArgument)
    }

    @Test func testTreeHash_changesOnlyWhenThePathChanges() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp() }
        let first = try await upstream.commit([
            "charts/a/Chart.yaml": "name: a\n", "charts/b/Chart.yaml": "name: b\n", "README.md": "hi\n",
        ])
        let second = try await upstream.commit(["charts/b/values.yaml": "x: 1\n"])
        let third = try await upstream.commit(["charts/a/Chart.yaml": "name: a\nversion: 2\n"])
        let mirror = try makeMirror(upstream, cache)
        let c1 = try await mirror.resolve(first)
        let c2 = try await mirror.resolve(second)
        let c3 = try await mirror.resolve(third)

        let a1 = try await mirror.treeHash(of: "charts/a", at: c1)
        let a2 = try await mirror.treeHash(of: "charts/a", at: c2)
        let a3 = try await mirror.treeHash(of: "./charts/a/", at: c3)
        #expect(a1 == a2)  // the second commit touched only charts/b
        #expect(a2 != a3)
        #expect(a1 == (try await upstream.revParse("\(first):charts/a")))
        #expect(a3 == (try await upstream.revParse("\(third):charts/a")))
        let b1 = try await mirror.treeHash(of: "charts/b", at: c1)
        let b2 = try await mirror.treeHash(of: "charts/b", at: c2)
        let b3 = try await mirror.treeHash(of: "charts/b", at: c3)
        #expect(b1 != b2)
        #expect(b2 == b3)
        #expect(try await mirror.treeHash(of: "", at: c1) == (try await upstream.revParse("\(first)^{tree}")))
    }

    @Test func testTreeHash_whenPathMissingOrAFile_namesPathAndCommit() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp() }
        let sha = try await upstream.commit(["charts/a/Chart.yaml": "name: a\n"])
        let mirror = try makeMirror(upstream, cache)
        let commit = try await mirror.resolve("main")
        let missing = await #expect(throws: GitSourceError.self) {
            try await mirror.treeHash(of: "charts/nope", at: commit)
        }
        #expect(missing?.code == .pathNotFound)
        #expect(missing?.path == "charts/nope")
        #expect(missing?.message.contains("charts/nope") == true)
        #expect(missing?.message.contains(sha) == true)
        #expect(missing?.message.contains(upstream.url) == true)
        let file = await #expect(throws: GitSourceError.self) {
            try await mirror.treeHash(of: "charts/a/Chart.yaml", at: commit)
        }
        #expect(file?.code == .pathNotFound)
        #expect(file?.message.contains("not a directory") == true)
        let escape = await #expect(throws: GitSourceError.self) { try await mirror.treeHash(of: "../x", at: commit) }
        #expect(escape?.code == .invalidArgument)
    }

    @Test func testExport_writesThePathsFilesIntoTheDirectory() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        let out = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp(); out.cleanUp() }
        try await upstream.commit([
            "charts/a/Chart.yaml": "name: a\n", "charts/a/templates/cm.yaml": "kind: ConfigMap\n",
            "charts/b/Chart.yaml": "name: b\n",
        ])
        try await git(["update-index", "--chmod=+x", "charts/a/templates/cm.yaml"], in: upstream.work)
        try await git(["commit", "--quiet", "-m", "exec"], in: upstream.work)
        try await git(["push", "--quiet", "origin", "HEAD:refs/heads/main"], in: upstream.work)
        let mirror = try makeMirror(upstream, cache)
        let commit = try await mirror.resolve("main")
        let destination = out.path + "/a"
        let export = try await mirror.export("charts/a", at: commit, into: destination)
        #expect(export.fileCount == 2)
        #expect(export.byteCount == "name: a\n".utf8.count + "kind: ConfigMap\n".utf8.count)
        #expect(export.treeHash == (try await upstream.revParse("main:charts/a")))
        #expect(try String(contentsOfFile: destination + "/Chart.yaml", encoding: .utf8) == "name: a\n")
        #expect(try String(contentsOfFile: destination + "/templates/cm.yaml", encoding: .utf8) == "kind: ConfigMap\n")
        #expect(FileManager.default.isExecutableFile(atPath: destination + "/templates/cm.yaml"))
        #expect(!FileManager.default.fileExists(atPath: destination + "/b"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: destination).sorted() == ["Chart.yaml", "templates"])
        // The mirror stays bare: no index or work tree appeared in it.
        #expect(!FileManager.default.fileExists(atPath: mirror.directory + "/index"))
        let again = await #expect(throws: GitSourceError.self) {
            try await mirror.export("charts/a", at: commit, into: destination)
        }
        #expect(again?.code == .io)
    }

    @Test func testExport_whenOverTheByteCap_throwsTooLarge() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        let out = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp(); out.cleanUp() }
        try await upstream.commit(["big/data.txt": String(repeating: "x", count: 5000)])
        let mirror = try GitMirror(
            remote: GitRemote(upstream.url), directory: cache.path + "/mirror",
            configuration: GitConfiguration(maximumExportBytes: 1000))
        let commit = try await mirror.resolve("main")
        let error = await #expect(throws: GitSourceError.self) {
            try await mirror.export("big", at: commit, into: out.path + "/big")
        }
        #expect(error?.code == .tooLarge)
        #expect(!FileManager.default.fileExists(atPath: out.path + "/big/data.txt"))
    }

    @Test func testListFilesAndReadFile() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp() }
        try await upstream.commit([
            "charts/a/Chart.yaml": "name: a\n", "charts/a/templates/cm.yaml": "kind: ConfigMap\n",
            "other.txt": "o",
        ])
        let mirror = try makeMirror(upstream, cache)
        let commit = try await mirror.resolve("main")
        let files = try await mirror.listFiles(under: "charts/a", at: commit)
        #expect(files.map(\.path).sorted() == ["Chart.yaml", "templates/cm.yaml"])
        #expect(files.allSatisfy { $0.kind == .file })
        #expect(files.first { $0.path == "Chart.yaml" }?.size == 8)
        #expect(try await mirror.readFile("charts/a/Chart.yaml", at: commit) == Array("name: a\n".utf8))
        let tooBig = await #expect(throws: GitSourceError.self) {
            try await mirror.readFile("charts/a/Chart.yaml", at: commit, limit: 4)
        }
        #expect(tooBig?.code == .tooLarge)
        #expect(tooBig?.path == "charts/a/Chart.yaml")
        let directory = await #expect(throws: GitSourceError.self) { try await mirror.readFile("charts", at: commit) }
        #expect(directory?.code == .pathNotFound)
        let missing = await #expect(throws: GitSourceError.self) { try await mirror.readFile("nope.txt", at: commit) }
        #expect(missing?.code == .pathNotFound)
    }

    @Test func testReadFiles_oneBatchReadsWhatReadFileReads() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp() }
        let first = try await upstream.commit([
            "m/a.yaml": "kind: A\n", "m/empty.yaml": "", "m/sub/b.yaml": "x\n\ny: 2\n\n", "m/big.yaml": "0123456789",
        ])
        let mirror = try makeMirror(upstream, cache)
        let commit = try await mirror.resolve("main")
        let small = try await mirror.listFiles(under: "m", at: commit).filter { $0.path != "big.yaml" }
        let contents = try await mirror.readFiles(small, under: "m", at: commit)
        #expect(contents.count == small.count)
        for (entry, bytes) in zip(small, contents) {
            #expect(bytes == (try await mirror.readFile("m/" + entry.path, at: commit)), "\(entry.path)")
        }
        #expect(try await mirror.readFiles([], under: "m", at: commit).isEmpty)
        let all = try await mirror.listFiles(under: "m", at: commit)
        let tooBig = await #expect(throws: GitSourceError.self) {
            try await mirror.readFiles(all, under: "m", at: commit, limit: 9)
        }
        #expect(tooBig?.code == .tooLarge)
        #expect(tooBig?.path == "m/big.yaml")

        let second = try await upstream.commit(["m/a.yaml": "kind: B\n"])
        let third = try await upstream.commit(["m/a.yaml": "kind: C\n"])
        try await mirror.fetch()
        let (c1, c3) = (try GitCommit(sha: first), try GitCommit(sha: third))
        #expect(await mirror.commitCount(from: c1, to: c3) == 2)
        #expect(await mirror.commitCount(from: c3, to: c1) == 0)
        #expect(await mirror.commitCount(from: c1, to: try GitCommit(sha: String(repeating: "e", count: 40))) == nil)
        _ = second
    }

    @Test func testFetch_picksUpANewCommit() async throws {
        let upstream = try await Upstream.make()
        let cache = try TemporaryDirectory()
        defer { upstream.cleanUp(); cache.cleanUp() }
        let first = try await upstream.commit(["a.txt": "one"])
        let mirror = try makeMirror(upstream, cache)
        try await mirror.fetch()
        #expect(try await mirror.resolve("main").sha == first)
        let second = try await upstream.commit(["a.txt": "two"])
        #expect(try await mirror.resolve("main").sha == first)  // reads see the mirror as last fetched
        try await mirror.fetch()
        #expect(try await mirror.resolve("main").sha == second)
        // A branch deleted upstream is pruned.
        try await upstream.commit(["b.txt": "b"], branch: "gone")
        try await mirror.fetch()
        _ = try await mirror.resolve("gone")
        try await git(["push", "--quiet", "origin", ":refs/heads/gone"], in: upstream.work)
        try await mirror.fetch()
        let pruned = await #expect(throws: GitSourceError.self) { try await mirror.resolve("gone") }
        #expect(pruned?.code == .refNotFound)
    }

    @Test func testFetch_whenURLUnreachable_namesTheURL() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.cleanUp() }
        let url = "file://\(cache.path)/no-such-repo.git"
        let mirror = try GitMirror(remote: GitRemote(url), directory: cache.path + "/mirror")
        let error = await #expect(throws: GitSourceError.self) { try await mirror.fetch() }
        #expect(error?.code == .unreachable)
        #expect(error?.url == url)
        #expect(error?.message.contains(url) == true)
        #expect(error?.stderr?.isEmpty == false)
        #expect(!mirror.isCloned)
        // The failed clone left nothing behind but the private home directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path) == [".git-home"])
    }
}
