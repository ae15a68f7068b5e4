import Foundation
import KubeAPI
import KubeTestServer
import Testing

/// The mutating commands end to end against KubeTestServer: install → upgrade → history → rollback → status →
/// list → get → uninstall of examples/charts/hello, in both storage forms, and the errors users meet.
struct ReleaseLifecycleTests {
    private static let ns = ["-n", "ns"]
    private static let chart = "examples/charts/hello"

    @Test(.timeLimit(.minutes(2)), arguments: ["secret", "configmap"])
    func testLifecycle_installUpgradeRollbackUninstall(_ storage: String) async throws {
        try await ReleaseTestCluster.with { cluster in
            let s = ["--storage", storage] + Self.ns
            let install = try await cluster.run(["install", "demo", Self.chart, "--set", "greeting=hi"] + s)
            #expect(install.status == 0, "\(install.stderr)")
            #expect(install.stdout.hasPrefix("NAME: demo\nLAST DEPLOYED: "))
            #expect(install.stdout.contains("\nNAMESPACE: ns\nSTATUS: deployed\nREVISION: 1\nDESCRIPTION: Install complete\n"))
            #expect(install.stdout.hasSuffix("TEST SUITE: None\nNOTES:\ndemo-hello serves \"hi\" on port 80.\n"))

            // The objects exist in the cluster with Helm's ownership metadata.
            let config = try KubeConfig.load(kubeconfigPath: cluster.server.kubeconfigPath)
            try await withKubeClient(config: config) { client in
                let deployment = try await client.get(
                    GroupVersionKind(group: "apps", version: "v1", kind: "Deployment"),
                    ObjectKey(namespace: "ns", name: "demo-hello"))
                #expect(deployment.labels["app.kubernetes.io/managed-by"] == "Helm")
                #expect(deployment["metadata", "annotations", "meta.helm.sh/release-name"]?.stringValue == "demo")
            }

            let upgrade = try await cluster.run(["upgrade", "demo", Self.chart, "--set", "greeting=bonjour"] + s)
            #expect(upgrade.status == 0, "\(upgrade.stderr)")
            #expect(upgrade.stdout.hasPrefix("Release \"demo\" has been upgraded. Happy Helming!\nNAME: demo\n"))
            #expect(upgrade.stdout.contains("STATUS: deployed\nREVISION: 2\n"))

            let history = try await cluster.run(["history", "demo", "-o", "json"] + s)
            let revisions = try JSONValue(parsing: history.stdout).arrayValue ?? []
            #expect(revisions.map { $0["status"]?.stringValue } == ["superseded", "deployed"])

            let rollback = try await cluster.run(["rollback", "demo", "1"] + s)
            #expect(rollback.status == 0, "\(rollback.stderr)")
            #expect(rollback.stdout == "Rollback was a success! Happy Helming!\n")

            let status = try await cluster.run(["status", "demo"] + s)
            #expect(status.stdout.contains("STATUS: deployed\nREVISION: 3\nDESCRIPTION: Rollback to 1\n"))
            let values = try await cluster.run(["get", "values", "demo"] + s)
            #expect(values.stdout == "USER-SUPPLIED VALUES:\ngreeting: hi\n")
            let list = try await cluster.run(["list", "-q"] + s)
            #expect(list.stdout == "demo\n")
            let manifest = try await cluster.run(["get", "manifest", "demo"] + s)
            #expect(manifest.stdout.contains("# Source: hello/templates/deployment.yaml\n"))

            let uninstall = try await cluster.run(["uninstall", "demo"] + s)
            #expect(uninstall.status == 0, "\(uninstall.stderr)")
            #expect(uninstall.stdout.hasSuffix("release \"demo\" uninstalled\n"))
            let after = try await cluster.run(["list", "-q"] + s)
            #expect(after.stdout.isEmpty)
            let gone = try await cluster.run(["status", "demo"] + s)
            #expect(gone.status == 1)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func testErrors_oneLineNamingTheReleaseAndNothingLost() async throws {
        try await ReleaseTestCluster.with { cluster in
            let first = try await cluster.run(["install", "demo", Self.chart] + Self.ns)
            #expect(first.status == 0, "\(first.stderr)")

            // A name in use is refused and the release is untouched.
            let again = try await cluster.run(["install", "demo", Self.chart] + Self.ns)
            #expect(again.status == 1)
            #expect(again.stderr.hasPrefix("Error: INSTALLATION FAILED: "))
            #expect(again.stderr.contains("still in use"))
            #expect(again.stderr.split(separator: "\n").count == 1)
            let history = try await cluster.run(["history", "demo", "-o", "json"] + Self.ns)
            #expect((try JSONValue(parsing: history.stdout).arrayValue ?? []).count == 1)

            // A chart that does not exist.
            let badChart = try await cluster.run(["install", "other", "examples/charts/no-such-chart"] + Self.ns)
            #expect(badChart.status == 1)
            #expect(badChart.stderr.hasPrefix("Error: INSTALLATION FAILED: "))
            #expect(badChart.stderr.contains("no-such-chart"))

            // Upgrading or rolling back a release that does not exist.
            let upgrade = try await cluster.run(["upgrade", "missing", Self.chart] + Self.ns)
            #expect(upgrade.status == 1)
            #expect(upgrade.stderr.hasPrefix("Error: UPGRADE FAILED: ") && upgrade.stderr.contains("missing"))
            let rollback = try await cluster.run(["rollback", "missing"] + Self.ns)
            #expect(rollback.status == 1 && rollback.stderr.contains("missing"))
            let revision = try await cluster.run(["rollback", "demo", "x"] + Self.ns)
            #expect(revision.stderr.hasPrefix("Error: could not convert revision to a number"))
            let uninstall = try await cluster.run(["uninstall", "missing"] + Self.ns)
            #expect(uninstall.status == 1 && uninstall.stderr.contains("missing"))
            let ignored = try await cluster.run(["uninstall", "missing", "--ignore-not-found"] + Self.ns)
            #expect(ignored.status == 0, "\(ignored.stderr)")
            let cascade = try await cluster.run(["uninstall", "demo", "--cascade", "sideways"] + Self.ns)
            #expect(cascade.stderr.hasPrefix("Error: invalid cascade value (sideways)."))
            let forced = try await cluster.run(["upgrade", "demo", Self.chart, "--force", "--force-conflicts"] + Self.ns)
            #expect(forced.status == 1 && forced.stderr.hasPrefix("Error: if any flags in the group [force-replace"))
            let timeout = try await cluster.run(["install", "x", Self.chart, "--timeout", "soon"] + Self.ns)
            #expect(timeout.status != 0 && timeout.stderr.contains("soon"))
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func testUpgradeInstall_generateName_keepHistory() async throws {
        try await ReleaseTestCluster.with { cluster in
            let install = try await cluster.run(["upgrade", "--install", "web", Self.chart] + Self.ns)
            #expect(install.status == 0, "\(install.stderr)")
            #expect(install.stdout.hasPrefix("Release \"web\" does not exist. Installing it now.\nNAME: web\n"))
            let generated = try await cluster.run(["install", "--generate-name", Self.chart, "-o", "json"] + Self.ns)
            #expect(generated.status == 0, "\(generated.stderr)")
            #expect(try JSONValue(parsing: generated.stdout)["name"]?.stringValue?.hasPrefix("hello-") == true)
            let uninstall = try await cluster.run(["uninstall", "web", "--keep-history"] + Self.ns)
            #expect(uninstall.status == 0, "\(uninstall.stderr)")
            let listed = try await cluster.run(["list", "--uninstalled", "-q"] + Self.ns)
            #expect(listed.stdout == "web\n")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func testDryRunAndTest_printHelmsReports() async throws {
        try await ReleaseTestCluster.with { cluster in
            let dryRun = try await cluster.run(["install", "demo", Self.chart, "--dry-run=server"] + Self.ns)
            #expect(dryRun.status == 0, "\(dryRun.stderr)")
            #expect(dryRun.stdout.contains("DESCRIPTION: Dry run complete\n"))
            #expect(dryRun.stdout.contains("MANIFEST:\n---\n# Source: hello/templates/"))
            let nothing = try await cluster.run(["list", "-q"] + Self.ns)
            #expect(nothing.stdout.isEmpty)

            _ = try await cluster.run(["install", "demo", Self.chart] + Self.ns)
            let test = try await cluster.run(["test", "demo"] + Self.ns)
            #expect(test.status == 0, "\(test.stderr)")
            #expect(test.stdout.hasPrefix("NAME: demo\nLAST DEPLOYED: "))
            #expect(test.stdout.hasSuffix("TEST SUITE: None\n"))  // no test hooks; notes hidden as Helm hides them

            let yaml = try await cluster.run(["status", "demo", "-o", "yaml"] + Self.ns)
            #expect(yaml.stdout.contains("name: demo\n") && yaml.stdout.contains("  status: deployed\n"))
            let multiple = try await cluster.run(["install", "second", Self.chart, "--set", "nameOverride=two"] + Self.ns)
            #expect(multiple.status == 0, "\(multiple.stderr)")
            let both = try await cluster.run(["uninstall", "demo", "second"] + Self.ns)
            #expect(both.stdout.hasSuffix("release \"demo\" uninstalled\nrelease \"second\" uninstalled\n"))
        }
    }

    /// KubeTestServer runs no controllers, so a Deployment never becomes available: `--wait` times out.
    @Test(.timeLimit(.minutes(2)))
    func testWaitTimeout_marksFailed_andAtomicUninstalls() async throws {
        try await ReleaseTestCluster.with { cluster in
            let waited = try await cluster.run(["install", "demo", Self.chart, "--wait", "--timeout", "1s"] + Self.ns)
            #expect(waited.status == 1)
            #expect(waited.stderr.hasPrefix("Error: INSTALLATION FAILED: "))
            #expect(waited.stderr.contains("demo-hello"))
            #expect(waited.stderr.split(separator: "\n").count == 1)
            let status = try await cluster.run(["status", "demo"] + Self.ns)
            #expect(status.stdout.contains("STATUS: failed\n"))

            let atomic = try await cluster.run(["install", "other", Self.chart, "--atomic", "--timeout", "1s"] + Self.ns)
            #expect(atomic.status == 1)
            #expect(atomic.stderr.hasPrefix("Error: INSTALLATION FAILED: "))
            let listed = try await cluster.run(["list", "-q", "-a"] + Self.ns)
            #expect(listed.stdout == "demo\n")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func testUpgradeValues_reuseAndReset() async throws {
        try await ReleaseTestCluster.with { cluster in
            _ = try await cluster.run(["install", "demo", Self.chart, "--set", "greeting=hi"] + Self.ns)
            let reuse = try await cluster.run(
                ["upgrade", "demo", Self.chart, "--reuse-values", "--set", "replicaCount=2"] + Self.ns)
            #expect(reuse.status == 0, "\(reuse.stderr)")
            let reused = try await cluster.run(["get", "values", "demo", "-o", "json"] + Self.ns)
            #expect(try JSONValue(parsing: reused.stdout) == ["greeting": "hi", "replicaCount": 2])
            let reset = try await cluster.run(["upgrade", "demo", Self.chart, "--reset-values"] + Self.ns)
            #expect(reset.status == 0, "\(reset.stderr)")
            let none = try await cluster.run(["get", "values", "demo"] + Self.ns)
            #expect(none.stdout == "USER-SUPPLIED VALUES:\nnull\n")
            let labelled = try await cluster.run(
                ["upgrade", "demo", Self.chart, "--labels", "team=blue,tier=web", "--description", "by hand"] + Self.ns)
            #expect(labelled.stdout.contains("DESCRIPTION: by hand\n"))
            let metadata = try await cluster.run(["get", "metadata", "demo"] + Self.ns)
            #expect(metadata.stdout.contains("LABELS: team=blue,tier=web\n"))
            #expect(metadata.stdout.contains("APPLY_METHOD: server-side apply\n"))
        }
    }

    /// `test` runs the chart's test hooks and prints the status with their results; a Pod never completes on
    /// KubeTestServer (no kubelet), so it fails by timeout, and Helm's report is still printed before the error.
    @Test(.timeLimit(.minutes(2)))
    func testTest_reportsEachTestHook() async throws {
        let chart = "Tests/FluxhelmCLITests/Fixtures/charts/tested"
        try await ReleaseTestCluster.with { cluster in
            let install = try await cluster.run(["install", "tested", chart] + Self.ns)
            #expect(install.status == 0, "\(install.stderr)")
            #expect(install.stdout.hasSuffix("DESCRIPTION: Install complete\n"))  // tests not run yet: no TEST SUITE

            let passed = try await cluster.run(["test", "tested", "--filter", "name=tested-config-check"] + Self.ns)
            #expect(passed.status == 0, "\(passed.stderr)")
            #expect(passed.stdout.contains("TEST SUITE:     tested-config-check\nLast Started:   "))
            #expect(passed.stdout.hasSuffix("Phase:          Succeeded\n"))

            let failed = try await cluster.run(
                ["test", "tested", "--filter", "!name=tested-config-check", "--timeout", "1s"] + Self.ns)
            #expect(failed.status == 1)
            #expect(failed.stdout.contains("TEST SUITE:     tested-check\n"))
            #expect(failed.stdout.contains("Phase:          Failed\n"))
            #expect(failed.stderr.hasPrefix("Error: ") && failed.stderr.contains("Pod \"tested-check\""))
            #expect(failed.stderr.split(separator: "\n").count == 1)
        }
    }
}
