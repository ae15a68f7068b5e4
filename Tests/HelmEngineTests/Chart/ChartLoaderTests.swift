import Foundation
import GoTemplate
import Testing

@testable import HelmEngine

struct ChartLoaderTests {
    private func tarDirectory(_ directory: String, name: String, into output: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/tar")
        process.arguments = ["-czf", output, "-C", directory, name]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    private func minimalChart(_ directory: TemporaryDirectory, _ prefix: String = "", name: String = "c") {
        directory.write(prefix + "Chart.yaml", "apiVersion: v2\nname: \(name)\nversion: 0.1.0\n")
    }

    @Test func testLoadDirectory_sortsFilesLikeHelm() throws {
        let chart = try ChartLoader().load(path: Fixtures.chart("deps"))
        #expect(chart.name == "deps")
        #expect(chart.metadata.dependencies.map(\.name) == ["sub", "sub", "other", "lib"])
        #expect(chart.dependencies.map(\.name).sorted() == ["lib", "other", "sub"])
        let sub = try #require(chart.dependencies.first { $0.name == "sub" })
        #expect(sub.dependencies.map(\.name) == ["leaf"])
        #expect(chart.templates.map(\.name) == ["templates/values.yaml"])
        #expect(chart.files.isEmpty)
        #expect(chart.valuesText?.hasPrefix("global:") == true)
        let lib = try #require(chart.dependencies.first { $0.name == "lib" })
        #expect(lib.isLibrary)
    }

    @Test func testLoadArchive_sameAsDirectory() throws {
        let directory = TemporaryDirectory()
        let archive = directory.path + "/deps-1.0.0.tgz"
        try tarDirectory(Fixtures.root + "/charts", name: "deps", into: archive)
        let chart = try ChartLoader().load(path: archive)
        let fromDirectory = try ChartLoader().load(path: Fixtures.chart("deps"))
        #expect(chart.metadata == fromDirectory.metadata)
        #expect(chart.templates == fromDirectory.templates)
        #expect(chart.dependencies.map(\.name).sorted() == fromDirectory.dependencies.map(\.name).sorted())
    }

    @Test func testLoadDirectory_subchartArchiveInCharts() throws {
        let directory = TemporaryDirectory()
        minimalChart(directory, "parent/", name: "parent")
        minimalChart(directory, "build/sub/", name: "sub")
        directory.write("build/sub/templates/a.yaml", "a: 1\n")
        try FileManager.default.createDirectory(
            atPath: directory.path + "/parent/charts", withIntermediateDirectories: true)
        try tarDirectory(directory.path + "/build", name: "sub", into: directory.path + "/parent/charts/sub-0.1.0.tgz")
        directory.write("parent/charts/sub-0.1.0.tgz.prov", "signature")
        let chart = try ChartLoader().load(path: directory.path + "/parent")
        #expect(chart.dependencies.map(\.name) == ["sub"])
        let sub = try #require(chart.dependencies.first)
        #expect(sub.templates.map(\.name) == ["templates/a.yaml"])
        #expect(chart.files.map(\.name) == ["charts/sub-0.1.0.tgz.prov"])
    }

    @Test func testLoad_v1RequirementsAreDependenciesAndFiles() throws {
        let directory = TemporaryDirectory()
        directory.write("Chart.yaml", "name: old\nversion: 1.0.0\n")
        directory.write("requirements.yaml", "dependencies:\n- name: x\n  version: 1.0.0\n  repository: https://e\n")
        directory.write("requirements.lock", "dependencies: []\ndigest: sha256:abc\n")
        let chart = try ChartLoader().load(path: directory.path)
        #expect(chart.metadata.apiVersion == "v1")
        #expect(chart.metadata.dependencies.map(\.name) == ["x"])
        #expect(chart.lock?.digest == "sha256:abc")
        #expect(chart.files.map(\.name).sorted() == ["requirements.lock", "requirements.yaml"])
    }

    @Test func testLoad_metadataConversions() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "Chart.yaml",
            "apiVersion: v2\nname: m\nversion: 1.0\nappVersion: 1.10\ndescription: 12345678901\nhome: yes\n"
                + "keywords: [1, true, x]\nannotations: {a: 1, b: true}\nunknownField: ignored\n")
        let metadata = try ChartLoader().load(path: directory.path).metadata
        // What Helm shows for the same Chart.yaml (probed with the oracle).
        #expect(metadata.version == "1")
        #expect(metadata.appVersion == "1.1")
        #expect(metadata.description == "12345678901")
        #expect(metadata.home == "true")
        #expect(metadata.keywords == ["1", "true", "x"])
        #expect(metadata.annotations == ["a": "1", "b": "true"])
    }

    @Test func testLoad_missingPath() throws {
        let error = try #require(throws: ChartError.self) { try ChartLoader().load(path: "/nonexistent/chart") }
        #expect(error.code == .notFound)
        #expect(error.message == "stat /nonexistent/chart: no such file or directory")
    }

    @Test func testLoad_missingChartYaml() throws {
        let directory = TemporaryDirectory()
        directory.write("values.yaml", "a: 1\n")
        let error = try #require(throws: ChartError.self) { try ChartLoader().load(path: directory.path) }
        #expect(error.message == "\(directory.path): Chart.yaml file is missing")
    }

    @Test func testLoad_subchartWithoutChartYaml() throws {
        let directory = TemporaryDirectory()
        minimalChart(directory, name: "parent")
        directory.write("charts/sub/values.yaml", "a: 1\n")
        let error = try #require(throws: ChartError.self) { try ChartLoader().load(path: directory.path) }
        #expect(
            error.message == "\(directory.path): error unpacking subchart sub in parent: Chart.yaml file is missing")
        #expect(error.path == directory.path)
    }

    @Test(arguments: [
        ("apiVersion: v2\nname: m\nversion: abc\n", "validation: chart.metadata.version \"abc\" is invalid"),
        ("apiVersion: v2\nversion: 1.0.0\n", "validation: chart.metadata.name is required"),
        ("apiVersion: v2\nname: m\n", "validation: chart.metadata.version is required"),
        ("apiVersion: v2\nname: a/b\nversion: 1.0.0\n", "validation: chart.metadata.name \"a/b\" is invalid"),
        ("apiVersion: v2\nname: ..\nversion: 1.0.0\n", "validation: chart.metadata.name \"..\" is not allowed"),
        (
            "apiVersion: v2\nname: m\nversion: 1.0.0\ntype: app\n",
            "validation: chart.metadata.type must be application or library"
        ),
        (
            "apiVersion: v2\nname: m\nversion: 1.0.0\ndeprecated: \"yes\"\n",
            "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go "
                + "struct field Metadata.deprecated of type bool"
        ),
        (
            "apiVersion: v2\nname: m\nversion: 1.0.0\ndependencies:\n- name: a\n  alias: x\n- name: b\n  alias: x\n",
            "validation: more than one dependency with name or alias \"x\""
        ),
        (
            "apiVersion: v2\nname: m\nversion: 1.0.0\ndependencies:\n- name: a\n  alias: bad.alias\n",
            "validation: dependency \"a\" has disallowed characters in the alias"
        ),
        (
            "apiVersion: v2\nname: m\nversion: 1.0.0\nmaintainers:\n- null\n",
            "validation: maintainers must not contain empty or null nodes"
        ),
    ])
    func testLoad_invalidChartYaml(chartYaml: String, message: String) throws {
        let directory = TemporaryDirectory()
        directory.write("Chart.yaml", chartYaml)
        let error = try #require(throws: ChartError.self) { try ChartLoader().load(path: directory.path) }
        #expect(error.message == "\(directory.path): \(message)")
    }

    @Test func testLoad_valuesNotAMap() throws {
        let directory = TemporaryDirectory()
        minimalChart(directory)
        directory.write("values.yaml", "- a\n- b\n")
        let error = try #require(throws: ChartError.self) { try ChartLoader().load(path: directory.path) }
        #expect(error.code == .invalidValues)
        #expect(
            error.message == "\(directory.path): cannot load values.yaml: cannot unmarshal yaml document: error "
                + "unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"
        )
    }

    @Test func testLoad_valuesMultiDocumentMerged() throws {
        let directory = TemporaryDirectory()
        minimalChart(directory)
        directory.write("values.yaml", "a: {first: 1}\n---\na: {second: 2}\nb: 3\n")
        let chart = try ChartLoader().load(path: directory.path)
        guard case .map(let a, _)? = chart.values["a"] else {
            Issue.record("a is not a map")
            return
        }
        #expect(a.keys.sorted() == ["first", "second"])
        #expect(chart.values["b"] != nil)
    }

    @Test func testLoadArchive_notGzip() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("chart.yaml", "apiVersion: v2\n")
        let error = try #require(throws: ChartError.self) { try ChartLoader().load(path: path) }
        #expect(error.message == "file '\(path)' seems to be a YAML file, but expected a gzipped archive")
        let other = directory.write("chart.tgz", "plain text")
        let otherError = try #require(throws: ChartError.self) { try ChartLoader().load(path: other) }
        #expect(otherError.message == "file '\(other)' does not appear to be a gzipped archive")
    }

    @Test func testLoadArchive_errorsNameTheArchive() throws {
        let directory = TemporaryDirectory()
        var tar = TarBuilder()
        tar.add("broken/values.yaml", "a: 1\n")
        let path = directory.write("broken-0.1.0.tgz", tar.tgz)
        let error = try #require(throws: ChartError.self) { try ChartLoader().load(path: path) }
        #expect(error.message == "\(path): Chart.yaml file is missing")
    }

    @Test func testLoadDirectory_fileTooLarge() throws {
        let directory = TemporaryDirectory()
        minimalChart(directory)
        directory.write("big.bin", [UInt8](repeating: 1, count: 5000))
        let error = try #require(throws: ChartError.self) {
            try ChartLoader(limits: ArchiveLimits(maxFileSize: 4096)).load(path: directory.path)
        }
        #expect(error.message == "chart file \"big.bin\" is larger than the maximum file size 4096")
    }

    @Test func testLoadDirectory_skipsUnderscoreAndDotSubcharts() throws {
        let directory = TemporaryDirectory()
        minimalChart(directory, name: "p")
        directory.write("charts/_ignored/Chart.yaml", "bad: [")
        directory.write("charts/.hidden/Chart.yaml", "bad: [")
        let chart = try ChartLoader().load(path: directory.path)
        #expect(chart.dependencies.isEmpty)
    }

    @Test func testAllCRDs_includesSubchartsWithPaths() throws {
        let directory = TemporaryDirectory()
        minimalChart(directory, name: "p")
        directory.write("crds/a.yaml", "kind: CustomResourceDefinition\n")
        directory.write("crds/notes.txt", "not a crd")
        minimalChart(directory, "charts/s/", name: "s")
        directory.write("charts/s/crds/b.YML", "kind: CustomResourceDefinition\n")
        let chart = try ChartLoader().load(path: directory.path)
        #expect(chart.allCRDs().map(\.path) == ["p/crds/a.yaml", "p/charts/s/crds/b.YML"])
    }
}

struct ChartLoaderSymlinkTests {
    @Test func testLoadDirectory_followsSymbolicLinks() throws {
        let directory = TemporaryDirectory()
        directory.write("real/Chart.yaml", "apiVersion: v2\nname: linked\nversion: 0.1.0\n")
        directory.write("shared/values.yaml", "a: 1\n")
        try FileManager.default.createDirectory(atPath: directory.path + "/chart", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/chart/Chart.yaml", withDestinationPath: directory.path + "/real/Chart.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/chart/values.yaml", withDestinationPath: directory.path + "/shared/values.yaml")
        let chart = try ChartLoader().load(path: directory.path + "/chart")
        #expect(chart.name == "linked")
        #expect(chart.values["a"] != nil)
    }
}
