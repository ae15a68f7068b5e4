import HelmRepo
import Testing

struct RepositoryIndexTests {
    static let sample = """
        apiVersion: v1
        entries:
          nginx:
          - name: nginx
            version: 1.2.0
            appVersion: "1.25"
            urls: [nginx-1.2.0.tgz]
            digest: sha256:ABCDEF
            created: "2026-01-02T00:00:00Z"
          - name: nginx
            version: 1.10.0
            urls: [nginx-1.10.0.tgz]
          - name: nginx
            version: 2.0.0-rc.1
            urls: [nginx-2.0.0-rc.1.tgz]
          - name: nginx
            version: 1.9.0
            urls: [nginx-1.9.0.tgz]
            deprecated: true
          - ~
          - name: nginx
            version: not-a-version
            urls: [bad.tgz]
          - name: nginx
            urls: [noversion.tgz]
          - name: nginx
            version: 3.0.0
            type: plugin
          - name: nginx
            version: 4.0.0
            dependencies:
            - name: common
              alias: "bad alias!"
          redis:
          - name: redis
            version: "7.0"
            urls: [https://other.example.com/redis-7.0.tgz]
        generated: "2026-01-03T00:00:00Z"
        """

    @Test func testInit_skipsInvalidEntriesWithWarnings() throws {
        let index = try RepositoryIndex(yaml: Self.sample, source: "test/index.yaml")
        #expect(index.entries["nginx"]?.map(\.version) == ["2.0.0-rc.1", "1.10.0", "1.9.0", "1.2.0"])
        #expect(index.warnings.count == 5)
        #expect(index.warnings.contains { $0.contains("empty entry") })
        #expect(index.warnings.contains { $0.contains(#"chart.metadata.version "not-a-version" is invalid"#) })
        #expect(index.warnings.contains { $0.contains("chart.metadata.version is required") })
        #expect(index.warnings.contains { $0.contains("chart.metadata.type must be application or library") })
        #expect(index.warnings.contains { $0.contains("disallowed characters in the alias") })
        let first = try #require(index.entries["nginx"]?.last)
        #expect(first.digest == "abcdef")
        #expect(first.appVersion == "1.25")
        #expect(first.apiVersion == "v1")
        #expect(index.entries["nginx"]?[2].deprecated == true)
    }

    @Test(arguments: [
        ("", false, "1.10.0"),  // latest release: prereleases skipped
        ("", true, "2.0.0-rc.1"),  // --devel
        ("^1.2", false, "1.10.0"),
        ("~1.9", false, "1.9.0"),
        ("1.2.0", false, "1.2.0"),
        ("2.0.0-rc.1", false, "2.0.0-rc.1"),  // exact text wins even for a prerelease
        (">=1.0.0-0", false, "2.0.0-rc.1"),
        ("<1.9", false, "1.2.0"),
        ("1.2", false, "1.2.0"),  // 1.2 means 1.2.x
    ])
    func testResolve_picksAsHelm(version: String, devel: Bool, expected: String) throws {
        let index = try RepositoryIndex(yaml: Self.sample, source: "test")
        #expect(try index.resolve("nginx", version: version, devel: devel).version == expected)
    }

    @Test func testResolve_noSatisfyingVersion_usesHelmMessage() throws {
        let index = try RepositoryIndex(yaml: Self.sample, source: "test")
        let error = #expect(throws: RepoError.self) {
            try index.resolve("nginx", version: "^9", repositoryURL: "https://charts.example.com")
        }
        #expect(error?.code == .versionNotFound)
        #expect(error?.message == #"chart "nginx" version "^9" not found in https://charts.example.com repository"#)
    }

    @Test func testResolve_unknownChart_usesHelmMessage() throws {
        let index = try RepositoryIndex(yaml: Self.sample, source: "test")
        let error = #expect(throws: RepoError.self) { try index.resolve("x", repositoryURL: "https://r.example") }
        #expect(error?.code == .chartNotFound)
        #expect(error?.message == #"chart "x" not found in https://r.example repository"#)
    }

    @Test func testResolve_invalidConstraint_reportsNotFoundWithCause() throws {
        let index = try RepositoryIndex(yaml: Self.sample, source: "test")
        let error = #expect(throws: RepoError.self) { try index.resolve("nginx", version: "foo bar") }
        #expect(error?.code == .versionNotFound)
        #expect(error?.cause != nil)
    }

    @Test(arguments: [
        ("", "empty index.yaml file"),
        ("entries: {}\n", "no API version specified"),
        ("- a\n- b\n", "not a mapping"),
        ("apiVersion: v1\nentries: [1]\n", "entries is not a mapping"),
        ("apiVersion: v1\nentries:\n  a: 3\n", "entries.a is not a list"),
        ("apiVersion: v1\nentries: {a: [\n", "not valid YAML"),
    ])
    func testInit_badIndex_namesSource(yaml: String, fragment: String) {
        let error = #expect(throws: RepoError.self) { try RepositoryIndex(yaml: yaml, source: "https://x/index.yaml") }
        #expect(error?.code == .badIndex)
        #expect(error?.message.contains("https://x/index.yaml") == true)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }

    @Test func testLockDigest_matchesHelmWrittenChartLock() {
        // bitnami-nginx's Chart.yaml dependency and the Chart.lock Helm wrote for it (conformance kit charts).
        let requested = [
            DependencyRequest(
                name: "common",
                version: "2.x.x",
                repository: "oci://registry-1.docker.io/bitnamicharts",
                tags: ["bitnami-common"]
            )
        ]
        let locked = [
            DependencyLock.Entry(
                name: "common", version: "2.31.4", repository: "oci://registry-1.docker.io/bitnamicharts")
        ]
        #expect(
            DependencyLock.digest(requested: requested, locked: locked)
                == "sha256:fc442e77200e1914dd46fe26490dcf62f44caa51db673c2f8e67d5319cd4c163"
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func testResolve_tenThousandEntries() throws {
        // The benchmark scenario: parse an index of 10,000 chart versions and resolve a constraint.
        var text = "apiVersion: v1\nentries:\n  big:\n"
        for major in 0..<100 {
            for minor in 0..<100 {
                text += "  - name: big\n    version: \(major).\(minor).0\n    urls: [big-\(major).\(minor).0.tgz]\n"
                text += "    digest: 0123456789abcdef\n"
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        let index = try RepositoryIndex(yaml: text, source: "bench")
        let parsed = clock.now
        let chosen = try index.resolve("big", version: ">=42.5.0 <42.50.0 || ~7.3")
        let resolved = clock.now
        #expect(index.entries["big"]?.count == 10_000)
        #expect(chosen.version == "42.49.0")
        print("10k-entry index (debug build): parse \(parsed - start), resolve \(resolved - parsed)")
    }
}
