import GoTemplate
import Testing

@testable import HelmEngine

struct ValuesTests {
    private func json(_ text: String) throws -> [String: Value] {
        guard case .map(let map, _) = try JSONReader.parseDocument(Array(text.utf8)).goValue else {
            throw ChartError(code: .invalidValues, message: "not a map")
        }
        return map
    }

    private func chart(_ name: String, values: String, dependencies: [Chart] = []) throws -> Chart {
        var metadata = ChartMetadata()
        metadata.name = name
        metadata.version = "1.0.0"
        metadata.apiVersion = "v2"
        return Chart(metadata: metadata, values: try json(values), dependencies: dependencies)
    }

    @Test func testMergeMaps_mergesMapsReplacesOthers() throws {
        let merged = Values.mergeMaps(
            try json(#"{"a":{"x":1,"y":[1]},"b":1}"#), try json(#"{"a":{"y":[2],"z":3},"b":{"c":1}}"#))
        #expect(
            ValueMatch.matches(
                .map(merged), try JSONReader.parseDocument(Array(#"{"a":{"x":1,"y":[2],"z":3},"b":{"c":1}}"#.utf8))))
    }

    @Test func testCoalesce_userNullDeletesDefaultAndChartNullsDropped() throws {
        var warnings: [String] = []
        let parent = try chart("p", values: #"{"a":1,"b":{"c":2,"d":null},"e":null}"#)
        let result = try Values.coalesce(
            chart: parent, values: try json(#"{"a":null,"b":{"c":null},"new":null}"#),
            warnings: &warnings)
        // "new" is not a default, so Helm leaves the user's null in place.
        #expect(ValueMatch.matches(.map(result), try JSONReader.parseDocument(Array(#"{"b":{},"new":null}"#.utf8))))
    }

    @Test func testCoalesce_warnsWhenTypesConflict() throws {
        var warnings: [String] = []
        let parent = try chart("p", values: #"{"table":{"x":1},"scalar":1}"#)
        let result = try Values.coalesce(
            chart: parent, values: try json(#"{"table":5,"scalar":{"y":2}}"#), warnings: &warnings)
        #expect(
            ValueMatch.matches(.map(result), try JSONReader.parseDocument(Array(#"{"table":5,"scalar":{"y":2}}"#.utf8)))
        )
        #expect(warnings == ["warning: skipped value for p.scalar: Not a table."])
    }

    @Test func testCoalesce_globalsFlowDownParentWins() throws {
        var warnings: [String] = []
        let sub = try chart("sub", values: #"{"global":{"g":"child","only":"c"},"v":1}"#)
        let parent = try chart("p", values: #"{"global":{"g":"parent"}}"#, dependencies: [sub])
        let result = try Values.coalesce(chart: parent, values: [:], warnings: &warnings)
        let expected = #"{"global":{"g":"parent"},"sub":{"global":{"g":"parent","only":"c"},"v":1}}"#
        #expect(ValueMatch.matches(.map(result), try JSONReader.parseDocument(Array(expected.utf8))))
    }

    @Test func testCoalesce_subchartKeyNotAMap() throws {
        var warnings: [String] = []
        let parent = try chart("p", values: "{}", dependencies: [try chart("sub", values: "{}")])
        let error = try #require(throws: ChartError.self) {
            try Values.coalesce(chart: parent, values: ["sub": .string("x")], warnings: &warnings)
        }
        #expect(error.message == "type mismatch on sub: %!t(string=x)")
    }

    @Test func testValuesOptions_orderOfKindsIsFixed() throws {
        // --set-string is applied after --set whatever the command line's order.
        let options = ValuesOptions(values: ["a=1"], stringValues: ["a=2"])
        let merged = try options.merge { _ in [] }
        guard case .string("2")? = merged["a"] else {
            Issue.record("got \(merged)")
            return
        }
    }

    @Test func testValuesOptions_setJSONObjectAndErrors() throws {
        let merged = try ValuesOptions(jsonValues: [#"{"a":{"b":[1]}}"#, #"c={"d":true}"#]).merge { _ in [] }
        #expect(
            ValueMatch.matches(
                .map(merged), try JSONReader.parseDocument(Array(#"{"a":{"b":[1]},"c":{"d":true}}"#.utf8))))
        let error = try #require(throws: ChartError.self) { try ValuesOptions(jsonValues: ["{bad"]).merge { _ in [] } }
        #expect(error.message == "failed parsing --set-json data JSON: {bad")
        let other = try #require(throws: ChartError.self) {
            try ValuesOptions(jsonValues: ["a={bad"]).merge { _ in [] }
        }
        #expect(other.message == "failed parsing --set-json data a={bad")
    }

    @Test func testValuesOptions_badValuesFileNamesTheFile() throws {
        let error = try #require(throws: ChartError.self) {
            try ValuesOptions(valueFiles: ["bad.yaml"]).merge { _ in Array("a: [1\n".utf8) }
        }
        #expect(error.code == .invalidValues)
        #expect(
            error.message.hasPrefix(
                "failed to parse bad.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: "))
    }

    @Test func testValuesOptions_setErrorIsPrefixed() throws {
        let error = try #require(throws: ChartError.self) { try ValuesOptions(values: ["a.b"]).merge { _ in [] } }
        #expect(error.message == "failed parsing --set data: key \"b\" has no value")
    }

    @Test func testChartDependencies_checkPresentListsMissing() throws {
        var parent = try chart("p", values: "{}")
        parent.metadata.dependencies = [ChartDependency(name: "a"), ChartDependency(name: "b")]
        parent.dependencies = [try chart("a", values: "{}")]
        let error = try #require(throws: ChartError.self) { try ChartDependencies.checkPresent(parent) }
        #expect(error.code == .dependency)
        #expect(error.message.hasSuffix("found in Chart.yaml, but missing in charts/ directory: b"))
    }

    @Test(arguments: [
        ("~1.2.0", "1.2.9", true), ("~1.2.0", "1.3.0", false), ("^1.2.0", "1.9.0", true), ("^1.2.0", "2.0.0", false),
        ("^0.2.3", "0.2.9", true), ("^0.2.3", "0.3.0", false), (">=1.0.0", "1.2.3", true), ("0.x", "0.3.0", true),
        ("0.x", "1.0.0", false), ("*", "9.9.9", true), ("*", "1.0.0-beta", false), ("", "1.0.0", false),
        ("1.0.0 - 2.0.0", "1.5.0", true), (">1.0.0 <2.0.0", "2.0.0", false), ("<1.0.0 || >=3.0.0", "3.1.0", true),
        ("1.2", "1.2.7", true), ("!=1.2.3", "1.2.3", false), (">=1.0.0-0", "1.0.0-beta", true),
    ])
    func testIsCompatible_masterminsRules(constraint: String, version: String, compatible: Bool) {
        #expect(ChartDependencies.isCompatible(constraint: constraint, version: version) == compatible)
    }
}
