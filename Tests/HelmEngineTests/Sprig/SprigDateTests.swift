import GoTemplate
import Testing

@testable import HelmEngine

/// Go time layouts, zones and durations. Expected texts are Helm's output for the same calls.
struct SprigDateTests {
    func date(_ layout: String, _ value: String) throws -> GoTime {
        do throws(GoTime.ParseError) {
            return try GoTime.parse(layout: layout, value: value, zone: .utc)
        } catch {
            throw TemplateFunctionError(error.message)
        }
    }

    @Test func testParse_formatsLikeGoString() throws {
        #expect(try date("2006-01-02", "2024-03-05").goDescription == "2024-03-05 00:00:00 +0000 UTC")
        #expect(
            try date("2006-01-02T15:04:05Z07:00", "2024-03-05T10:11:12.123456+05:30").goDescription
                == "2024-03-05 10:11:12.123456 +0530 +0530")
        #expect(try date("Jan 2 2006 3:04PM", "Mar 5 2024 11:07AM").goDescription == "2024-03-05 11:07:00 +0000 UTC")
        #expect(try date("02/01/06", "31/12/99").goDescription == "1999-12-31 00:00:00 +0000 UTC")
        #expect(
            try date("2006-01-02 15:04:05 MST", "2024-03-05 10:00:00 PST").goDescription
                == "2024-03-05 10:00:00 +0000 PST")
        #expect(GoTime.zero.goDescription == "0001-01-01 00:00:00 +0000 UTC")
    }

    @Test func testParse_reportsGoErrors() {
        func message(_ layout: String, _ value: String) -> String? {
            do throws(GoTime.ParseError) {
                _ = try GoTime.parse(layout: layout, value: value, zone: .utc)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message("2006-01-02", "bad") == #"parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006""#)
        #expect(message("2006-01-02", "2024-02-30") == #"parsing time "2024-02-30": day out of range"#)
        #expect(message("2006-01-02", "2024-03-05x") == #"parsing time "2024-03-05x": extra text: "x""#)
    }

    @Test func testZones_useTzdataAbbreviations() throws {
        let ny = try #require(GoZone.load("America/New_York"))
        let time = GoTime(unix: 1_719_792_000, nanosecond: 0, zone: ny)
        #expect(time.format("2006-01-02 15:04 MST -0700") == "2024-06-30 20:00 EDT -0400")
        let dubai = try #require(GoZone.load("Asia/Dubai"))
        #expect(GoTime(unix: 0, nanosecond: 0, zone: dubai).format("15:04 MST") == "04:00 +04")
        #expect(GoZone.load("Bad/Zone") == nil)
    }

    @Test(arguments: [
        (Int64(0), "0s"), (90_000_000_000, "1m30s"), (3_700_000_000_000, "1h1m40s"), (1_500_000_000, "1.5s"),
        (1_500, "1.5µs"), (2_000_000, "2ms"), (-90_000_000_000, "-1m30s"), (3_600_000_000_000, "1h0m0s"),
    ])
    func testDurationString_matchesGo(nanoseconds: Int64, expected: String) {
        #expect(GoDuration.string(nanoseconds) == expected)
    }

    func duration(_ text: String) -> Result<Int64, GoDuration.ParseError> {
        do throws(GoDuration.ParseError) {
            return .success(try GoDuration.parse(text))
        } catch {
            return .failure(error)
        }
    }

    @Test func testParseDuration_reportsGoErrors() {
        #expect((try? duration("1h30m").get()) == 5_400_000_000_000)
        #expect((try? duration("-1.5h").get()) == -5_400_000_000_000)
        guard case .failure(let error) = duration("3d") else {
            Issue.record("3d parsed")
            return
        }
        #expect(error.message == #"time: unknown unit "d" in duration "3d""#)
    }
}
