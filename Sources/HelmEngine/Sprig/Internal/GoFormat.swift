import GoTemplate

/// Go's `fmt` and `strconv` formatting of values, as Sprig's functions print them.
///
/// Sprig turns values into text through `fmt.Sprintf("%v", v)` (`toString`, `cat`, `join`) and
/// `%q` (`quote`); these reproduce Go's output for every ``Value`` case.
enum GoFormat {
    /// Go's `%v` of a value at top level (`<nil>` for nil, `map[a:1]`, `[a b]`, `1e+06`).
    static func shortestDigits(_ d: Double) -> (digits: [UInt8], point: Int) {
        // Swift's description is the shortest round-tripping form, as Go's; only its layout differs.
        let text = abs(d).description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0
        var seenDot = false
        for ch in mantissa {
            if ch == "." {
                seenDot = true
                continue
            }
            guard let digit = ch.asciiValue.map({ $0 &- 48 }), digit < 10 else { continue }
            digits.append(digit)
            if !seenDot { point += 1 }
        }
        // Drop leading zeros (each moves the point left) and trailing zeros.
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
        return (digits, point + exponent)
    }

    /// Go's `strconv.FormatFloat(d, 'g', -1, 64)` as `%v` uses it (`1e+06`, `0.0001`, `1e-05`).
    static func formatFloat(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(d)
        let sign = d < 0 ? "-" : ""
        let exp = point - 1
        // Go's %v uses %e when the exponent is below -4 or at least 6 (the shortest-precision rule).
        if exp < -4 || exp >= 6 { return sign + exponentForm(digits, exp: exp) }
        return sign + fixedForm(digits, point: point)
    }

    /// Go's `strconv.FormatFloat(d, 'f', -1, 64)`.
    static func formatFloatFixed(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(d)
        return (d < 0 ? "-" : "") + fixedForm(digits, point: point)
    }

    private static func fixedForm(_ digits: [UInt8], point: Int) -> String {
        var out = ""
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point)
            out += digits.map { String($0) }.joined()
            return out
        }
        for i in 0..<max(point, digits.count) {
            if i == point { out += "." }
            out += i < digits.count ? String(digits[i]) : "0"
        }
        return out
    }

    private static func exponentForm(_ digits: [UInt8], exp: Int) -> String {
        var out = String(digits[0])
        if digits.count > 1 {
            out += "." + digits[1...].map { String($0) }.joined()
        }
        out += exp < 0 ? "e-" : "e+"
        let magnitude = abs(exp)
        out += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
        return out
    }

    // MARK: Quoting
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
