import Foundation
import KubeAPI
import KubeTestServer
import Testing

/// `fluxhelm sync` and `fluxhelm sync --dry-run`, run as the built binary.
struct SyncCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/agent")

    /// The dry run's output for Fixtures/agent/repo, written by hand from the fixture files: the Namespace first,
    /// then the ConfigMaps by namespace and name, each with the label, annotations and default namespace a sync adds.
    static let expectedDryRun = """
        ---
        # Source: releaseconfig/namespace.yaml (document 1)
        apiVersion: v1
        kind: Namespace
        metadata:
          annotations:
            fluxhelm.io/source-file: releaseconfig/namespace.yaml#1
            fluxhelm.io/source-repository: repo
          labels:
            fluxhelm.io/sync-owner: fluxhelm-agent
          name: demo
        ---
        # Source: releaseconfig/app.yaml (document 1)
        apiVersion: v1
        data:
          color: blue
        kind: ConfigMap
        metadata:
          annotations:
            fluxhelm.io/source-file: releaseconfig/app.yaml#1
            fluxhelm.io/source-repository: repo
          labels:
            fluxhelm.io/sync-owner: fluxhelm-agent
          name: settings
          namespace: apps
        ---
        # Source: releaseconfig/app.yaml (document 2)
        apiVersion: v1
        data:
          size: '3'
        kind: ConfigMap
        metadata:
          annotations:
            fluxhelm.io/source-file: releaseconfig/app.yaml#2
            fluxhelm.io/source-repository: repo
          labels:
            fluxhelm.io/sync-owner: fluxhelm-agent
          name: other
          namespace: demo

        """

    @Test(.timeLimit(.minutes(1)))
    func testSyncDryRun_printsManifestsInApplyOrderWithoutACluster() throws {
        let result = try runFluxhelm(
            ["sync", "--dry-run", "--path", "repo", "--git-path", "releaseconfig", "--default-namespace", "apps"],
            environment: ["KUBECONFIG": "/nonexistent/kubeconfig"], directory: Self.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.expectedDryRun)
        #expect(result.stderr.hasPrefix("3 objects at revision dir:"))
    }

    @Test(.timeLimit(.minutes(1)))
    func testSyncDryRun_brokenFile_reportsFileAndDocumentAndExits1() throws {
        let result = try runFluxhelm(
            ["sync", "--dry-run", "--path", "broken", "--git-path", "releaseconfig"], directory: Self.fixtures)
        #expect(result.status == 1)
        #expect(result.stdout.contains("name: good") && result.stdout.contains("name: fine"))
        #expect(result.stderr.contains("error: releaseconfig/bad.yaml (document 2, line 5): not valid YAML"))
    }

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            (["sync", "--dry-run"], "give --path DIR or --git-url URL"),
            (
                ["sync", "--path", "repo", "--git-url", "https://example.com/r.git"],
                "give --path or --git-url, not both"
            ),
            (["sync", "--dry-run", "--path", "missing"], "the directory missing does not exist"),
            (["sync", "--dry-run", "--path", "repo", "--git-path", "nope"], "the path nope does not exist under repo"),
            (["sync", "--dry-run", "--path", "repo", "--git-path", "../x"], "must be relative to the repository"),
            (["agent", "--path", "repo", "--sync-interval", "0s"], "--sync-interval must be above zero"),
            (["agent", "--path", "repo", "--listen", "nowhere"], "--listen nowhere is not HOST:PORT"),
        ])
    func testSync_badFlags_exit1WithAMessage(arguments: [String], message: String) throws {
        let result = try runFluxhelm(arguments, directory: Self.fixtures)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(.timeLimit(.minutes(1)))
    func testSync_appliesOnceThenFindsNothingChanged_andFailsOnARejectedObject() async throws {
        try await KubeTestServer.withServer { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            try await withKubeClient(config: config) { client in
                for name in ["flux", "apps"] {
                    _ = try await client.create(
                        KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]))
                }
            }
            let arguments = [
                "sync", "--path", "repo", "--git-path", "releaseconfig", "--default-namespace", "apps", "-n", "flux",
                "--kubeconfig", server.kubeconfigPath,
            ]
            let first = try await runFluxhelmAsync(arguments, directory: Self.fixtures)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains(": 3 applied, 0 unchanged, 0 pruned, 0 failed"))
            let second = try await runFluxhelmAsync(arguments, directory: Self.fixtures)
            #expect(second.status == 0)
            #expect(second.stdout.contains(": 0 applied, 3 unchanged, 0 pruned, 0 failed"))
            try await withKubeClient(config: config) { client in
                let cm = try await client.get(.configMap, ObjectKey(namespace: "apps", name: "settings"))
                #expect(cm["data", "color"]?.stringValue == "blue")
            }

            let broken = try await runFluxhelmAsync(
                [
                    "sync", "--path", "broken", "--git-path", "releaseconfig", "-n", "flux", "--prune",
                    "--kubeconfig", server.kubeconfigPath,
                ], directory: Self.fixtures)
            #expect(broken.status == 1)
            #expect(broken.stdout.contains("2 applied") && broken.stdout.contains("prune skipped"))
            #expect(broken.stderr.contains("error: releaseconfig/bad.yaml (document 2, line 5)"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testSyncDryRun_fromAGitURL_readsTheBranchHead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sync-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appendingPathComponent("work")
        let bare = root.appendingPathComponent("remote.git").path
        try FileManager.default.createDirectory(
            at: work.appendingPathComponent("releaseconfig"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("repo/releaseconfig/namespace.yaml"),
            to: work.appendingPathComponent("releaseconfig/namespace.yaml"))
        for arguments in [
            ["init", "--quiet", "--bare", "--initial-branch=main", bare],
            ["init", "--quiet", "--initial-branch=main", work.path], ["-C", work.path, "add", "-A"],
            ["-C", work.path, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "x"],
            ["-C", work.path, "push", "--quiet", bare, "main"],
        ] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git"] + arguments
            try git.run()
            git.waitUntilExit()
            #expect(git.terminationStatus == 0, "git \(arguments)")
        }
        let result = try runFluxhelm([
            "sync", "--dry-run", "--git-url", bare, "--git-branch", "main", "--git-path", "releaseconfig",
            "--git-cache-dir", root.appendingPathComponent("cache").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "# Source: releaseconfig/namespace.yaml (document 1)\napiVersion: v1\nkind: Namespace"))
        #expect(result.stdout.contains("fluxhelm.io/source-repository: \(bare)"))

        let wrongBranch = try runFluxhelm([
            "sync", "--dry-run", "--git-url", bare, "--git-branch", "nope",
            "--git-cache-dir", root.appendingPathComponent("cache").path,
        ])
        #expect(wrongBranch.status == 1)
        #expect(wrongBranch.stderr.contains("ref \"nope\" not found in \(bare)"))
    }
}
