import KubeAPI
import Testing

@testable import Agent

struct ManifestParserTests {
    private func parse(_ path: String, _ text: String) -> (manifests: [Manifest], errors: [AgentError]) {
        ManifestParser.parse(SourceFile(path: path, contents: Array(text.utf8)))
    }

    @Test func testParse_multiDocumentYAML_numbersDocumentsFromTheFirstMarker() {
        let text = """
            # a leading comment
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: one}
            ---
            # only a comment: an empty document 2
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: three
            stringData: {a: b}
            ...
            """
        let (manifests, errors) = parse("app/all.yaml", text)
        #expect(errors.isEmpty)
        #expect(manifests.map(\.object.name) == ["one", "three"])
        #expect(manifests.map(\.origin.document) == [1, 3])
        #expect(manifests.map(\.origin.line) == [2, 8])
        #expect(manifests[1].object["stringData", "a"]?.stringValue == "b")
    }

    @Test func testParse_brokenDocument_isReportedWithFileAndNumberAndTheRestIsRead() {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: good}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: [broken
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: after}
            """
        let (manifests, errors) = parse("bad.yml", text)
        #expect(manifests.map(\.object.name) == ["good", "after"])
        #expect(errors.count == 1)
        #expect(errors.first?.code == .parse)
        #expect(errors.first?.origin == ManifestOrigin(file: "bad.yml", document: 2, line: 4))
        #expect(errors.first?.description.contains("bad.yml (document 2, line 4)") == true)
    }

    @Test func testParse_listKind_expandsItems() {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
            """
        let (manifests, errors) = parse("list.yaml", text)
        #expect(errors.isEmpty)
        #expect(manifests.map(\.object.name) == ["a", "b"])
        #expect(manifests.allSatisfy { $0.origin.document == 1 })
    }

    @Test func testParse_notAnObject_namesTheMissingField() {
        let text = """
            kind: ConfigMap
            metadata: {name: x}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {labels: {a: b}}
            ---
            - just a list
            """
        let (manifests, errors) = parse("x.yaml", text)
        #expect(manifests.isEmpty)
        #expect(errors.map(\.code) == [.invalidObject, .invalidObject, .invalidObject])
        #expect(errors[0].message.contains("apiVersion is missing"))
        #expect(errors[1].message.contains("metadata.name is missing"))
        #expect(errors.map { $0.origin?.document ?? 0 } == [1, 2, 3])
    }

    @Test func testParse_scalarsConvertAsKubectlDoes() {
        let text = """
            base: &base {replicas: 3, ratio: 0.5}
            apiVersion: v1
            kind: Thing
            metadata: {name: t}
            spec:
              <<: *base
              ratio: 1.5
              enabled: yes
              quoted: "yes"
              nothing: ~
              version: "1.20"
            """
        let (manifests, errors) = parse("t.yaml", text)
        #expect(errors.isEmpty)
        let spec = manifests.first?.object["spec"]
        #expect(spec?["replicas"]?.intValue == 3)
        #expect(spec?["ratio"]?.doubleValue == 1.5)
        #expect(spec?["enabled"]?.boolValue == true)
        #expect(spec?["quoted"]?.stringValue == "yes")
        #expect(spec?["nothing"]?.isNull == true)
        #expect(spec?["version"]?.stringValue == "1.20")
    }

    @Test func testParse_jsonFile() {
        let (manifests, errors) = parse(
            "cm.json", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"},"data":{"n":"1"}}"#)
        #expect(errors.isEmpty)
        #expect(manifests.first?.object.name == "j")
        let (_, bad) = parse("bad.json", #"{"apiVersion": "#)
        #expect(bad.first?.code == .parse && bad.first?.origin?.file == "bad.json")
    }

    @Test func testParse_aliasBomb_isAnErrorNotAHang() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let (manifests, errors) = parse("bomb.yaml", text)
        #expect(manifests.isEmpty)
        #expect(errors.first?.message.contains("nodes") == true)
    }

    @Test func testRead_duplicatesAcrossFiles_areReportedForEachCopyAndNotApplied() async {
        let set = ManifestSet.read([
            SourceFile(path: "a.yaml", contents: Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}".utf8)),
            SourceFile(
                path: "b.yaml",
                contents: Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: apps}".utf8)),
            SourceFile(path: "c.yaml", contents: Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}".utf8)),
            SourceFile(path: "README.md", contents: Array("not: [yaml".utf8)),
        ])
        #expect(set.parseErrors.isEmpty)
        let plan = await SyncPlan.make(set, configuration: Syncer.Configuration(defaultNamespace: "apps")) { _ in
            .success(true)
        }
        #expect(plan.items.map(\.id.name) == ["y"])
        #expect(plan.duplicateFailures.map { $0.origin?.file ?? "" } == ["a.yaml", "b.yaml"])
        #expect(plan.duplicateFailures[0].message.contains("b.yaml (document 1"))
        #expect(plan.protected == [ObjectID(group: "", kind: "ConfigMap", namespace: "apps", name: "x")])
    }
}
