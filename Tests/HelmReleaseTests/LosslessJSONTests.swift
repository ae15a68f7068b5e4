import Testing

@testable import HelmRelease

struct LosslessJSONTests {
    private func write(_ value: LosslessJSON) -> String {
        var writer = GoJSONWriter()
        writer.value(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func testWrite_sortsKeysAndEscapesAsGo() {
        // Expected text follows Go's encoding/json rules (HTML-safe escapes, \b \f short forms, sorted keys).
        let value: LosslessJSON = [
            "b": "<a&b>", "a": "tab\there\u{8}\u{C}\u{1}", "é": "\u{2028}", "A": [1, true, nil],
        ]
        #expect(
            write(value) == #"{"A":[1,true,null],"a":"tab\there\b\f\u0001","b":"\u003ca\u0026b\u003e","é":"\u2028"}"#)
    }

    @Test(arguments: [
        #"{"a":[1,2.5,-0.5e+10,"x",{"b":null}],"c":true}"#,
        #"[]"#,
        #"{}"#,
        #""\u00e9\ud83d\ude00""#,
        #"12345678901234567890"#,
    ])
    func testParse_roundTripsCanonicalText(_ text: String) throws {
        let value = try JSONParser.parse(Array(text.utf8))
        let again = try JSONParser.parse(Array(write(value).utf8))
        #expect(again == value)
    }

    @Test func testParse_keepsNumberLiterals() throws {
        let value = try JSONParser.parse(Array(#"[1e+06, 1.50, 12345678901234567890]"#.utf8))
        #expect(value == .array([.number("1e+06"), .number("1.50"), .number("12345678901234567890")]))
    }

    @Test func testParse_decodesEscapesAndSurrogates() throws {
        let value = try JSONParser.parse(Array(#""a\"\\\/\n\u00e9\ud83d\ude00\ud800x""#.utf8))
        #expect(value == .string("a\"\\/\né😀\u{FFFD}x"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"abc", "\"a\u{1}\"", "{} x", "[1 2]", "\"\\x\"",
        "\"\\u12\"", "{1:2}", "nul",
    ])
    func testParse_rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test(.timeLimit(.minutes(1)))
    func testParse_rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(deep.utf8)) }
    }

    @Test func testParse_repeatedKeyKeepsLast() throws {
        #expect(try JSONParser.parse(Array(#"{"a":1,"a":2}"#.utf8)) == ["a": 2])
    }

    @Test(
        arguments: [
            ("", []), ("Zg==", [0x66]), ("Zm8=", [0x66, 0x6F]), ("Zm9v", [0x66, 0x6F, 0x6F]),
            ("Zm9v\r\nYmFy", Array("foobar".utf8)),
        ] as [(String, [UInt8])])
    func testBase64_decodesStandardEncoding(_ text: String, _ bytes: [UInt8]) {
        #expect(Base64.decode(Array(text.utf8)) == bytes)
    }

    @Test(arguments: ["Zg=", "Zg", "Z===", "Zm9v!", "Zg==Zg==", "=Zg=", "Zm9v-_"])
    func testBase64_rejectsInvalidText(_ text: String) {
        #expect(Base64.decode(Array(text.utf8)) == nil)
    }

    @Test func testBase64_encodesWithPadding() {
        #expect(Base64.encode(Array("foob".utf8)) == "Zm9vYg==")
        #expect(Base64.encode([0x00, 0x01, 0x02, 0xFF, 0xFE]) == "AAEC//4=")
    }
}
