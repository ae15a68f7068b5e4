import Foundation

/// Go's `strconv.FormatFloat` for float64, the basis of fmt's float verbs.
enum GoFloat {
    /// Decimal digits `0.d1d2d3... x 10^dp` (no leading or trailing zeros; empty for zero).
    struct Digits {
        var digits: [UInt8]
        var dp: Int
    }

    /// `strconv.FormatFloat(value, format, precision, 64)`; `precision < 0` means shortest.
    static func format(_ value: Double, _ format: UInt8, precision: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let negative = value.sign == .minus
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        let magnitude = value.magnitude
        switch format {
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            appendHex(magnitude, upper: format == UInt8(ascii: "X"), precision: precision, to: &out)
        case UInt8(ascii: "b"):
            let bits = magnitude.bitPattern
            var exponent = Int((bits >> 52) & 0x7FF)
            var mantissa = bits & ((1 << 52) - 1)
            if exponent == 0 { exponent += 1 } else { mantissa |= 1 << 52 }
            exponent -= 1023 + 52
            out += Array("\(mantissa)p".utf8)
            out += Array((exponent >= 0 ? "+\(exponent)" : "\(exponent)").utf8)
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if precision < 0 {
                appendF(shortest(magnitude), precision: max(shortest(magnitude).digits.count - shortest(magnitude).dp, 0), to: &out)
            } else {
                out += Array(String(format: "%.\(min(precision, 1000))f", magnitude).utf8)
            }
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            let digs = precision < 0 ? shortest(magnitude) : rounded(magnitude, significant: precision + 1)
            let p = precision < 0 ? max(digs.digits.count - 1, 0) : precision
            appendE(digs, precision: p, upper: format == UInt8(ascii: "E"), to: &out)
        default:  // 'g', 'G'
            let upper = format == UInt8(ascii: "G")
            let shortestForm = precision < 0
            var prec = precision
            let digs: Digits
            if shortestForm {
                digs = shortest(magnitude)
                prec = digs.digits.count
            } else {
                if prec == 0 { prec = 1 }
                digs = rounded(magnitude, significant: prec)
            }
            var eprec = prec
            if eprec > digs.digits.count && digs.digits.count >= digs.dp { eprec = digs.digits.count }
            if shortestForm { eprec = 6 }
            let exp = digs.dp - 1
            if digs.digits.isEmpty {
                // Zero: Go prints "0" (shortest) or "0" with %g precision.
                out.append(UInt8(ascii: "0"))
            } else if exp < -4 || exp >= eprec {
                if prec > digs.digits.count { prec = digs.digits.count }
                appendE(digs, precision: prec - 1, upper: upper, to: &out)
            } else {
                if prec > digs.dp { prec = digs.digits.count }
                appendF(digs, precision: max(prec - digs.dp, 0), to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The shortest digits that read back as `value` (Swift's description is shortest round-trip too).
    static func shortest(_ value: Double) -> Digits {
        if value == 0 { return Digits(digits: [], dp: 0) }
        return parseDigits(Array(value.description.utf8))
    }

    /// `value` rounded to `significant` digits, correctly (C's printf rounds the exact binary value).
    static func rounded(_ value: Double, significant: Int) -> Digits {
        if value == 0 { return Digits(digits: [], dp: 0) }
        let text = String(format: "%.\(max(0, min(significant - 1, 1000)))e", value)
        return parseDigits(Array(text.utf8))
    }

    /// Parses `d.ddde±x` or `ddd.ddd` into trimmed digits and decimal point position.
    private static func parseDigits(_ text: [UInt8]) -> Digits {
        var mantissa: [UInt8] = []
        var pointIndex: Int?
        var exponent = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(i + 1)...], as: UTF8.self)) ?? 0
                break
            }
            if c == UInt8(ascii: ".") {
                pointIndex = mantissa.count
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                mantissa.append(c)
            }
            i += 1
        }
        var dp = (pointIndex ?? mantissa.count) + exponent
        var start = 0
        while start < mantissa.count && mantissa[start] == UInt8(ascii: "0") {
            start += 1
            dp -= 1
        }
        var end = mantissa.count
        while end > start && mantissa[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if start == end { return Digits(digits: [], dp: 0) }
        return Digits(digits: Array(mantissa[start..<end]), dp: dp)
    }

    /// Go's `fmtE`: `d.ddde±dd`.
    static func appendE(_ d: Digits, precision: Int, upper: Bool, to out: inout [UInt8]) {
        out.append(d.digits.first ?? UInt8(ascii: "0"))
        if precision > 0 {
            out.append(UInt8(ascii: "."))
            var i = 1
            let m = min(d.digits.count, precision + 1)
            while i < m {
                out.append(d.digits[i])
                i += 1
            }
            while i <= precision {
                out.append(UInt8(ascii: "0"))
                i += 1
            }
        }
        out.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
        var exp = d.digits.isEmpty ? 0 : d.dp - 1
        if exp < 0 {
            out.append(UInt8(ascii: "-"))
            exp = -exp
        } else {
            out.append(UInt8(ascii: "+"))
        }
        if exp < 10 { out.append(UInt8(ascii: "0")) }
        out += Array(String(exp).utf8)
    }

    /// Go's `fmtF`: `ddd.ddd`.
    static func appendF(_ d: Digits, precision: Int, to out: inout [UInt8]) {
        if d.dp > 0 {
            let m = min(d.digits.count, d.dp)
            out += d.digits[0..<m]
            for _ in m..<d.dp { out.append(UInt8(ascii: "0")) }
        } else {
            out.append(UInt8(ascii: "0"))
        }
        if precision > 0 {
            out.append(UInt8(ascii: "."))
            for i in 1...precision {
                let j = d.dp + i - 1
                out.append(j >= 0 && j < d.digits.count ? d.digits[j] : UInt8(ascii: "0"))
            }
        }
    }

    /// Go's `%x` for floats: `0x1.8p+01` (shortest when precision < 0).
    private static func appendHex(_ value: Double, upper: Bool, precision: Int, to out: inout [UInt8]) {
        let digits = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var mantissa: UInt64
        var exponent: Int
        if value == 0 {
            mantissa = 0
            exponent = 0
        } else {
            let bits = value.bitPattern
            let rawExp = Int((bits >> 52) & 0x7FF)
            mantissa = bits & ((1 << 52) - 1)
            if rawExp == 0 {
                exponent = -1022
                while mantissa & (1 << 52) == 0 {
                    mantissa <<= 1
                    exponent -= 1
                }
                mantissa &= (1 << 52) - 1
            } else {
                exponent = rawExp - 1023
            }
        }
        var frac: [UInt8] = []
        for shift in stride(from: 48, through: 0, by: -4) { frac.append(digits[Int((mantissa >> UInt64(shift)) & 0xF)]) }
        let lead = value == 0 ? UInt8(ascii: "0") : UInt8(ascii: "1")
        if precision >= 0 && precision < 13 {
            // Round the 52-bit fraction to `precision` hex digits, half to even.
            let drop = UInt64(52 - 4 * precision)
            var m = mantissa | (value == 0 ? 0 : 1 << 52)
            let half: UInt64 = 1 << (drop - 1)
            let remainder = m & ((1 << drop) - 1)
            m >>= drop
            if remainder > half || (remainder == half && m & 1 == 1) { m += 1 }
            if m >> UInt64(4 * precision) >= 2 {
                m >>= 1
                exponent += 1
            }
            frac = []
            for k in stride(from: precision - 1, through: 0, by: -1) { frac.append(digits[Int((m >> UInt64(4 * k)) & 0xF)]) }
        } else {
            while let last = frac.last, last == UInt8(ascii: "0") { frac.removeLast() }
            if precision > 13 { while frac.count < precision { frac.append(UInt8(ascii: "0")) } }
        }
        out += [UInt8(ascii: "0"), upper ? UInt8(ascii: "X") : UInt8(ascii: "x"), lead]
        if !frac.isEmpty {
            out.append(UInt8(ascii: "."))
            out += frac
        }
        out.append(upper ? UInt8(ascii: "P") : UInt8(ascii: "p"))
        out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let e = abs(exponent)
        if e < 10 { out.append(UInt8(ascii: "0")) }
        out += Array(String(e).utf8)
    }
}
