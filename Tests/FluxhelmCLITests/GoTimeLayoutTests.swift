import Foundation
import HelmEngine
import HelmRelease
import Testing

@testable import fluxhelm

/// `GoTimeLayout` against Go's `time.Format` as real Helm ran it (Fixtures/time-layouts, made by the oracle).
struct GoTimeLayoutTests {
    private static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/time-layouts")

    /// The quoted strings of the `list` on the template's line `index`.
    private static func quoted(_ line: Substring) -> [String] {
        line.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    @Test func testFormat_matchesGoForEveryLayoutAndTime() throws {
        let template = try String(contentsOf: Self.directory.appendingPathComponent("layouts.tpl"), encoding: .utf8)
        let lines = template.split(separator: "\n")
        let times = Self.quoted(lines[0])
        let layouts = Self.quoted(lines[1])
        let expected = try String(
            contentsOf: Self.directory.appendingPathComponent("layouts.expected"), encoding: .utf8
        ).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(times.count == 5 && layouts.count == 6)
        var index = 0
        for text in times {
            let time = try #require(GoTime(rfc3339: text))
            for layout in layouts {
                #expect(GoTimeLayout(layout: layout).format(time) == expected[index], "\(text) in \(layout)")
                index += 1
            }
        }
    }

    @Test func testFormat_fixedOffsetWithoutZoneName_printsTheOffset() throws {
        let time = try #require(GoTime(rfc3339: "2026-01-15T08:00:00+02:00"))
        #expect(GoTimeLayout.string.format(time) == "2026-01-15 08:00:00 +0200 +0200")
        #expect(GoTimeLayout.rfc3339.format(time) == "2026-01-15T08:00:00+02:00")
    }

    @Test(arguments: [
        ("300s", Duration.seconds(300)), ("5m", .seconds(300)), ("1h30m", .seconds(5400)),
        ("1.5s", .milliseconds(1500)), ("250ms", .milliseconds(250)), ("0", .zero), ("2m3.5s", .milliseconds(123_500)),
    ])
    func testGoDuration_parsesGoSyntax(_ text: String, _ expected: Duration) {
        #expect(GoDurationArgument(argument: text)?.duration == expected)
    }

    @Test(arguments: ["", "5", "5x", "-1s", "1..5s", "s", "10 s"])
    func testGoDuration_rejectsWhatGoRejects(_ text: String) {
        #expect(GoDurationArgument(argument: text) == nil)
    }
}
