import Foundation
import HelmRelease

/// Formats a ``GoTime`` with a Go reference layout (`2006-01-02 15:04:05.999999999 -0700 MST`), as Go's
/// `time.Time.Format` does, so `--time-format` and Helm's printed times read exactly as Helm prints them.
struct GoTimeLayout: Sendable, Hashable {
    /// The layout, in Go's reference-time notation.
    var layout: String

    /// Go's `Time.String()` layout, which `helm list` uses for UPDATED.
    static let string = GoTimeLayout(layout: "2006-01-02 15:04:05.999999999 -0700 MST")
    /// Go's `time.ANSIC`, which `helm history` and `helm status` use.
    static let ansic = GoTimeLayout(layout: "Mon Jan _2 15:04:05 2006")
    /// Go's `time.RFC3339`, which `helm get metadata` uses for DEPLOYED_AT.
    static let rfc3339 = GoTimeLayout(layout: "2006-01-02T15:04:05Z07:00")

    /// `time` in this layout, in the zone it was recorded with.
    func format(_ time: GoTime) -> String {
        let clock = WallTime(time)
        var out = ""
        var rest = Substring(layout)
        while !rest.isEmpty {
            let (prefix, chunk, suffix) = Self.nextChunk(rest)
            out += prefix
            rest = suffix
            guard let chunk else { break }
            out += clock.text(for: chunk)
        }
        return out
    }

    /// One element of a layout that stands for a part of the time.
    enum Chunk: Hashable {
        case longMonth, month, numMonth, zeroMonth
        case longWeekday, weekday
        case day, underDay, zeroDay, underYearDay, zeroYearDay
        case hour, hour12, zeroHour12
        case minute, zeroMinute, second, zeroSecond
        case longYear, year
        case pm, lowerPM
        case zoneName
        /// `Z0700`-style (`Z` for UTC) or `-0700`-style offsets: colons, seconds, hours only.
        case offset(isoZ: Bool, colon: Bool, seconds: Bool, hoursOnly: Bool)
        /// `.000` (fixed digits) or `.999` (trailing zeros trimmed, nothing when zero), with its separator.
        case fraction(separator: Character, digits: Int, trimmed: Bool)
    }

    /// Splits off the literal text before the first chunk, the chunk and the rest (Go's `nextStdChunk`).
    static func nextChunk(_ layout: Substring) -> (String, Chunk?, Substring) {
        let chars = Array(layout)
        func has(_ text: String, at index: Int) -> Bool {
            let pattern = Array(text)
            guard index + pattern.count <= chars.count else { return false }
            return Array(chars[index..<index + pattern.count]) == pattern
        }
        func split(_ index: Int, _ length: Int, _ chunk: Chunk) -> (String, Chunk?, Substring) {
            (String(chars[0..<index]), chunk, Substring(String(chars[(index + length)...])))
        }
        for index in chars.indices {
            switch chars[index] {
            case "J":
                if has("January", at: index) { return split(index, 7, .longMonth) }
                if has("Jan", at: index) { return split(index, 3, .month) }
            case "M":
                if has("Monday", at: index) { return split(index, 6, .longWeekday) }
                if has("Mon", at: index) { return split(index, 3, .weekday) }
                if has("MST", at: index) { return split(index, 3, .zoneName) }
            case "0":
                if has("002", at: index) { return split(index, 3, .zeroYearDay) }
                let zeroChunks: [Character: Chunk] = [
                    "1": .zeroMonth, "2": .zeroDay, "3": .zeroHour12, "4": .zeroMinute, "5": .zeroSecond, "6": .year,
                ]
                if index + 1 < chars.count, let chunk = zeroChunks[chars[index + 1]] { return split(index, 2, chunk) }
            case "1":
                if has("15", at: index) { return split(index, 2, .hour) }
                return split(index, 1, .numMonth)
            case "2":
                if has("2006", at: index) { return split(index, 4, .longYear) }
                return split(index, 1, .day)
            case "_":
                if has("_2", at: index) {
                    // "_2006" is a literal underscore before the year.
                    if has("_2006", at: index) {
                        return (String(chars[0...index]), .longYear, Substring(String(chars[(index + 5)...])))
                    }
                    return split(index, 2, .underDay)
                }
                if has("__2", at: index) { return split(index, 3, .underYearDay) }
            case "3": return split(index, 1, .hour12)
            case "4": return split(index, 1, .minute)
            case "5": return split(index, 1, .second)
            case "P": if has("PM", at: index) { return split(index, 2, .pm) }
            case "p": if has("pm", at: index) { return split(index, 2, .lowerPM) }
            case "-", "Z":
                let isoZ = chars[index] == "Z"
                let forms: [(String, Chunk)] = [
                    ("070000", .offset(isoZ: isoZ, colon: false, seconds: true, hoursOnly: false)),
                    ("07:00:00", .offset(isoZ: isoZ, colon: true, seconds: true, hoursOnly: false)),
                    ("0700", .offset(isoZ: isoZ, colon: false, seconds: false, hoursOnly: false)),
                    ("07:00", .offset(isoZ: isoZ, colon: true, seconds: false, hoursOnly: false)),
                    ("07", .offset(isoZ: isoZ, colon: false, seconds: false, hoursOnly: true)),
                ]
                for (form, chunk) in forms where has(form, at: index + 1) {
                    return split(index, form.count + 1, chunk)
                }
            case ".", ",":
                guard index + 1 < chars.count, chars[index + 1] == "0" || chars[index + 1] == "9" else { break }
                let digit = chars[index + 1]
                var end = index + 1
                while end < chars.count, chars[end] == digit { end += 1 }
                if end < chars.count, chars[end].isASCII, chars[end].isNumber { break }
                let chunk = Chunk.fraction(separator: chars[index], digits: end - index - 1, trimmed: digit == "9")
                return split(index, end - index, chunk)
            default: break
            }
        }
        return (String(layout), nil, "")
    }
}

/// The calendar fields of a time in its own zone.
private struct WallTime {
    var year: Int64, month: Int64, day: Int64, yearDay: Int64, weekday: Int64
    var hour: Int64, minute: Int64, second: Int64, nanoseconds: Int64
    var offset: Int64
    var zoneName: String

    init(_ time: GoTime) {
        offset = Int64(time.utcOffset)
        let local = time.secondsSinceEpoch + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        nanoseconds = Int64(time.nanoseconds)
        (year, month, day) = Self.civil(fromDays: days)
        weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
        yearDay = days - Self.days(fromCivil: year, 1, 1) + 1
        zoneName = Self.zoneName(offset: offset, at: time.secondsSinceEpoch)
    }

    func text(for chunk: GoTimeLayout.Chunk) -> String {
        switch chunk {
        case .longMonth: return Self.months[Int(month - 1)]
        case .month: return String(Self.months[Int(month - 1)].prefix(3))
        case .numMonth: return String(month)
        case .zeroMonth: return pad(month, 2)
        case .longWeekday: return Self.weekdays[Int(weekday)]
        case .weekday: return String(Self.weekdays[Int(weekday)].prefix(3))
        case .day: return String(day)
        case .underDay: return day < 10 ? " \(day)" : String(day)
        case .zeroDay: return pad(day, 2)
        case .underYearDay: return String(repeating: " ", count: max(0, 3 - String(yearDay).count)) + String(yearDay)
        case .zeroYearDay: return pad(yearDay, 3)
        case .hour: return pad(hour, 2)
        case .hour12: return String(hour % 12 == 0 ? 12 : hour % 12)
        case .zeroHour12: return pad(hour % 12 == 0 ? 12 : hour % 12, 2)
        case .minute: return String(minute)
        case .zeroMinute: return pad(minute, 2)
        case .second: return String(second)
        case .zeroSecond: return pad(second, 2)
        case .longYear: return pad(year, 4)
        case .year: return pad(((year % 100) + 100) % 100, 2)
        case .pm: return hour >= 12 ? "PM" : "AM"
        case .lowerPM: return hour >= 12 ? "pm" : "am"
        case .zoneName:
            if !zoneName.isEmpty { return zoneName }
            let minutes = abs(offset) / 60
            return (offset < 0 ? "-" : "+") + pad(minutes / 60, 2) + pad(minutes % 60, 2)
        case .offset(let isoZ, let colon, let seconds, let hoursOnly):
            if isoZ && offset == 0 { return "Z" }
            let total = abs(offset)
            var text = (offset < 0 ? "-" : "+") + pad(total / 3600, 2)
            if hoursOnly { return text }
            text += (colon ? ":" : "") + pad(total / 60 % 60, 2)
            if seconds { text += (colon ? ":" : "") + pad(total % 60, 2) }
            return text
        case .fraction(let separator, let digits, let trimmed):
            var fraction = pad(nanoseconds, 9)
            if digits < 9 { fraction = String(fraction.prefix(digits)) }
            if trimmed {
                while fraction.hasSuffix("0") { fraction.removeLast() }
                return fraction.isEmpty ? "" : String(separator) + fraction
            }
            return String(separator) + fraction + String(repeating: "0", count: max(0, digits - 9))
        }
    }

    private func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }

    /// Go names UTC "UTC"; a time in the local zone gets the local abbreviation; any other offset has no name.
    private static func zoneName(offset: Int64, at seconds: Int64) -> String {
        if offset == 0 { return "UTC" }
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let local = TimeZone.current
        guard Int64(local.secondsFromGMT(for: date)) == offset, let name = local.abbreviation(for: date),
            !name.hasPrefix("GMT")
        else { return "" }
        return name
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date for days since 1970-01-01 (H. Hinnant's civil_from_days).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
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
