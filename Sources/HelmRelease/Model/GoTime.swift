/// A point in time as Go's `time.Time` writes it into JSON (RFC 3339 with nanoseconds).
///
/// Release records store times such as `2026-11-20T23:55:08.186983815Z`. `GoTime` keeps the nanoseconds and
/// the UTC offset the writer used, so a time read and written again is unchanged. Go's zero time
/// (`0001-01-01T00:00:00Z`) is ``zero``; Helm omits zero times from most fields.
public struct GoTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64
    /// Nanoseconds within the second, 0..<1_000_000_000.
    public var nanoseconds: Int32
    /// The offset from UTC, in seconds, used when writing the time (0 writes `Z`).
    public var utcOffset: Int32

    /// Creates a time from Unix seconds, nanoseconds and the UTC offset to write it with.
    public init(secondsSinceEpoch: Int64, nanoseconds: Int32 = 0, utcOffset: Int32 = 0) {
        let carry = Int64(nanoseconds) / 1_000_000_000
        var nanos = Int64(nanoseconds) % 1_000_000_000
        var seconds = secondsSinceEpoch + carry
        if nanos < 0 {
            nanos += 1_000_000_000
            seconds -= 1
        }
        self.secondsSinceEpoch = seconds
        self.nanoseconds = Int32(nanos)
        self.utcOffset = utcOffset
    }

    /// Go's zero `time.Time`, `0001-01-01T00:00:00Z`.
    public static let zero = GoTime(secondsSinceEpoch: -62_135_596_800)

    /// Whether this is Go's zero time (Go's `IsZero` ignores the zone).
    public var isZero: Bool { secondsSinceEpoch == Self.zero.secondsSinceEpoch && nanoseconds == 0 }

    /// This time moved by `duration` (whole nanoseconds).
    public func adding(_ duration: Duration) -> GoTime {
        let (seconds, attoseconds) = duration.components
        return GoTime(
            secondsSinceEpoch: secondsSinceEpoch + seconds,
            nanoseconds: nanoseconds + Int32(attoseconds / 1_000_000_000),
            utcOffset: utcOffset
        )
    }

    /// The time from `other` to this time.
    public func duration(since other: GoTime) -> Duration {
        .seconds(secondsSinceEpoch - other.secondsSinceEpoch) + .nanoseconds(Int64(nanoseconds - other.nanoseconds))
    }

    /// Orders by instant; the UTC offset does not matter.
    public static func < (lhs: GoTime, rhs: GoTime) -> Bool {
        (lhs.secondsSinceEpoch, lhs.nanoseconds) < (rhs.secondsSinceEpoch, rhs.nanoseconds)
    }

    /// The RFC 3339 text, as ``rfc3339Nano``.
    public var description: String { rfc3339Nano }
}

// MARK: Formatting and parsing

extension GoTime {
    /// The time in Go's `time.RFC3339Nano` layout: fraction trimmed of trailing zeros, `Z` for UTC.
    public var rfc3339Nano: String {
        let local = secondsSinceEpoch + Int64(utcOffset)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        var text = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) + "T"
        text += Self.pad(secondOfDay / 3600, 2) + ":" + Self.pad(secondOfDay / 60 % 60, 2) + ":"
        text += Self.pad(secondOfDay % 60, 2)
        if nanoseconds != 0 {
            var fraction = Self.pad(Int64(nanoseconds), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        if utcOffset == 0 {
            text += "Z"
        } else {
            let minutes = abs(Int64(utcOffset)) / 60
            text += (utcOffset < 0 ? "-" : "+") + Self.pad(minutes / 60, 2) + ":" + Self.pad(minutes % 60, 2)
        }
        return text
    }

    /// The time in UTC with exactly six fraction digits, Kubernetes' `MicroTime` form
    /// (`2006-01-02T15:04:05.000000Z`), as Lease times are written.
    public var rfc3339Micro: String {
        let whole = GoTime(secondsSinceEpoch: secondsSinceEpoch).rfc3339Nano.dropLast()  // without its "Z"
        let micros = String(nanoseconds / 1000)
        return whole + "." + String(repeating: "0", count: 6 - micros.count) + micros + "Z"
    }

    /// Parses RFC 3339 text as Go's `time.Time.UnmarshalJSON` does (any number of fraction digits, `Z` or an
    /// offset). Returns nil for anything else.
    public init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int64? {
            guard index + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<index + count] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
            index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t")
        else { return nil }
        index += 1
        guard let hour = digits(2), expect(":"), let minute = digits(2), expect(":"), let second = digits(2),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var nanos: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var count = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if count < 9 { nanos = nanos * 10 + Int64(bytes[index] - 0x30) }
                count += 1
                index += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<max(count, 9) { nanos *= 10 }
        }
        var offset: Int64 = 0
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            index += 1
        } else {
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return nil }
            index += 1
            guard let offsetHours = digits(2), expect(":"), let offsetMinutes = digits(2), offsetHours < 24,
                offsetMinutes < 60
            else { return nil }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard index == bytes.count else { return nil }
        let days = Self.days(fromCivil: year, month, day)
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        self.init(secondsSinceEpoch: local - offset, nanoseconds: Int32(nanos), utcOffset: Int32(offset))
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date for days since 1970-01-01 (H. Hinnant's civil_from_days).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
