import HelmEngine
import Testing

/// RFC 3339 reading and writing as Go's `time.Time` JSON form does it, which release records depend on.

struct GoTimeTests {
    @Test(arguments: [
        "2026-11-20T23:55:08.112955027Z",
        "2026-11-20T23:55:08.1Z",
        "2026-11-20T23:55:08Z",
        "0001-01-01T00:00:00Z",
        "2024-02-29T12:00:00.5+05:30",
        "1969-12-31T23:59:59.999999999-08:00",
        "9999-12-31T23:59:59Z",
    ])
    func testRFC3339Nano_roundTripsGoText(_ text: String) throws {
        let time = try #require(GoTime(rfc3339: text))
        #expect(time.rfc3339Nano == text)
    }

    @Test func testInit_trimsTrailingZerosAsGo() throws {
        // Go's RFC3339Nano drops trailing zeros of the fraction, and the fraction if it is zero.
        #expect(GoTime(rfc3339: "2026-01-02T03:04:05.120000000Z")?.rfc3339Nano == "2026-01-02T03:04:05.12Z")
        #expect(GoTime(rfc3339: "2026-01-02T03:04:05.000Z")?.rfc3339Nano == "2026-01-02T03:04:05Z")
    }

    @Test func testSecondsSinceEpoch_matchesUnixTime() {
        // 1795218908 is the createdAt label Helm wrote at 2026-11-20T23:55:08Z.
        #expect(GoTime(rfc3339: "2026-11-20T23:55:08Z")?.unix == 1_795_218_908)
        #expect(GoTime(rfc3339: "1970-01-01T01:00:00+01:00")?.unix == 0)
        #expect(GoTime.zero.rfc3339Nano == "0001-01-01T00:00:00Z")
        #expect(GoTime.zero.isZero)
    }

    @Test(arguments: [
        "", "2026-11-20", "2026-11-20T23:55:08", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
        "2026-11-20T24:00:00Z", "2026-11-20T23:55:08.Z", "2026-11-20T23:55:08+0100", "2026-11-20T23:55:08Zjunk",
    ])
    func testInit_rejectsInvalidText(_ text: String) {
        #expect(GoTime(rfc3339: text) == nil)
    }

    @Test func testAdding_carriesNanoseconds() {
        let time = GoTime.at("2026-01-01T00:00:00.9Z").adding(.milliseconds(200))
        #expect(time.rfc3339Nano == "2026-01-01T00:00:01.1Z")
        #expect(time.duration(since: .at("2026-01-01T00:00:00Z")) == .milliseconds(1100))
    }
}

extension GoTimeTests {
    @Test func testRFC3339Micro_sixDigitsInUTC() {
        #expect(GoTime.at("2026-01-01T00:00:00.123456789Z").rfc3339Micro == "2026-01-01T00:00:00.123456Z")
        #expect(GoTime.at("2026-01-01T01:00:00+01:00").rfc3339Micro == "2026-01-01T00:00:00.000000Z")
    }
}

extension GoTime {
    /// A time from RFC 3339 text the test knows to be valid.
    fileprivate static func at(_ text: String) -> GoTime { GoTime(rfc3339: text) ?? .zero }
}
