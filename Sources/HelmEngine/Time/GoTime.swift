import Foundation
public import GoTemplate

/// A Go `time.Time`: an instant (Unix seconds and nanoseconds) in a location.
///
/// Sprig's date functions return it (`now`, `toDate`, `dateModify`); templates print it with
/// Go's `String()` form (`2024-03-05 10:11:12.5 +0530 IST`) and call its methods (`.Unix`,
/// `.Year`, `.Format "Jan 2"`, `.UTC`, ...).
///
/// Release records and chart files store times as RFC 3339 text with nanoseconds
/// (`2026-11-20T23:55:08.186983815Z`); ``init(rfc3339:)`` reads it with the UTC offset it was written with and
/// ``rfc3339Nano`` writes it back unchanged. Go's zero time (`0001-01-01T00:00:00Z`) is ``zero``; Helm omits
/// zero times from most fields.
public struct GoTime: GoObject, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since the Unix epoch.
    public var unix: Int64
    /// Nanoseconds within the second, 0..<1e9.
    public var nanosecond: Int
    var zone: GoZone

    /// Go's zero time, `0001-01-01 00:00:00 +0000 UTC`.
    public static let zero = GoTime(unix: -62_135_596_800, nanosecond: 0, zone: .utc)

    init(unix: Int64, nanosecond: Int, zone: GoZone) {
        self.unix = unix
        self.nanosecond = nanosecond
        self.zone = zone
    }

    /// Creates a time from Unix seconds and nanoseconds (carried into seconds when outside 0..<1e9), written
    /// with a fixed UTC offset in seconds (0 writes `Z`), as a release record holds it.
    public init(unix: Int64, nanosecond: Int = 0, utcOffset: Int = 0) {
        var seconds = unix + Int64(nanosecond / 1_000_000_000)
        var nanos = nanosecond % 1_000_000_000
        if nanos < 0 {
            nanos += 1_000_000_000
            seconds -= 1
        }
        self.init(unix: seconds, nanosecond: nanos, zone: utcOffset == 0 ? .utc : .fixed(name: "", offset: utcOffset))
    }

    /// The offset from UTC, in seconds, of this time's zone at this instant.
    public var utcOffset: Int { zone.lookup(unix).offset }

    /// Whether this is Go's zero time (Go's `IsZero` ignores the zone).
    public var isZero: Bool { unix == Self.zero.unix && nanosecond == 0 }

    /// This time moved by `duration` (whole nanoseconds), in the same zone.
    public func adding(_ duration: Duration) -> GoTime {
        let (seconds, attoseconds) = duration.components
        var moved = GoTime(unix: unix + seconds, nanosecond: nanosecond + Int(attoseconds / 1_000_000_000))
        moved.zone = zone
        return moved
    }

    /// The time from `other` to this time.
    public func duration(since other: GoTime) -> Duration {
        .seconds(unix - other.unix) + .nanoseconds(Int64(nanosecond - other.nanosecond))
    }

    /// Equal when the instants are equal and they are written with the same UTC offset (the same RFC 3339 text).
    public static func == (lhs: GoTime, rhs: GoTime) -> Bool {
        lhs.unix == rhs.unix && lhs.nanosecond == rhs.nanosecond && lhs.utcOffset == rhs.utcOffset
    }

    /// Hashes what ``==`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(unix)
        hasher.combine(nanosecond)
        hasher.combine(utcOffset)
    }

    /// Orders by instant; the zone does not matter.
    public static func < (lhs: GoTime, rhs: GoTime) -> Bool {
        (lhs.unix, lhs.nanosecond) < (rhs.unix, rhs.nanosecond)
    }

    /// The RFC 3339 text, as ``rfc3339Nano``.
    public var description: String { rfc3339Nano }

    /// `time.Now()` in the local zone; `clock` supplies the instant (seconds and nanoseconds).
    static func now(clock: () -> (Int64, Int) = GoTime.systemClock) -> GoTime {
        let (seconds, nanos) = clock()
        return GoTime(unix: seconds, nanosecond: nanos, zone: .local)
    }

    /// The wall clock (Sprig's `now` is `time.Now`), to microsecond precision.
    static func systemClock() -> (Int64, Int) {
        let interval = Date().timeIntervalSince1970
        let seconds = interval.rounded(.down)
        return (Int64(seconds), Int(((interval - seconds) * 1_000_000).rounded()) * 1000 % 1_000_000_000)
    }

    public var goTypeName: String { "time.Time" }
    public var goKind: GoKind { .struct }

    /// Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`.
    public var goDescription: String { format("2006-01-02 15:04:05.999999999 -0700 MST") }

    /// `encoding/json` writes a time as an RFC 3339 string with nanoseconds.
    public var jsonValue: Value? { .string(rfc3339Nano) }

    func inZone(_ zone: GoZone) -> GoTime { GoTime(unix: unix, nanosecond: nanosecond, zone: zone) }

    /// Adds a duration in nanoseconds.
    func adding(nanoseconds: Int64) -> GoTime {
        let total = Int64(nanosecond) + nanoseconds % 1_000_000_000
        var seconds = unix &+ nanoseconds / 1_000_000_000
        var nanos = total
        if nanos < 0 {
            nanos += 1_000_000_000
            seconds -= 1
        } else if nanos >= 1_000_000_000 {
            nanos -= 1_000_000_000
            seconds += 1
        }
        return GoTime(unix: seconds, nanosecond: Int(nanos), zone: zone)
    }

    // MARK: Calendar

    /// The civil fields in this time's zone.
    var fields: Fields {
        let (offset, abbreviation) = zone.lookup(unix)
        let local = unix + Int64(offset)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let (year, month, day) = GoTime.civil(fromDays: days)
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4).
        let yearDay = Int(days - GoTime.days(year: year, month: 1, day: 1)) + 1
        return Fields(
            year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
            second: secondOfDay % 60, nanosecond: nanosecond, weekday: weekday, yearDay: yearDay,
            offset: offset, abbreviation: abbreviation)
    }

    struct Fields {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int
        var weekday: Int, yearDay: Int, offset: Int, abbreviation: String
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        if month == 2 { return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28 }
        return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    // MARK: Methods

    public func field(_ name: String) -> Value? { nil }

    public func method(_ name: String) -> TemplateFunction? {
        let time = self
        func noArguments(_ body: @escaping @Sendable () -> Value) -> TemplateFunction {
            TemplateFunction([]) { _, _ in body() }
        }
        switch name {
        case "Unix": return noArguments { .int64(Int(time.unix)) }
        case "UnixMilli": return noArguments { .int64(Int(time.unix) * 1000 + time.nanosecond / 1_000_000) }
        case "UnixNano": return noArguments { .int64(Int(time.unix) &* 1_000_000_000 &+ time.nanosecond) }
        case "Year": return noArguments { .int(time.fields.year) }
        case "Day": return noArguments { .int(time.fields.day) }
        case "Hour": return noArguments { .int(time.fields.hour) }
        case "Minute": return noArguments { .int(time.fields.minute) }
        case "Second": return noArguments { .int(time.fields.second) }
        case "Nanosecond": return noArguments { .int(time.nanosecond) }
        case "YearDay": return noArguments { .int(time.fields.yearDay) }
        case "Month": return noArguments { .object(GoNamedInt(GoTime.monthNames[time.fields.month - 1], "time.Month")) }
        case "Weekday": return noArguments { .object(GoNamedInt(GoTime.dayNames[time.fields.weekday], "time.Weekday")) }
        case "UTC": return noArguments { .object(time.inZone(.utc)) }
        case "Local": return noArguments { .object(time.inZone(.local)) }
        case "String": return noArguments { .string(time.goDescription) }
        case "IsZero": return noArguments { .bool(time.isZero) }
        case "Format":
            return TemplateFunction([.string]) { arguments, _ in
                guard case .string(let layout) = arguments.first else { return .string("") }
                return .string(time.format(layout))
            }
        default: return nil
        }
    }
}

/// A Go named integer type with a `String()` method (`time.Month`, `time.Weekday`).
struct GoNamedInt: GoObject {
    var text: String
    var goTypeName: String
    init(_ text: String, _ typeName: String) {
        self.text = text
        self.goTypeName = typeName
    }
    var goKind: GoKind { .int }
    var goDescription: String { text }
}
