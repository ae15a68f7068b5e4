import GoTemplate
import Testing

@testable import HelmEngine

/// Expected text comes from Helm's `toYaml` (the oracle) on the same values.
struct GoYAMLEncodeTests {
    @Test func testEncode_mapWithListsAndScalars() throws {
        let value = Value.map([
            "list": .list([.string("a"), .map(["b": .map(["c": .float(1)]), "d": .list([.string("x")])])]),
            "num": .float(1_000_000), "flt": .float(1.5), "on": .string("on"), "empty": .string(""),
            "nul": .null, "emptyl": .list([]), "emptym": .map([:]),
        ])
        #expect(
            try GoYAML.encode(value) == """
                empty: ""
                emptyl: []
                emptym: {}
                flt: 1.5
                list:
                - a
                - b:
                    c: 1
                  d:
                  - x
                nul: null
                num: 1000000
                "on": "on"

                """)
    }

    @Test(arguments: [
        ("line1\nline2", "|-\n  line1\n  line2\n"), ("line1\n", "|\n  line1\n"), ("a\n\n", "|+\n  a\n\n"),
        ("  lead\nx", "|2-\n    lead\n  x\n"), ("\n", "|2+\n\n"), ("a\r\nb", "\"a\\r\\nb\"\n"),
        ("x\n ", "\"x\\n \"\n"), ("tab\there", "\"tab\\there\"\n"), ("12:30", "\"12:30\"\n"), ("<<", "<<\n"),
        ("2001-12-14", "\"2001-12-14\"\n"), ("2001-13-14", "2001-13-14\n"), (" lead", "' lead'\n"),
        ("it's", "it's\n"), ("#x", "'#x'\n"), ("a #b", "'a #b'\n"), ("a# b", "a# b\n"), ("---", "'---'\n"),
        ("\u{FEFF}bom", "\"\\uFEFF\\x62\\x6F\\x6D\"\n"), ("😀", "\"\\U0001F600\"\n"), ("\u{85}", "\"\\N\"\n"),
    ])
    func testEncode_stringStyles(_ text: String, _ expected: String) throws {
        #expect(try GoYAML.encode(.string(text)) == expected)
    }

    @Test func testEncode_foldsLongPlainLines() throws {
        let words = (0..<40).map { "word\($0)" }.joined(separator: " ")
        #expect(
            try GoYAML.encode(.map(["a": .string(words)])) == """
                a: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12
                  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24
                  word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36
                  word37 word38 word39

                """)
    }

    @Test func testEncode_longKeysBecomeComplexKeys() throws {
        let key = String(repeating: "k", count: 129)
        #expect(try GoYAML.encode(.map([key: .string("v")])) == "? \(key)\n: v\n")
    }

    @Test func testEncode_keyOrderIsNatural() {
        let keys = [
            "a10", "a9", "b", "B", "_x", "1", "10", "2", "é", "z", "-", "a", "a0", "x2y10", "x2y9", "x10", "À", "a-1",
            "a.1", "c1", "c2", "c10",
        ]
        #expect(
            keys.sorted(by: YAMLKeyOrder.less) == [
                "-", "_x", "1", "2", "10", "B", "a", "a-1", "a.1", "a0", "a9", "a10", "b", "c1", "c2", "c10", "x2y9",
                "x2y10", "x10", "z", "À", "é",
            ])
    }

    @Test func testEncode_numbersThroughJSON() throws {
        let value = Value.list([
            .float(1e21), .float(1e20), .float(0.000001), .float(1234567.5), .float(9_007_199_254_740_993),
            .float(-0.0),
            .int(5, .int64),
        ])
        #expect(
            try GoYAML.encode(value) == "- 1e+21\n- 1e+20\n- 1e-06\n- 1.2345675e+06\n- 9007199254740992\n- 0\n- 5\n")
    }

    @Test func testEncode_failures() {
        #expect(throws: EncodingError.self) { try GoYAML.encode(.float(.nan)) }
        do {
            _ = try GoYAML.encode(.map(["a": .string("\u{7F}")]))
            Issue.record("expected an error")
        } catch let error as EncodingError {
            #expect(error.message == "yaml: control characters are not allowed")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func testEncodePretty_indentsSequencesAndKeepsFloats() throws {
        let value = Value.map([
            "l": .list([.string("a"), .map(["b": .float(1)])]), "n": .float(1_000_000), "x": .float(.nan),
        ])
        #expect(try GoYAML.encodePretty(value) == "l:\n  - a\n  - b: 1\n\"n\": 1e+06\nx: .nan\n")
    }
}
