import Foundation
import GoTemplate
import Testing

@testable import HelmEngine

/// One recorded case of Helm's own `strvals` parser (Fixtures/strvals/record.py).
struct StrValsCase: CustomTestStringConvertible, Sendable {
    var kind: String
    var expression: String
    var result: JSONValue?
    var error: String?

    var testDescription: String { "\(kind) \(expression)" }

    static func all() -> [StrValsCase] {
        guard let text = Fixtures.read("strvals/cases.expected.json"),
            case .array(let entries)? = try? JSONReader.parseDocument(Array(text.utf8))
        else { return [] }
        return entries.compactMap { entry in
            guard case .string(let kind)? = entry["kind"], case .string(let expression)? = entry["expression"] else {
                return nil
            }
            var error: String?
            if case .string(let text)? = entry["error"] { error = text }
            return StrValsCase(kind: kind, expression: expression, result: entry["result"], error: error)
        }
    }
}

struct StrValsTests {
    private func parse(_ testCase: StrValsCase) throws -> [String: Value] {
        var values: [String: Value] = [:]
        switch testCase.kind {
        case "set": try StrVals.parse(testCase.expression, into: &values)
        case "string": try StrVals.parseString(testCase.expression, into: &values)
        case "json": try StrVals.parseJSON(testCase.expression, into: &values)
        default: try StrVals.parseLiteral(testCase.expression, into: &values)
        }
        return values
    }

    @Test func testCorpus_isPresent() {
        #expect(StrValsCase.all().count >= 70)
    }

    @Test(arguments: StrValsCase.all())
    func testParse_matchesHelm(testCase: StrValsCase) throws {
        if let expected = testCase.error {
            let error = try #require(throws: ChartError.self) { try parse(testCase) }
            #expect(error.code == .invalidSet)
            #expect(error.message == expected)
        } else {
            let values = try parse(testCase)
            let expected = try #require(testCase.result)
            #expect(ValueMatch.matches(.map(values), expected), "got \(values)")
        }
    }

    @Test func testParse_integersAreInt64AndStringsStayStrings() throws {
        var values: [String: Value] = [:]
        try StrVals.parse("a=5,b=05,c=-0", into: &values)
        guard case .int(5, .int64)? = values["a"], case .string("05")? = values["b"],
            case .int(0, .int64)? = values["c"]
        else {
            Issue.record("unexpected types: \(values)")
            return
        }
    }

    @Test func testParse_maxIndexBoundary() throws {
        var values: [String: Value] = [:]
        try StrVals.parse("a[65536]=1", into: &values)
        guard case .list(let items, _)? = values["a"] else {
            Issue.record("not a list")
            return
        }
        #expect(items.count == 65537)
    }

    @Test func testParseInto_accumulatesAcrossArguments() throws {
        var values: [String: Value] = [:]
        try StrVals.parse("list[0].name=a", into: &values)
        try StrVals.parse("list[0].port=80", into: &values)
        try StrVals.parse("list[2]=c", into: &values)
        let expected = try JSONReader.parseDocument(Array(#"{"list":[{"name":"a","port":80},null,"c"]}"#.utf8))
        #expect(ValueMatch.matches(.map(values), expected))
    }

    @Test func testParseFile_readsEachPath() throws {
        var values: [String: Value] = [:]
        try StrVals.parseFile("a=one.txt,b.c=two.txt", into: &values) { path in "contents of \(path)" }
        let expected = try JSONReader.parseDocument(
            Array(#"{"a":"contents of one.txt","b":{"c":"contents of two.txt"}}"#.utf8))
        #expect(ValueMatch.matches(.map(values), expected))
    }
}

/// Structural equality of values and recorded JSON, numbers compared by value.
enum ValueMatch {
    static func matches(_ value: Value, _ json: JSONValue) -> Bool {
        switch (value, json) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.int(let a, _), .number(let text)): return Double(a) == Double(text)
        case (.float(let a), .number(let text)): return a == Double(text)
        case (.list(let items, _), .array(let others)):
            return items.count == others.count && zip(items, others).allSatisfy { matches($0, $1) }
        case (.map(let map, _), .object(let members)):
            var other: [String: JSONValue] = [:]
            for member in members { other[member.key] = member.value }
            return map.count == other.count
                && map.allSatisfy { key, item in other[key].map { matches(item, $0) } ?? false }
        default: return false
        }
    }
}
