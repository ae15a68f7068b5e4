import GoTemplate
import Testing

@testable import HelmEngine

/// Expected bytes are Go encoding/json's (checked with the oracle's `toJson` on the same values).
struct GoJSONTests {
    @Test func testEncode_sortsKeysAndEscapesHTML() throws {
        let value = Value.map([
            "b": .list([.int(1), .string("x"), .null]), "a": .string("<a href='x'>&</a>"), "c": .float(2.5),
            "d": .string("\u{2028}\u{2029}\u{01}\n\t\u{08}\u{0C}\"\\"),
        ])
        #expect(
            try GoJSON.encode(value)
                == #"{"a":"\u003ca href='x'\u003e\u0026\u003c/a\u003e","b":[1,"x",null],"c":2.5,"#
                + #""d":"\u2028\u2029\u0001\n\t\b\f\"\\"}"#)
    }

    @Test func testEncode_rawAndPretty() throws {
        let value = Value.map(["a": .string("<&>"), "l": .list([.int(1), .map([:])]), "e": .list([])])
        #expect(try GoJSON.encode(value, style: .init(escapeHTML: false)) == #"{"a":"<&>","e":[],"l":[1,{}]}"#)
        #expect(
            try GoJSON.encode(value, style: .init(indent: "  "))
                == "{\n  \"a\": \"\\u003c\\u0026\\u003e\",\n  \"e\": [],\n  \"l\": [\n    1,\n    {}\n  ]\n}")
    }

    @Test func testEncode_bytesAsBase64() throws {
        let bytes = Value.list([.int(104, .uint8), .int(105, .uint8), .int(33, .uint8)], .uint8)
        #expect(try GoJSON.encode(bytes) == "\"aGkh\"")
    }

    @Test func testEncode_nanFails() {
        #expect(throws: EncodingError.self) { try GoJSON.encode(.float(.nan)) }
        do {
            _ = try GoJSON.encode(.list([.float(-.infinity)]))
            Issue.record("expected an error")
        } catch let error as EncodingError {
            #expect(error.message == "json: unsupported value: -Inf")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [
        ("{\"a\": 1}", "{a:f1.0}"), ("[1, \"x\", true, null]", "[f1.0,s\"x\",btrue,n]"),
        ("\"\\u00e9\\ud83d\\ude00\"", "s\"é😀\""), ("{\"a\":1,\"a\":2}", "{a:f2.0}"), ("  null ", "n"),
    ])
    func testDecode_values(_ text: String, _ expected: String) throws {
        #expect(dump(try GoJSON.decode(text)) == expected)
    }

    @Test(arguments: [
        ("", "unexpected end of JSON input"),
        ("{\"a\": 1} x", "invalid character 'x' after top-level value"),
        ("{\"a\": 1,}", "invalid character '}' looking for beginning of object key string"),
        ("{a: 1}", "invalid character 'a' looking for beginning of object key string"),
        ("{\"a\" 1}", "invalid character '1' after object key"),
        ("{\"a\": }", "invalid character '}' looking for beginning of value"),
        ("{\"a\": tru}", "invalid character '}' in literal true (expecting 'e')"),
        ("{\"a\": 01}", "invalid character '1' after object key:value pair"),
        ("[1 2]", "invalid character '2' after array element"),
        ("{\"a\": \"\\x\"}", "invalid character 'x' in string escape code"),
        ("{\"a\": \"\t\"}", "invalid character '\\t' in string literal"),
        ("{'a': 1}", "invalid character '\\'' looking for beginning of object key string"),
        ("{\"a\": 1.}", "invalid character '}' after decimal point in numeric literal"),
        ("{\"a\": -}", "invalid character '}' in numeric literal"),
        ("{\"a\": 1e}", "invalid character '}' in exponent of numeric literal"),
    ])
    func testDecode_syntaxErrorsReadLikeGo(_ text: String, _ message: String) {
        #expect(GoJSON.decodeObject(text).error == message)
    }

    @Test func testDecodeObject_nonObjectAndNull() {
        #expect(
            GoJSON.decodeObject("[1]").error
                == "json: cannot unmarshal array into Go value of type map[string]interface {}")
        #expect(GoJSON.decodeObject("null").error == nil)
        #expect(GoJSON.decodeArray("{}").error == "json: cannot unmarshal object into Go value of type []interface {}")
    }

    @Test(.timeLimit(.minutes(1)))
    func testDecode_deepNestingFailsCleanly() {
        let text = String(repeating: "[", count: 100_000)
        #expect(GoJSON.decodeObject(text).error == "invalid character '[' exceeded max depth")
    }
}
