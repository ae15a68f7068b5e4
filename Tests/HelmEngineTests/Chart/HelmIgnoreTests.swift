import Foundation
import Testing

@testable import HelmEngine

struct HelmIgnoreTests {
    @Test(arguments: [
        ("*.bak", "dir/file.bak", false, true),
        ("*.bak", "file.txt", false, false),
        ("/top.txt", "top.txt", false, true),
        ("/top.txt", "sub/top.txt", false, false),
        ("build/", "build", true, true),
        ("build/", "build", false, false),
        ("docs/*.md", "docs/a.md", false, true),
        ("docs/*.md", "docs/sub/a.md", false, false),
        ("data/[ab].txt", "data/b.txt", false, true),
        ("data/[ab].txt", "data/c.txt", false, false),
        // Go's filepath.Match negates classes with ^; ! is an ordinary character.
        ("data/[^ab].txt", "data/c.txt", false, true),
        ("data/[!ab].txt", "data/c.txt", false, false),
        ("a?c", "x/abc", false, true),
        ("  spaced  ", "spaced", false, true),
        ("# comment", "# comment", false, false),
    ])
    func testIgnores_patterns(rule: String, path: String, isDirectory: Bool, ignored: Bool) throws {
        let rules = try HelmIgnore(parsing: rule)
        #expect(rules.ignores(path, isDirectory: isDirectory) == ignored)
    }

    @Test func testIgnores_negationIgnoresEverythingElse() throws {
        // Helm's quirk: a negated rule ignores every path that does not match it.
        let rules = try HelmIgnore(parsing: "!*.yaml\n")
        #expect(rules.ignores("Chart.yaml", isDirectory: false) == false)
        #expect(rules.ignores("README.md", isDirectory: false) == true)
        #expect(rules.ignores("templates", isDirectory: true) == true)
        let directories = try HelmIgnore(parsing: "!templates/\n")
        #expect(directories.ignores("Chart.yaml", isDirectory: false) == true)
    }

    @Test func testAddDefaults_hidesDotFilesInTemplates() {
        var rules = HelmIgnore()
        rules.addDefaults()
        #expect(rules.ignores("templates/.hidden.yaml", isDirectory: false))
        #expect(!rules.ignores("templates/a.yaml", isDirectory: false))
        #expect(!rules.ignores(".helmignore", isDirectory: false))
    }

    @Test func testParse_rejectsDoubleStar() throws {
        let error = try #require(throws: ChartError.self) {
            try HelmIgnore(parsing: "ok\n**/x\n", file: "c/.helmignore")
        }
        #expect(error.code == .invalidIgnoreRules)
        #expect(error.message == "c/.helmignore:2: double-star (**) syntax is not supported")
    }

    @Test func testParse_rejectsBadGlob() throws {
        let error = try #require(throws: ChartError.self) { try HelmIgnore(parsing: "[abc\n") }
        #expect(error.message == ".helmignore:1: syntax error in pattern \"[abc\"")
    }

    @Test func testLoadDirectory_matchesHelmFileSelection() throws {
        let chart = try ChartLoader().loadDirectory(Fixtures.chart("ignore"))
        let documents = try #require(Fixtures.oracleDocuments("ignore"))
        let listing = try #require(documents["ignore/templates/files.yaml"])
        let helmFiles = listing.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst("files: ".count)
            .split(separator: " ").map(String.init)
        #expect(chart.files.map(\.name).sorted() == helmFiles.sorted())
        // Templates Helm rendered are exactly the non-partial templates we loaded.
        let rendered = documents.keys.map { String($0.dropFirst("ignore/".count)) }.sorted()
        #expect(chart.templates.map(\.name).sorted() == rendered)
    }
}
