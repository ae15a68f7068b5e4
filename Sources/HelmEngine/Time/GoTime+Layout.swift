// Go's reference-time layouts (`Mon Jan 2 15:04:05 MST 2006`): formatting and parsing.
extension GoTime {
    enum Chunk: Equatable {
        case literal(String)
        case longMonth, month, numMonth, zeroMonth, longWeekDay, weekDay
        case day, underDay, zeroDay, underYearDay, zeroYearDay
        case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
        case longYear, year, upperPM, lowerPM, tz
        /// Numeric zone: `iso` prints `Z` for UTC; `colon` separates fields; `seconds` adds seconds;
        /// `short` prints hours only.
        case numericZone(text: String, iso: Bool, colon: Bool, seconds: Bool, short: Bool)
        /// Fractional seconds: separator, digit count, trimmed (`9`s) or fixed (`0`s).
        case fraction(separator: Character, digits: Int, trimmed: Bool)

        /// The layout text of the chunk, for Go's parse errors.
        var text: String {
            switch self {
            case .literal(let s): s
            case .longMonth: "January"
            case .month: "Jan"
            case .numMonth: "1"
            case .zeroMonth: "01"
            case .longWeekDay: "Monday"
            case .weekDay: "Mon"
            case .day: "2"
            case .underDay: "_2"
            case .zeroDay: "02"
            case .underYearDay: "__2"
            case .zeroYearDay: "002"
            case .hour: "15"
            case .hour12: "3"
            case .zeroHour12: "03"
            case .minute: "4"
            case .zeroMinute: "04"
            case .second: "5"
            case .zeroSecond: "05"
            case .longYear: "2006"
            case .year: "06"
            case .upperPM: "PM"
            case .lowerPM: "pm"
            case .tz: "MST"
            case .numericZone(let text, _, _, _, _): text
            case .fraction(let separator, let digits, let trimmed):
                String(separator) + String(repeating: trimmed ? "9" : "0", count: digits)
            }
        }
    }

    /// Splits a layout into Go's standard chunks and literal text (Go's `nextStdChunk`).
    static func chunks(_ layout: String) -> [Chunk] {
        let s = Array(layout)
        var result: [Chunk] = []
        var literal = ""
        var i = 0
        func has(_ text: String, at index: Int) -> Bool {
            let t = Array(text)
            return index + t.count <= s.count && Array(s[index..<(index + t.count)]) == t
        }
        func emit(_ chunk: Chunk, length: Int) {
            if !literal.isEmpty { result.append(.literal(literal)) }
            literal = ""
            result.append(chunk)
            i += length
        }
        let zones: [(String, Bool, Bool, Bool, Bool)] = [
            ("Z070000", true, false, true, false), ("Z07:00:00", true, true, true, false),
            ("Z0700", true, false, false, false), ("Z07:00", true, true, false, false),
            ("Z07", true, false, false, true),
            ("-070000", false, false, true, false), ("-07:00:00", false, true, true, false),
            ("-0700", false, false, false, false), ("-07:00", false, true, false, false),
            ("-07", false, false, false, true),
        ]
        scan: while i < s.count {
            let c = s[i]
            switch c {
            case "J" where has("January", at: i):
                emit(.longMonth, length: 7)
                continue scan
            case "J" where has("Jan", at: i):
                emit(.month, length: 3)
                continue scan
            case "M" where has("Monday", at: i):
                emit(.longWeekDay, length: 6)
                continue scan
            case "M" where has("Mon", at: i):
                emit(.weekDay, length: 3)
                continue scan
            case "M" where has("MST", at: i):
                emit(.tz, length: 3)
                continue scan
            case "0" where has("002", at: i):
                emit(.zeroYearDay, length: 3)
                continue scan
            case "0" where i + 1 < s.count && ("1"..."6").contains(s[i + 1]):
                let chunks: [Chunk] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                emit(chunks[Int(String(s[i + 1]))! - 1], length: 2)
                continue scan
            case "1" where has("15", at: i):
                emit(.hour, length: 2)
                continue scan
            case "1":
                emit(.numMonth, length: 1)
                continue scan
            case "2" where has("2006", at: i):
                emit(.longYear, length: 4)
                continue scan
            case "2":
                emit(.day, length: 1)
                continue scan
            case "_" where has("_2006", at: i):
                literal += "_"
                i += 1
                emit(.longYear, length: 4)
                continue scan
            case "_" where has("__2", at: i):
                emit(.underYearDay, length: 3)
                continue scan
            case "_" where has("_2", at: i):
                emit(.underDay, length: 2)
                continue scan
            case "3":
                emit(.hour12, length: 1)
                continue scan
            case "4":
                emit(.minute, length: 1)
                continue scan
            case "5":
                emit(.second, length: 1)
                continue scan
            case "P" where has("PM", at: i):
                emit(.upperPM, length: 2)
                continue scan
            case "p" where has("pm", at: i):
                emit(.lowerPM, length: 2)
                continue scan
            case "-", "Z":
                for (text, iso, colon, seconds, short) in zones where has(text, at: i) {
                    emit(
                        .numericZone(text: text, iso: iso, colon: colon, seconds: seconds, short: short),
                        length: text.count)
                    continue scan
                }
            case ".", ",":
                if i + 1 < s.count && (s[i + 1] == "0" || s[i + 1] == "9") {
                    let digit = s[i + 1]
                    var j = i + 1
                    while j < s.count && s[j] == digit { j += 1 }
                    if !(j < s.count && s[j].isASCII && s[j].isNumber) {
                        emit(.fraction(separator: c, digits: j - i - 1, trimmed: digit == "9"), length: j - i)
                        continue scan
                    }
                }
            default:
                break
            }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { result.append(.literal(literal)) }
        return result
    }

    private static func pad(_ value: Int, _ width: Int, _ padding: Character = "0") -> String {
        let digits = String(abs(value))
        let padded = String(repeating: padding, count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }

    /// Go's `Time.Format`.
    func format(_ layout: String) -> String {
        let f = fields
        var out = ""
        for chunk in GoTime.chunks(layout) {
            switch chunk {
            case .literal(let s): out += s
            case .year: out += GoTime.pad(f.year % 100, 2)
            case .longYear: out += GoTime.pad(f.year, 4)
            case .month: out += String(GoTime.monthNames[f.month - 1].prefix(3))
            case .longMonth: out += GoTime.monthNames[f.month - 1]
            case .numMonth: out += String(f.month)
            case .zeroMonth: out += GoTime.pad(f.month, 2)
            case .weekDay: out += String(GoTime.dayNames[f.weekday].prefix(3))
            case .longWeekDay: out += GoTime.dayNames[f.weekday]
            case .day: out += String(f.day)
            case .underDay: out += GoTime.pad(f.day, 2, " ")
            case .zeroDay: out += GoTime.pad(f.day, 2)
            case .underYearDay: out += GoTime.pad(f.yearDay, 3, " ")
            case .zeroYearDay: out += GoTime.pad(f.yearDay, 3)
            case .hour: out += GoTime.pad(f.hour, 2)
            case .hour12: out += String(f.hour % 12 == 0 ? 12 : f.hour % 12)
            case .zeroHour12: out += GoTime.pad(f.hour % 12 == 0 ? 12 : f.hour % 12, 2)
            case .minute: out += String(f.minute)
            case .zeroMinute: out += GoTime.pad(f.minute, 2)
            case .second: out += String(f.second)
            case .zeroSecond: out += GoTime.pad(f.second, 2)
            case .upperPM: out += f.hour >= 12 ? "PM" : "AM"
            case .lowerPM: out += f.hour >= 12 ? "pm" : "am"
            case .tz:
                if !f.abbreviation.isEmpty {
                    out += f.abbreviation
                } else {
                    let minutes = f.offset / 60
                    out +=
                        (minutes < 0 ? "-" : "+") + GoTime.pad(abs(minutes) / 60, 2) + GoTime.pad(abs(minutes) % 60, 2)
                }
            case .numericZone(_, let iso, let colon, let seconds, let short):
                if iso && f.offset == 0 {
                    out += "Z"
                    break
                }
                let absolute = abs(f.offset)
                out += f.offset < 0 ? "-" : "+"
                out += GoTime.pad(absolute / 3600, 2)
                if !short {
                    out += (colon ? ":" : "") + GoTime.pad(absolute / 60 % 60, 2)
                }
                if seconds { out += (colon ? ":" : "") + GoTime.pad(absolute % 60, 2) }
            case .fraction(let separator, let digits, let trimmed):
                var text = GoTime.pad(f.nanosecond, 9)
                text = String(text.prefix(digits))
                if trimmed {
                    while text.hasSuffix("0") { text.removeLast() }
                    if text.isEmpty { break }
                }
                out += String(separator) + text
            }
        }
        return out
    }
}
