import Testing

@testable import GoTemplate

/// Go strings are bytes: any byte sequence survives a trip through a `String` and back, and `len` counts bytes.
struct GoBytesTests {
    @Test func testRoundTrip_everyByteAndRandomBinary() {
        for byte in UInt8.min...UInt8.max {
            #expect(GoBytes.bytes(of: GoBytes.string(from: [byte, 0x41, byte])) == [byte, 0x41, byte])
        }
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 64, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = GoBytes.string(from: bytes)
            #expect(GoBytes.bytes(of: text) == bytes)
            #expect(GoBytes.count(of: text) == length)
        }
    }

    @Test func testString_validUTF8StaysText_invalidBytesAreStandIns() {
        #expect(GoBytes.string(from: Array("héllo 日本 😀".utf8)) == "héllo 日本 😀")
        // Overlong, surrogate, out-of-range and truncated sequences are invalid byte by byte, as in Go.
        for invalid: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE6, 0x97]] {
            let text = GoBytes.string(from: invalid)
            #expect(text.unicodeScalars.count == invalid.count)
            #expect(GoBytes.count(of: text) == invalid.count)
        }
    }

    @Test func testReplacingStandIns_eachInvalidByteBecomesOneReplacementCharacter() {
        // encoding/json (and so Helm's release records and toJson) coerce byte by byte: E6 97 is two U+FFFD.
        let text = GoBytes.string(from: [0x61, 0xE6, 0x97, 0x62, 0xFF])
        #expect(GoBytes.replacingStandIns(text) == "a\u{FFFD}\u{FFFD}b\u{FFFD}")
        #expect(GoBytes.replacingStandIns("plain é") == "plain é")
    }

    @Test func testYAMLReaderError_namesGoYAMLsProblemForTheFirstBadSequence() {
        func problem(_ bytes: [UInt8]) -> String? { GoBytes.yamlReaderError(GoBytes.string(from: bytes)) }
        #expect(problem(Array("a: é".utf8)) == nil)
        #expect(problem([0x61, 0xFF]) == "invalid leading UTF-8 octet")
        #expect(problem([0x80]) == "invalid leading UTF-8 octet")
        #expect(problem([0xE2, 0x9C, 0x22]) == "invalid trailing UTF-8 octet")
        #expect(problem([0x61, 0xE2, 0x9C]) == "incomplete UTF-8 octet sequence")
        #expect(problem([0xC0, 0x80]) == "invalid length of a UTF-8 sequence")
        #expect(problem([0xED, 0xA0, 0x80]) == "invalid Unicode character")
    }

    @Test func testQuote_writesInvalidBytesAsHexEscapes() {
        #expect(GoQuote.quote(GoBytes.string(from: [0xC3, 0x61])) == #""\xc3a""#)
        #expect(GoQuote.quote(GoBytes.string(from: [0xFF]), asciiOnly: true) == #""\xff""#)
    }
}

/// A nil slice has its slice type, prints as `[]`, is empty, and encodes as JSON `null`.
struct GoNilSliceTests {
    @Test func testNilList_typeKindPrintingAndElements() {
        let value = Value.nilList(.string)
        #expect(value.goTypeName == "[]string")
        #expect(value.sliceItems?.isEmpty == true)
        #expect(value.sliceKind == .string)
        #expect(GoFormatter.format(value) == "[]")
        #expect(GoFormatter.sprintf("%#v|%v|%d", [value, value, .nilList(.interface)]) == "[]string(nil)|[]|[]")
        #expect(!value.isTruthy)
        guard case .null? = (GoNilSlice(.string)).jsonValue else {
            Issue.record("a nil slice must encode as JSON null")
            return
        }
    }

    @Test func testSliceItems_onlyForSliceKinds() {
        #expect(Value.list([.int(1)]).sliceItems?.count == 1)
        #expect(Value.string("abc").sliceItems?.count == nil)
        #expect(Value.map(["a": .int(1)]).sliceItems?.count == nil)
        #expect(Value.null.sliceItems?.count == nil)
    }
}
