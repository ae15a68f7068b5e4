/// Go's `strconv.FormatFloat` with precision -1 (shortest representation that round-trips),
/// for the formats Helm's output depends on, plus encoding/json's float rule.
enum GoFloat {
    enum Format { case e, f, g }

    /// The shortest decimal digits of a finite, non-zero value and the position of the decimal
    /// point: value = 0.DIGITS × 10^point.
    struct Decimal {
        var digits: [UInt8]
        var point: Int
    }

    /// `strconv.FormatFloat(value, fmt, -1, bits)`; `bits` 32 rounds through `Float` first.
    static func format(_ value: Double, _ format: Format, bits: Int = 64) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let negative = value.sign == .minus
        let sign = negative ? "-" : ""
        if value == 0 {
            switch format {
            case .e: return sign + "0e+00"
            case .f, .g: return sign + "0"
            }
        }
        let decimal =
            bits == 32
            ? shortest(description: Float(value).magnitude.description)
            : shortest(description: value.magnitude.description)
        switch format {
        case .e: return sign + formatE(decimal)
        case .f: return sign + formatF(decimal)
        case .g:
            let exponent = decimal.point - 1
            if exponent < -4 || exponent >= 6 {
                // Shortest %g switches to exponent form at 10^6 or below 10^-4 (Go uses
                // precision 6 for this decision when the precision is "shortest").
                return sign + formatE(decimal)
            }
            return sign + formatF(decimal)
        }
    }

    /// encoding/json's float text: `'f'` format, or `'e'` below 1e-6 and from 1e21, with
    /// `e-07` shortened to `e-7`.
    static func json(_ value: Double) -> String {
        let magnitude = value.magnitude
        if magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21) {
            var bytes = Array(format(value, .e).utf8)
            // Go shortens `e-07` to `e-7` (negative exponents only).
            let n = bytes.count
            if n >= 4, bytes[n - 4] == UInt8(ascii: "e"), bytes[n - 3] == UInt8(ascii: "-"),
                bytes[n - 2] == UInt8(ascii: "0")
            {
                bytes[n - 2] = bytes[n - 1]
                bytes.removeLast()
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return format(value, .f)
    }

    /// Digits from Swift's shortest description (`1.2345679e+08`, `100000.0`, `5e-324`).
    static func shortest(description: String) -> Decimal {
        var mantissa = Substring(description)
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = description[..<e]
            exponent = Int(description[description.index(after: e)...]) ?? 0
        }
        var integer = mantissa
        var fraction: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integer = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        }
        var digits = Array((integer + fraction).utf8)
        var point = integer.count + exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { return Decimal(digits: [UInt8(ascii: "0")], point: 1) }
        return Decimal(digits: digits, point: point)
    }

    private static func formatE(_ decimal: Decimal) -> String {
        var out = String(UnicodeScalar(decimal.digits[0]))
        if decimal.digits.count > 1 {
            out += "." + String(decoding: decimal.digits[1...], as: UTF8.self)
        }
        let exponent = decimal.point - 1
        out += exponent < 0 ? "e-" : "e+"
        let magnitude = abs(exponent)
        out += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
        return out
    }

    private static func formatF(_ decimal: Decimal) -> String {
        let digits = decimal.digits
        if decimal.point <= 0 {
            return "0." + String(repeating: "0", count: -decimal.point) + String(decoding: digits, as: UTF8.self)
        }
        if decimal.point >= digits.count {
            return String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: decimal.point - digits.count)
        }
        return String(decoding: digits[..<decimal.point], as: UTF8.self) + "."
            + String(decoding: digits[decimal.point...], as: UTF8.self)
    }
}
