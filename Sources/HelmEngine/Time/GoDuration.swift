import GoTemplate
/// Go's `time.Duration` text form and parser.
enum GoDuration {
    struct ParseError: Error { var message: String }

    /// Go's `Duration.String()`: `1h1m40s`, `1.5s`, `250ms`, `0s`.
    static func string(_ nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0s" }
        let negative = nanoseconds < 0
        let u = nanoseconds.magnitude
        var out: String
        if u < 1_000_000_000 {
            let (unit, scale): (String, UInt64) =
                u < 1000 ? ("ns", 1) : u < 1_000_000 ? ("µs", 1000) : ("ms", 1_000_000)
            out = fraction(u, scale: scale) + unit
        } else {
            let seconds = u / 1_000_000_000
            out = fraction(u % 60_000_000_000, scale: 1_000_000_000) + "s"
            let minutes = seconds / 60
            if minutes > 0 {
                out = "\(minutes % 60)m" + out
                let hours = minutes / 60
                if hours > 0 { out = "\(hours)h" + out }
            }
        }
        return (negative ? "-" : "") + out
    }

    /// `value / scale` with the fraction's trailing zeros dropped.
    private static func fraction(_ value: UInt64, scale: UInt64) -> String {
        let whole = value / scale
        var rest = value % scale
        guard rest != 0 else { return String(whole) }
        var digits = ""
        var s = scale / 10
        while s > 0 {
            digits += String(rest / s)
            rest %= s
            s /= 10
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    private static let units: [(String, Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    /// Go's `time.ParseDuration`: `[-+]` then one or more `NUMBER[.FRACTION]UNIT`.
    static func parse(_ text: String) throws(ParseError) -> Int64 {
        let invalid = ParseError(message: "time: invalid duration \(GoQuote.quote(text))")
        var s = Substring(text)
        var negative = false
        if let first = s.first, first == "-" || first == "+" {
            negative = first == "-"
            s = s.dropFirst()
        }
        if s == "0" { return 0 }
        if s.isEmpty { throw invalid }
        var total: Double = 0
        while !s.isEmpty {
            let whole = s.prefix { $0.isASCII && $0.isNumber }
            s = s.dropFirst(whole.count)
            var fractionDigits: Substring = ""
            if s.first == "." {
                s = s.dropFirst()
                fractionDigits = s.prefix { $0.isASCII && $0.isNumber }
                s = s.dropFirst(fractionDigits.count)
            }
            if whole.isEmpty && fractionDigits.isEmpty { throw invalid }
            let unitText = s.prefix { !($0 == "." || ($0.isASCII && $0.isNumber)) }
            s = s.dropFirst(unitText.count)
            if unitText.isEmpty {
                throw ParseError(message: "time: missing unit in duration \(GoQuote.quote(text))")
            }
            guard let unit = units.first(where: { $0.0 == unitText }) else {
                throw ParseError(
                    message: "time: unknown unit \(GoQuote.quote(String(unitText))) in duration "
                        + GoQuote.quote(text))
            }
            let number =
                Double(
                    (whole.isEmpty ? "0" : String(whole)) + "."
                        + (fractionDigits.isEmpty ? "0" : String(fractionDigits))) ?? 0
            total += number * unit.1
            if total > 9.223372036854775807e18 { throw invalid }
        }
        return Int64(negative ? -total : total)
    }
}
