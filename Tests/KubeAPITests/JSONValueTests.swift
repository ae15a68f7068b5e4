import Foundation
import Testing

@testable import KubeAPI

struct JSONValueTests {
    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        (" false ", .bool(false)),
        ("0", .int(0)),
        ("-12", .int(-12)),
        ("9223372036854775807", .int(Int64.max)),
        ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .double(9223372036854775808)),
        ("1.5", .double(1.5)),
        ("-2e3", .double(-2000)),
        ("1E-2", .double(0.01)),
        (#""a\"b\\c\/d\n\t""#, .string("a\"b\\c/d\n\t")),
        (#""\u00e9\u4e2d""#, .string("é中")),
        (#""\ud83d\ude00""#, .string("😀")),
        (#""\ud83d""#, .string("\u{FFFD}")),
        ("\"héllo\"", .string("héllo")),
        ("[]", .array([])),
        ("[1, \"x\", [null]]", .array([.int(1), .string("x"), .array([.null])])),
        ("{}", .object([:])),
        (#"{"a": {"b": [true]}, "c": 1}"#, .object(["a": .object(["b": .array([.bool(true)])]), "c": .int(1)])),
    ])
    func testParse_validDocument(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test(arguments: [
        "", "nul", "tru", "01", "-", "1.", "1e", ".5", "+1", "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "\"abc",
        "\"\\x\"", "\"\\u12g4\"", "\"a\u{01}b\"", "{\"a\" 1}", "[", "{", "1 2", "NaN", "[1]]",
    ])
    func testParse_invalidDocument(text: String) {
        #expect(throws: KubeAPIError.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.code == .decoding)
            #expect(error.message.contains("invalid JSON at byte"))
        }
    }

    @Test func testParse_whenNestedTooDeep() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: KubeAPIError.decoding("")) { try JSONValue(parsing: deep) }
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect((try? JSONValue(parsing: ok)) != nil)
    }

    @Test func testParse_agreesWithJSONSerialization() throws {
        let text = #"{"kind":"ConfigMap","data":{"k\u0001":"v\n\"q\"","e":"é😀"},"n":[1,-2,3.25,1e300,true,null]}"#
        let ours = try JSONValue(parsing: text)
        let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let data = try #require(foundation?["data"] as? [String: String])
        #expect(ours["data", "k\u{01}"]?.stringValue == data["k\u{01}"])
        #expect(ours["data", "e"]?.stringValue == data["e"])
        #expect(ours["n"]?[3]?.doubleValue == 1e300)
    }

    @Test func testSerialize_roundTripsThroughFoundation() throws {
        let value: JSONValue = [
            "s": "quote\" backslash\\ newline\n ctl\u{02} é", "i": 42, "neg": -7, "d": 0.5, "b": false, "z": nil,
            "a": [1, "two", [3]], "o": ["nested": ["x": "y"]],
        ]
        let bytes = value.serialized()
        // Foundation must accept our output and read back the same strings and numbers.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(parsed["s"] as? String == "quote\" backslash\\ newline\n ctl\u{02} é")
        #expect((parsed["i"] as? NSNumber)?.intValue == 42)
        #expect((parsed["d"] as? NSNumber)?.doubleValue == 0.5)
        #expect(parsed["z"] is NSNull)
        #expect(try JSONValue(parsing: bytes) == value)
    }

    @Test func testSerialize_sortsKeysAndWritesWholeDoublesAsIntegers() {
        let value: JSONValue = ["b": 1, "a": .double(2.0), "c": .double(.infinity)]
        #expect(value.serializedString() == #"{"a":2,"b":1,"c":null}"#)
    }

    @Test func testSubscriptPath_setCreatesIntermediateObjects() {
        var value: JSONValue = ["kind": "ConfigMap"]
        value["metadata", "labels", "app"] = "web"
        #expect(value["metadata", "labels", "app"]?.stringValue == "web")
        value["metadata", "labels", "app"] = nil
        #expect(value["metadata", "labels"] == .object([:]))
    }

    @Test func testCodable_matchesByteParser() throws {
        let text = #"{"a":[1,2.5,"x",true,null],"b":{"c":"d"}}"#
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(decoded == (try JSONValue(parsing: text)))
        let encoded = try JSONEncoder().encode(decoded)
        #expect(try JSONValue(parsing: Array(encoded)) == decoded)
    }
}
