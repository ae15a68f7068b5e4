import Foundation
import KubeAPI
import HelmRelease
import KubeTestServer
import Testing

/// `list`, `history`, `status` and `get` against records in KubeTestServer. What Helm makes of the same records
/// (which releases, their order, values, manifests) comes from the oracle (`scripts/helm-release-fixture.py read`,
/// committed as Fixtures/releases/helm-view-*.json); table layouts follow Helm's printer rules (uitable: every
/// cell padded to its column, tab-separated) and are spelled out here.
struct ReleaseReadCommandTests {
    private static let ns = ["-n", "ns"]

    /// `list -o json` as (name, status, revision, chart, app_version) rows.
    private func listed(_ output: String) throws -> [[String]] {
        try (JSONValue(parsing: output).arrayValue ?? []).map { item in
            ["name", "status", "revision", "chart", "app_version"].map { item[$0]?.stringValue ?? "?" }
        }
    }

    /// The same rows from an oracle list.
    private func oracleRows(_ list: JSONValue?) -> [[String]] {
        (list?.arrayValue ?? []).map { item in
            [
                item["name"]?.stringValue ?? "", item["status"]?.stringValue ?? "",
                item["revision"].map { "\($0.intValue ?? 0)" } ?? "",
                "\(item["chart_name"]?.stringValue ?? "")-\(item["chart_version"]?.stringValue ?? "")",
                item["app_version"]?.stringValue ?? "",
            ]
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testList_sameReleasesAndOrderAsHelm() async throws {
        let view = try helmView("helm-view-listing.json")["secret"]
        try await ReleaseTestCluster.with(records: try listingRecords()) { cluster in
            let all = try await cluster.run(["list", "-o", "json"] + Self.ns)
            #expect(all.status == 0, "\(all.stderr)")
            #expect(try listed(all.stdout) == oracleRows(view?["list"]))
            #expect(try listed(all.stdout).count == 4)

            let filtered = try await cluster.run(["list", "-o", "json", "--filter", "l[pt]"] + Self.ns)
            #expect(try listed(filtered.stdout) == oracleRows(view?["list_filter"]))

            let page = try await cluster.run(["list", "-o", "json", "--max", "2", "--offset", "1"] + Self.ns)
            #expect(try listed(page.stdout) == oracleRows(view?["list_page"]))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testList_table_helmsLayoutAndTimes() async throws {
        try await ReleaseTestCluster.with(records: try listingRecords()) { cluster in
            let result = try await cluster.run(["list"] + Self.ns)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stdout == """
                    NAME \tNAMESPACE\tREVISION\tUPDATED                                \tSTATUS         \tCHART     \tAPP VERSION
                    alpha\tns       \t2       \t2026-03-02 11:30:00.123456789 +0000 UTC\tdeployed       \tdemo-0.3.0\t2.1        
                    beta \tns       \t1       \t2026-02-01 09:00:00 +0000 UTC          \tfailed         \tdemo-0.3.0\t2.1        
                    delta\tns       \t1       \t2026-04-01 00:00:00 +0000 UTC          \tpending-install\tdemo-0.3.0\t2.1        
                    gamma\tns       \t1       \t2026-01-15 08:00:00 +0200 +0200        \tuninstalled    \tdemo-0.3.0\t2.1        

                    """)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testList_stateFlagsSortingAndShortForms() async throws {
        try await ReleaseTestCluster.with(records: try listingRecords()) { cluster in
            let failedOrPending = try await cluster.run(["list", "-q", "--failed", "--pending"] + Self.ns)
            #expect(failedOrPending.stdout == "beta\ndelta\n")
            // Only --superseded lists every superseded revision, not just latest ones.
            let superseded = try await cluster.run(["list", "--superseded", "-o", "json"] + Self.ns)
            #expect(try listed(superseded.stdout).map { $0[0] + "." + $0[2] } == ["alpha.1"])
            let byDate = try await cluster.run(["list", "-q", "-d"] + Self.ns)
            #expect(byDate.stdout == "gamma\nbeta\nalpha\ndelta\n")
            let byDateReversed = try await cluster.run(["list", "-q", "-d", "-r"] + Self.ns)
            #expect(byDateReversed.stdout == "delta\nalpha\nbeta\ngamma\n")
            let reversed = try await cluster.run(["list", "-q", "-r", "-o", "json"] + Self.ns)
            #expect(reversed.stdout == "[\"gamma\",\"delta\",\"beta\",\"alpha\"]\n")
            let yaml = try await cluster.run(["list", "-q", "--deployed", "-o", "yaml"] + Self.ns)
            #expect(yaml.stdout == "- alpha\n")
            let full = try await cluster.run(["list", "--failed", "-o", "yaml"] + Self.ns)
            #expect(
                full.stdout == """
                    - app_version: "2.1"
                      chart: demo-0.3.0
                      name: beta
                      namespace: ns
                      revision: "1"
                      status: failed
                      updated: 2026-02-01 09:00:00 +0000 UTC

                    """)
            let noHeaders = try await cluster.run(
                ["list", "--no-headers", "--deployed", "--time-format", "2006-01-02"] + Self.ns)
            #expect(noHeaders.stdout == "alpha\tns\t2\t2026-03-02\tdeployed\tdemo-0.3.0\t2.1\n")
            let otherNamespace = try await cluster.run(["list", "-n", "default"])
            #expect(otherNamespace.stdout.hasPrefix("NAME\tNAMESPACE\t") && !otherNamespace.stdout.contains("alpha"))
            let everywhere = try await cluster.run(["list", "-A", "-q", "-n", "default"])
            #expect(everywhere.stdout == "alpha\nbeta\ndelta\ngamma\n")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testHistory_matchesHelm() async throws {
        let view = try helmView("helm-view-listing.json")["secret"]?["alpha"]?["history"]
        try await ReleaseTestCluster.with(records: try listingRecords()) { cluster in
            let table = try await cluster.run(["history", "alpha"] + Self.ns)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(
                table.stdout == """
                    REVISION\tUPDATED                 \tSTATUS    \tCHART     \tAPP VERSION\tDESCRIPTION     
                    1       \tSun Mar  1 10:00:00 2026\tsuperseded\tdemo-0.3.0\t2.1        \tInstall complete
                    2       \tMon Mar  2 11:30:00 2026\tdeployed  \tdemo-0.3.0\t2.1        \tUpgrade complete

                    """)
            let json = try await cluster.run(["history", "alpha", "-o", "json"] + Self.ns)
            let items = try JSONValue(parsing: json.stdout).arrayValue ?? []
            let oracle = view?.arrayValue ?? []
            #expect(items.map { $0["revision"]?.intValue } == oracle.map { $0["revision"]?.intValue })
            #expect(items.map { $0["status"]?.stringValue } == oracle.map { $0["status"]?.stringValue })
            #expect(
                json.stdout.hasPrefix(
                    "[{\"revision\":1,\"updated\":\"2026-03-01T10:00:00.5Z\",\"status\":\"superseded\","
                        + "\"chart\":\"demo-0.3.0\",\"app_version\":\"2.1\",\"description\":\"Install complete\"}"))
            let yaml = try await cluster.run(["history", "alpha", "--max", "1", "-o", "yaml"] + Self.ns)
            #expect(
                yaml.stdout == """
                    - app_version: "2.1"
                      chart: demo-0.3.0
                      description: Upgrade complete
                      revision: 2
                      status: deployed
                      updated: "2026-03-02T11:30:00.123456789Z"

                    """)
            let newest = try await cluster.run(["history", "alpha", "--max", "1", "-o", "json"] + Self.ns)
            #expect((try JSONValue(parsing: newest.stdout).arrayValue ?? []).map { $0["revision"]?.intValue } == [2])
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testGetValues_matchesHelm() async throws {
        let view = try helmView("helm-view-listing.json")["secret"]
        try await ReleaseTestCluster.with(records: try listingRecords()) { cluster in
            for name in ["alpha", "beta", "gamma"] {
                let user = try await cluster.run(["get", "values", name, "-o", "json"] + Self.ns)
                #expect(user.status == 0, "\(user.stderr)")
                let expectedUser = view?[name]?["values"]
                #expect(try JSONValue(parsing: user.stdout) == (expectedUser ?? .null), "\(name)")
                let all = try await cluster.run(["get", "values", name, "--all", "-o", "json"] + Self.ns)
                #expect(try JSONValue(parsing: all.stdout) == view?[name]?["values_all"], "\(name)")
            }
            let table = try await cluster.run(["get", "values", "gamma"] + Self.ns)
            #expect(table.stdout == "USER-SUPPLIED VALUES:\nimage:\n  pull: null\n  tag: v1\n")
            let none = try await cluster.run(["get", "values", "beta"] + Self.ns)
            #expect(none.stdout == "USER-SUPPLIED VALUES:\nnull\n")
            let computed = try await cluster.run(["get", "values", "gamma", "-a"] + Self.ns)
            #expect(computed.stdout == "COMPUTED VALUES:\nimage:\n  tag: v1\nreplicas: 1\n")
            let revision = try await cluster.run(["get", "values", "alpha", "--revision", "1", "-o", "yaml"] + Self.ns)
            #expect(revision.stdout == "replicas: 2\n")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testStatusAndGet_recordsWrittenByHelm() async throws {
        let view = try helmView("helm-view-rel.json")["secret"]?["rel"]
        let records = ["helm-secret-rel-v1.json", "helm-secret-rel-v2.json"].map {
            ReleaseTestCluster.helmRecords.appendingPathComponent($0)
        }
        try await ReleaseTestCluster.with(records: records) { cluster in
            let status = try await cluster.run(["status", "rel"] + Self.ns)
            #expect(status.status == 0, "\(status.stderr)")
            #expect(
                status.stdout == """
                    NAME: rel
                    LAST DEPLOYED: Fri Nov 20 23:55:08 2026
                    NAMESPACE: ns
                    STATUS: deployed
                    REVISION: 2
                    DESCRIPTION: second
                    TEST SUITE: None
                    NOTES:
                    Thank you for installing fixture as rel — ¡hola!

                    """)
            let first = try await cluster.run(["status", "rel", "--revision", "1", "-o", "json"] + Self.ns)
            let json = try JSONValue(parsing: first.stdout)
            #expect(json["version"]?.intValue == 1 && json["info"]?["status"]?.stringValue == "superseded")
            #expect(json["chart"] == nil)
            #expect(json["config"]?["greeting"]?.stringValue == "hi")

            let manifest = try await cluster.run(["get", "manifest", "rel"] + Self.ns)
            #expect(manifest.stdout == (view?["status"]?["manifest"]?.stringValue ?? "?") + "\n")
            let notes = try await cluster.run(["get", "notes", "rel"] + Self.ns)
            #expect(notes.stdout == "NOTES:\n" + (view?["status"]?["notes"]?.stringValue ?? "?") + "\n")
            let hooks = try await cluster.run(["get", "hooks", "rel"] + Self.ns)
            let hook = view?["all"]?["hooks"]?.arrayValue?.first
            #expect(
                hooks.stdout
                    == "---\n# Source: \(hook?["path"]?.stringValue ?? "?")\n"
                    + "\(hook?["manifest"]?.stringValue ?? "?")\n")
            let values = try await cluster.run(["get", "values", "rel", "-o", "json"] + Self.ns)
            #expect(try JSONValue(parsing: values.stdout) == view?["values"])

            let metadata = try await cluster.run(["get", "metadata", "rel"] + Self.ns)
            #expect(
                metadata.stdout == """
                    NAME: rel
                    CHART: fixture
                    VERSION: 1.2.3
                    APP_VERSION: 4.5.6
                    ANNOTATIONS: example.com/team=núcleo
                    LABELS: team=blue
                    DEPENDENCIES: 
                    NAMESPACE: ns
                    REVISION: 2
                    STATUS: deployed
                    DEPLOYED_AT: 2026-11-20T23:55:08Z
                    APPLY_METHOD: server-side apply

                    """)

            let selected = try await cluster.run(["list", "-q", "-l", "team in (red,blue)"] + Self.ns)
            #expect(selected.stdout == "rel\n")
            let excluded = try await cluster.run(["list", "-q", "--selector", "team!=blue"] + Self.ns)
            #expect(excluded.stdout.isEmpty)

            let template = "{{.Release.Name}}-{{.Release.Version}} {{.Release.Info.Status}} "
                + "{{.Release.Chart.Metadata.Version}} {{.Release.Config.greeting}} {{len .Release.Hooks}}"
            let templated = try await cluster.run(["get", "all", "rel", "--template", template] + Self.ns)
            #expect(templated.stdout == "rel-2 deployed 1.2.3 bonjour 1")
            let broken = try await cluster.run(["get", "all", "rel", "--template", "{{.Release.Name"] + Self.ns)
            #expect(broken.status == 1 && broken.stderr.hasPrefix("Error: template: _:1:"))

            let all = try await cluster.run(["get", "all", "rel"] + Self.ns)
            #expect(all.stdout.hasPrefix("NAME: rel\nLAST DEPLOYED: Fri Nov 20 23:55:08 2026\nNAMESPACE: ns\n"))
            #expect(all.stdout.contains("CHART: fixture\nVERSION: 1.2.3\nAPP_VERSION: 4.5.6\nDESCRIPTION: second\n"))
            #expect(all.stdout.contains("USER-SUPPLIED VALUES:\ngreeting: bonjour\n\nCOMPUTED VALUES:\n"))
            #expect(all.stdout.contains("HOOKS:\n---\n# Source: fixture/templates/hook.yaml\n"))
            #expect(all.stdout.contains("MANIFEST:\n---\n# Source: fixture/templates/configmap.yaml\n"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testConfigMapStorage_readsHelmsConfigMapRecords() async throws {
        let record = ReleaseTestCluster.helmRecords.appendingPathComponent("helm-configmap-cmrel-v1.json")
        try await ReleaseTestCluster.with(records: [record]) { cluster in
            let secrets = try await cluster.run(["list", "-q"] + Self.ns)
            #expect(secrets.stdout.isEmpty)
            let flag = try await cluster.run(["list", "-q", "--storage", "configmap"] + Self.ns)
            #expect(flag.stdout == "cmrel\n")
            let environment = try await cluster.run(["history", "cmrel", "-o", "json"] + Self.ns,
                environment: ["HELM_DRIVER": "configmap"])
            #expect((try JSONValue(parsing: environment.stdout).arrayValue ?? []).count == 1)
            let unknown = try await cluster.run(["list", "--storage", "sql"] + Self.ns)
            #expect(unknown.status == 1 && unknown.stderr == "Error: unknown driver \"sql\"\n")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testMissingRelease_failsWithOneLineNamingIt() async throws {
        try await ReleaseTestCluster.with(records: try listingRecords()) { cluster in
            for command in [["status", "nope"], ["history", "nope"], ["get", "values", "nope"]] {
                let result = try await cluster.run(command + Self.ns)
                #expect(result.status == 1)
                #expect(result.stdout.isEmpty)
                #expect(result.stderr == "Error: release: not found: release \"nope\" in namespace \"ns\"\n")
            }
            let revision = try await cluster.run(["get", "manifest", "alpha", "--revision", "9"] + Self.ns)
            #expect(revision.stderr == "Error: release: not found: release \"alpha\" revision 9 in namespace \"ns\"\n")
            let invalid = try await cluster.run(["status", "Not_Valid"] + Self.ns)
            #expect(invalid.stderr == "Error: releaseContent: Release name is invalid: Not_Valid\n")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testClusterFlags_apiserverWithoutKubeconfig_andUnknownContext() async throws {
        try await ReleaseTestCluster.with(records: try listingRecords()) { cluster in
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("fluxhelm-home-\(UUID())")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: home) }
            let environment = ["HOME": home.path, "KUBECONFIG": ""]
            let direct = try await runFluxhelmAsync(
                ["list", "-q", "--deployed", "--kube-apiserver", cluster.server.baseURL, "--kube-token", "t"] + Self.ns,
                environment: environment)
            #expect(direct.status == 0, "\(direct.stderr)")
            #expect(direct.stdout == "alpha\n")
            let context = try await cluster.run(["list", "--kube-context", "elsewhere"] + Self.ns)
            #expect(context.status == 1)
            #expect(context.stderr.hasPrefix("Error: ") && context.stderr.contains("elsewhere"))
            #expect(context.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testCorruptedRecord_namedInOneLine_otherRevisionsStillReadable() async throws {
        let corrupted = ReleaseRecord(
            kind: .secret, name: "sh.helm.release.v1.alpha.v3", namespace: "ns",
            labels: ["name": "alpha", "owner": "helm", "status": "deployed", "version": "3"], body: "%%% not a record")
        try await ReleaseTestCluster.with(records: try listingRecords(), extra: [corrupted]) { cluster in
            let direct = try await cluster.run(["get", "values", "alpha", "--revision", "3"] + Self.ns)
            #expect(direct.status == 1)
            #expect(direct.stderr.hasPrefix("Error: ") && direct.stderr.contains("sh.helm.release.v1.alpha.v3"))
            #expect(direct.stderr.split(separator: "\n").count == 1)
            // Lists skip the unreadable record, as Helm's drivers do, so the release stays usable.
            let history = try await cluster.run(["history", "alpha", "-o", "json"] + Self.ns)
            let revisions = (try JSONValue(parsing: history.stdout).arrayValue ?? []).map { $0["revision"]?.intValue }
            #expect(revisions == [1, 2])
        }
    }
}
