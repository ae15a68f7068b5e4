import GoTemplate
// Go's `time.ParseInLocation`, with Go's error texts.
extension GoTime {
    struct ParseError: Error {
        var message: String
    }

    private static func parseError(_ value: String, _ layout: String, _ valueElem: String, _ layoutElem: String)
        -> ParseError
    {
        ParseError(
            message: "parsing time \(GoQuote.quote(value)) as \(GoQuote.quote(layout)): cannot parse "
                + "\(GoQuote.quote(valueElem)) as \(GoQuote.quote(layoutElem))")
    }

    /// Go's `time.ParseInLocation(layout, value, zone)`.
    static func parse(layout: String, value original: String, zone location: GoZone) throws(ParseError) -> GoTime {
        var value = Substring(original)
        var year = 0
        var month = -1
        var day = -1
        var yearDay = -1
        var hour = 0
        var minute = 0
        var second = 0
        var nanos = 0
        var pm = false
        var am = false
        var zoneOffset: Int?
        var zoneName: String?
        var utc = false
        var rangeError: String?
        let chunks = chunks(layout)

        func digit(_ s: Substring, _ index: Int) -> Int? {
            guard index < s.count else { return nil }
            let c = s[s.index(s.startIndex, offsetBy: index)]
            return c.isASCII ? c.wholeNumberValue : nil
        }
        // Go's getnum: one or two digits (exactly two when `fixed`).
        func number(_ fixed: Bool, _ width: Int = 2) -> Int? {
            guard let first = digit(value, 0) else { return nil }
            var result = first
            var length = 1
            while length < width, let next = digit(value, length) {
                result = result * 10 + next
                length += 1
            }
            if fixed && length < width { return nil }
            value = value.dropFirst(length)
            return result
        }
        func nanoseconds(_ length: Int) -> Int? {
            // value starts with the separator; up to 9 digits count.
            let digits = value.dropFirst().prefix(length - 1)
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            var result = 0
            for (index, ch) in digits.prefix(9).enumerated() {
                _ = index
                result = result * 10 + (ch.wholeNumberValue ?? 0)
            }
            for _ in 0..<max(0, 9 - min(digits.count, 9)) { result *= 10 }
            value = value.dropFirst(length)
            return result
        }

        for (index, chunk) in chunks.enumerated() {
            let before = value
            var ok = true
            switch chunk {
            case .literal(let literal):
                // Runs of spaces in the layout match runs of spaces in the value.
                var l = Substring(literal)
                while !l.isEmpty {
                    if l.first == " " {
                        guard value.first == " " else {
                            ok = false
                            break
                        }
                        while l.first == " " { l = l.dropFirst() }
                        while value.first == " " { value = value.dropFirst() }
                        continue
                    }
                    guard value.first == l.first else {
                        ok = false
                        break
                    }
                    value = value.dropFirst()
                    l = l.dropFirst()
                }
            case .year:
                if let v = number(true) { year = v >= 69 ? 1900 + v : 2000 + v } else { ok = false }
            case .longYear:
                guard value.count >= 4, value.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }),
                    let v = Int(value.prefix(4))
                else {
                    ok = false
                    break
                }
                year = v
                value = value.dropFirst(4)
            case .month, .longMonth:
                let names = GoTime.monthNames.map { chunk == .month ? String($0.prefix(3)) : $0 }
                if let found = names.firstIndex(where: { value.lowercased().hasPrefix($0.lowercased()) }) {
                    month = found + 1
                    value = value.dropFirst(names[found].count)
                } else {
                    ok = false
                }
            case .weekDay, .longWeekDay:
                let names = GoTime.dayNames.map { chunk == .weekDay ? String($0.prefix(3)) : $0 }
                if let found = names.first(where: { value.lowercased().hasPrefix($0.lowercased()) }) {
                    value = value.dropFirst(found.count)
                } else {
                    ok = false
                }
            case .numMonth, .zeroMonth:
                if let v = number(chunk == .zeroMonth) {
                    month = v
                    if v <= 0 || v > 12 { rangeError = "month" }
                } else {
                    ok = false
                }
            case .day, .underDay, .zeroDay:
                if chunk == .underDay && value.first == " " { value = value.dropFirst() }
                if let v = number(chunk == .zeroDay) { day = v } else { ok = false }
            case .underYearDay, .zeroYearDay:
                for _ in 0..<2 where chunk == .underYearDay && value.first == " " { value = value.dropFirst() }
                if let v = number(chunk == .zeroYearDay, 3) {
                    yearDay = v
                    if v < 1 || v > 366 { rangeError = "day-of-year" }
                } else {
                    ok = false
                }
            case .hour:
                if let v = number(false) {
                    hour = v
                    if v > 23 { rangeError = "hour" }
                } else {
                    ok = false
                }
            case .hour12, .zeroHour12:
                if let v = number(chunk == .zeroHour12) {
                    hour = v
                    if v > 12 { rangeError = "hour" }
                } else {
                    ok = false
                }
            case .minute, .zeroMinute:
                if let v = number(chunk == .zeroMinute) {
                    minute = v
                    if v > 59 { rangeError = "minute" }
                } else {
                    ok = false
                }
            case .second, .zeroSecond:
                guard let v = number(chunk == .zeroSecond) else {
                    ok = false
                    break
                }
                second = v
                if v > 59 { rangeError = "second" }
                // A fractional second the layout does not mention is accepted after the seconds.
                let nextIsFraction: Bool = {
                    if index + 1 < chunks.count, case .fraction = chunks[index + 1] { return true }
                    return false
                }()
                if !nextIsFraction, let first = value.first, first == "." || first == ",", digit(value, 1) != nil {
                    var n = 2
                    while digit(value, n) != nil { n += 1 }
                    nanos = nanoseconds(n) ?? 0
                }
            case .upperPM, .lowerPM:
                let text = String(value.prefix(2))
                let (p, a) = chunk == .upperPM ? ("PM", "AM") : ("pm", "am")
                if text == p { pm = true } else if text == a { am = true } else { ok = false }
                if ok { value = value.dropFirst(2) }
            case .numericZone(_, let iso, let colon, let seconds, let short):
                if iso && value.first == "Z" {
                    value = value.dropFirst()
                    utc = true
                    break
                }
                var pattern = "+hh"
                if !short { pattern += (colon ? ":" : "") + "mm" }
                if seconds { pattern += (colon ? ":" : "") + "ss" }
                guard value.count >= pattern.count else {
                    ok = false
                    break
                }
                let text = Array(value.prefix(pattern.count))
                var fieldsOK = text[0] == "+" || text[0] == "-"
                for (p, ch) in zip(pattern, text) where p != "+" {
                    if p == ":" {
                        fieldsOK = fieldsOK && ch == ":"
                    } else {
                        fieldsOK = fieldsOK && ch.isASCII && ch.isNumber
                    }
                }
                guard fieldsOK else {
                    ok = false
                    break
                }
                let digits = text.filter { $0.isNumber }.compactMap(\.wholeNumberValue)
                let hh = digits[0] * 10 + digits[1]
                let mm = digits.count >= 4 ? digits[2] * 10 + digits[3] : 0
                let ss = digits.count >= 6 ? digits[4] * 10 + digits[5] : 0
                if hh > 24 { rangeError = "time zone offset hour" }
                if mm > 60 { rangeError = "time zone offset minute" }
                if ss > 60 { rangeError = "time zone offset second" }
                zoneOffset = (hh * 3600 + mm * 60 + ss) * (text[0] == "-" ? -1 : 1)
                value = value.dropFirst(pattern.count)
            case .tz:
                if value.hasPrefix("UTC") {
                    utc = true
                    value = value.dropFirst(3)
                    break
                }
                guard let length = timeZoneLength(value) else {
                    ok = false
                    break
                }
                zoneName = String(value.prefix(length))
                value = value.dropFirst(length)
            case .fraction(_, let digits, let trimmed):
                if trimmed {
                    guard let first = value.first, first == "." || first == ",", digit(value, 1) != nil else { break }
                    var n = 1
                    while digit(value, n) != nil { n += 1 }
                    nanos = nanoseconds(n) ?? 0
                } else {
                    guard value.count >= digits + 1, let n = nanoseconds(digits + 1) else {
                        ok = false
                        break
                    }
                    nanos = n
                }
            }
            if !ok { throw parseError(original, layout, String(before), chunk.text) }
        }
        if pm && hour < 12 { hour += 12 } else if am && hour == 12 { hour = 0 }
        if let rangeError {
            throw ParseError(message: "parsing time \(GoQuote.quote(original)): \(rangeError) out of range")
        }
        if !value.isEmpty {
            throw ParseError(
                message: "parsing time \(GoQuote.quote(original)): extra text: \(GoQuote.quote(String(value)))")
        }
        if yearDay >= 0 {
            var remaining = yearDay
            var m = 1
            while m <= 12 && remaining > GoTime.daysIn(month: m, year: year) {
                remaining -= GoTime.daysIn(month: m, year: year)
                m += 1
            }
            if m > 12 {
                throw ParseError(message: "parsing time \(GoQuote.quote(original)): day-of-year out of range")
            }
            month = m
            day = remaining
        } else {
            if month < 0 { month = 1 }
            if day < 0 { day = 1 }
        }
        if day < 1 || day > GoTime.daysIn(month: month, year: year) {
            throw ParseError(message: "parsing time \(GoQuote.quote(original)): day out of range")
        }
        let wall =
            GoTime.days(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        if utc { return GoTime(unix: wall, nanosecond: nanos, zone: .utc) }
        if let zoneOffset {
            let unix = wall - Int64(zoneOffset)
            let local = location.lookup(unix)
            if local.offset == zoneOffset && (zoneName == nil || zoneName == local.abbreviation) {
                return GoTime(unix: unix, nanosecond: nanos, zone: location)
            }
            return GoTime(unix: unix, nanosecond: nanos, zone: .fixed(name: zoneName ?? "", offset: zoneOffset))
        }
        if let zoneName {
            if let offset = location.offset(forAbbreviation: zoneName, near: wall) {
                return GoTime(unix: wall - Int64(offset), nanosecond: nanos, zone: location)
            }
            var offset = 0
            if zoneName.count > 3 && zoneName.hasPrefix("GMT") { offset = (Int(zoneName.dropFirst(3)) ?? 0) * 3600 }
            return GoTime(unix: wall - Int64(offset), nanosecond: nanos, zone: .fixed(name: zoneName, offset: offset))
        }
        let guess = location.lookup(wall).offset
        let offset = location.lookup(wall - Int64(guess)).offset
        return GoTime(unix: wall - Int64(offset), nanosecond: nanos, zone: location)
    }

    /// Go's `parseTimeZone`: the length of a zone abbreviation at the start of `value`.
    private static func timeZoneLength(_ value: Substring) -> Int? {
        guard value.count >= 3 else { return nil }
        if value.hasPrefix("ChST") || value.hasPrefix("MeST") { return 4 }
        if value.hasPrefix("GMT") {
            let rest = value.dropFirst(3)
            guard let sign = rest.first, sign == "+" || sign == "-" else { return 3 }
            let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard let n = Int(digits), n <= 23, !digits.isEmpty else { return 3 }
            return 4 + digits.count
        }
        if value.first == "+" || value.first == "-" {
            let digits = value.dropFirst().prefix { $0.isASCII && $0.isNumber }
            return digits.isEmpty ? nil : 1 + digits.count
        }
        let upper = value.prefix(6).prefix { $0.isASCII && $0.isUppercase }
        let chars = Array(value)
        switch upper.count {
        case 5 where chars[4] == "T": return 5
        case 4 where chars[3] == "T" || value.hasPrefix("WITA"): return 4
        case 3: return 3
        default: return nil
        }
    }
}
