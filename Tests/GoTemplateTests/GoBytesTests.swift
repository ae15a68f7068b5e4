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
}
