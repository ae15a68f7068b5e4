import CompressNIO
import NIOCore
import Testing

@testable import HelmRelease

/// Every corrupted record ends in a ReleaseError that names the record, never a crash.
struct ReleaseCodecCorruptionTests {
    static let key = "sh.helm.release.v1.web.v7"

    private static func gzip(_ text: String) throws -> [UInt8] {
        var input = ByteBuffer(string: text)
        let output = try input.compress(with: .gzip())
        return Array(output.readableBytesView)
    }

    private func expectCorrupted(
        _ body: String, code: ReleaseError.Code = .corruptedRecord, mentioning detail: String,
        codec: ReleaseCodec = ReleaseCodec(), sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try codec.decode(body, record: Self.key)
            Issue.record("decoding succeeded", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, sourceLocation: sourceLocation)
            #expect(error.description.contains(Self.key), sourceLocation: sourceLocation)
            #expect(error.description.contains(detail), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func testDecode_badBase64() {
        expectCorrupted("not base64!", mentioning: "not valid base64")
    }

    @Test func testDecode_badGzip() {
        // The gzip magic followed by garbage.
        expectCorrupted(
            Base64.encode([0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x00]), mentioning: "gzip")
    }

    @Test func testDecode_truncatedGzip() throws {
        let full = try Self.gzip(String(repeating: #"{"name":"web"}"#, count: 1))
        expectCorrupted(Base64.encode(full.prefix(full.count / 2)), mentioning: "gzip")
    }

    @Test func testDecode_damagedGzipPayload() throws {
        // Flip a byte of the trailer CRC; zlib or the trailer check must reject it.
        var damaged = try Self.gzip(#"{"name":"web"}"#)
        damaged[damaged.count - 6] ^= 0xFF
        expectCorrupted(Base64.encode(damaged), mentioning: "gzip")
    }

    @Test func testCRC32_checkValue() {
        // The standard CRC-32/ISO-HDLC check value for "123456789".
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func testDecode_badJSON() throws {
        expectCorrupted(Base64.encode(try Self.gzip(#"{"name": "web", "#)), mentioning: "JSON")
    }

    @Test func testDecode_wrongFieldType() throws {
        expectCorrupted(Base64.encode(try Self.gzip(#"{"name":"web","version":"7"}"#)), mentioning: "version")
        expectCorrupted(Base64.encode(try Self.gzip(#"{"name":"web","info":{"status":3}}"#)), mentioning: "info.status")
        expectCorrupted(
            Base64.encode(try Self.gzip(#"{"hooks":[{"weight":1.5}]}"#)), mentioning: "hooks[0].weight"
        )
        expectCorrupted(
            Base64.encode(try Self.gzip(#"{"info":{"last_deployed":"yesterday"}}"#)), mentioning: "info.last_deployed"
        )
        expectCorrupted(
            Base64.encode(try Self.gzip(#"{"chart":{"templates":[{"name":"t","data":"%%"}]}}"#)),
            mentioning: "chart.templates[0].data"
        )
        expectCorrupted(Base64.encode(try Self.gzip(#"[1,2]"#)), mentioning: "expected an object")
    }

    @Test(.timeLimit(.minutes(1)))
    func testDecode_gzipBombOverLimit() throws {
        // 4 MiB of zeros compress to a few KiB; the cap stops the gunzip at 64 KiB.
        let bomb = try Self.gzip(String(repeating: " ", count: 4 << 20))
        let codec = ReleaseCodec(configuration: .init(maxDecodedSize: 64 << 10))
        expectCorrupted(Base64.encode(bomb), code: .recordTooLarge, mentioning: "more than 65536 bytes", codec: codec)
    }

    @Test func testDecode_encodedTextOverLimit() {
        let codec = ReleaseCodec(configuration: .init(maxEncodedSize: 16))
        expectCorrupted(
            String(repeating: "A", count: 32), code: .recordTooLarge, mentioning: "more than 16", codec: codec)
    }

    @Test func testDecode_outputExactlyAtLimitIsAccepted() throws {
        let json = #"{"name":"web"}"#
        let codec = ReleaseCodec(configuration: .init(maxDecodedSize: json.utf8.count))
        #expect(try codec.decode(Base64.encode(try Self.gzip(json))).name == "web")
    }

    @Test func testRecord_secretWithoutReleaseData() {
        let object: LosslessJSON = ["kind": "Secret", "metadata": ["name": .string(Self.key)], "data": [:]]
        let error = #expect(throws: ReleaseError.self) { try ReleaseRecord(kubernetesObject: object) }
        #expect(error?.code == .corruptedRecord)
        #expect(error?.description.contains(Self.key) == true)
    }

    @Test func testRecord_secretDataNotBase64() {
        let object: LosslessJSON = [
            "kind": "Secret", "metadata": ["name": .string(Self.key)], "data": ["release": "@@@"],
        ]
        #expect(throws: ReleaseError.self) { try ReleaseRecord(kubernetesObject: object) }
    }

    @Test func testRecord_wrongKind() {
        let object: LosslessJSON = ["kind": "Pod", "metadata": ["name": "x"], "data": ["release": ""]]
        #expect(throws: ReleaseError.self) { try ReleaseRecord(kubernetesObject: object) }
    }

    @Test func testRecord_invalidObjectJSON() {
        #expect(throws: ReleaseError.self) { try ReleaseRecord(kubernetesObjectJSON: Array("{".utf8)) }
    }
}
