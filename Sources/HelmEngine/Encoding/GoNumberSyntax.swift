/// Go's number literal rules (`strconv.ParseInt(s, 0, 64)`, `ParseUint`, `ParseFloat`) as far as
/// go-yaml's resolver and Helm's JSON handling depend on them.
enum GoNumberSyntax {
    enum IntegerResult: Equatable {
        case int(Int64)
        case uint(UInt64)
        /// Well-formed and unsigned, but past `UInt64.max` (`ParseUint` reports a range error).
        case outOfRange(Double)
        case invalid
    }

    /// `ParseInt(s, 0, 64)`, falling back to `ParseUint(s, 0, 64)` as go-yaml does.
    static func parseInteger(_ text: String) -> IntegerResult {
        var bytes = Substring(text).utf8[...]
        var negative = false
        var signed = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            signed = true
            bytes = bytes.dropFirst()
        }
        var base: UInt64 = 10
        if bytes.count >= 2, bytes.first == UInt8(ascii: "0") {
            let second = bytes[bytes.index(after: bytes.startIndex)] | 0x20
            switch second {
            case UInt8(ascii: "x"):
                base = 16
                bytes = bytes.dropFirst(2)
            case UInt8(ascii: "o"):
                base = 8
                bytes = bytes.dropFirst(2)
            case UInt8(ascii: "b"):
                base = 2
                bytes = bytes.dropFirst(2)
            default:
                base = 8
                bytes = bytes.dropFirst()
            }
        }
        guard !bytes.isEmpty else { return .invalid }
        var magnitude: UInt64 = 0
        var overflow = false
        var approx = 0.0
        for byte in bytes {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return .invalid
            }
            guard digit < base else { return .invalid }
            approx = approx * Double(base) + Double(digit)
            if !overflow {
                let (shifted, o1) = magnitude.multipliedReportingOverflow(by: base)
                let (sum, o2) = shifted.addingReportingOverflow(digit)
                if o1 || o2 { overflow = true } else { magnitude = sum }
            }
        }
        if negative {
            if !overflow, magnitude <= UInt64(Int64.max) { return .int(-Int64(magnitude)) }
            if !overflow, magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
            return .invalid  // ParseUint rejects the sign: a syntax error, not a range error
        }
        if !overflow, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
        if signed { return .invalid }
        if !overflow { return .uint(magnitude) }
        return .outOfRange(approx)
    }

    /// go-yaml's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        let intDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(intDigits)
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let fraction = bytes.prefix(while: isDigit).count
            if intDigits == 0 && fraction == 0 { return false }
            bytes = bytes.dropFirst(fraction)
        } else if intDigits == 0 {
            return false
        }
        return exponentOnly(bytes)
    }

    /// What Go's `ParseFloat` accepts for text starting with a dot: `.5`, `.5e3`.
    static func isDotFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        guard bytes.first == UInt8(ascii: ".") else { return false }
        bytes = bytes.dropFirst()
        let fraction = bytes.prefix(while: isDigit).count
        guard fraction > 0 else { return false }
        return exponentOnly(bytes.dropFirst(fraction))
    }

    /// A decimal float, or `nil` when Go's `ParseFloat` would report a range error (overflow).
    static func parseFloat(_ text: String) -> Double? {
        var normalized = text
        if normalized.hasSuffix(".") { normalized += "0" }
        if normalized.hasPrefix(".") { normalized = "0" + normalized }
        if normalized.hasPrefix("+.") || normalized.hasPrefix("-.") {
            normalized.insert("0", at: normalized.index(after: normalized.startIndex))
        }
        normalized = normalized.replacingDotBeforeExponent()
        guard let value = Double(normalized), value.isFinite else { return nil }
        return value
    }

    private static func exponentOnly(_ rest: Substring.UTF8View.SubSequence) -> Bool {
        var bytes = rest
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") else { return false }
        bytes = bytes.dropFirst()
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension String {
    /// `1.e5` → `1.0e5`, which Swift's parser wants and Go's accepts as is.
    fileprivate func replacingDotBeforeExponent() -> String {
        guard let dot = firstIndex(of: ".") else { return self }
        let next = index(after: dot)
        if next < endIndex, self[next] == "e" || self[next] == "E" {
            return String(self[..<next]) + "0" + String(self[next...])
        }
        return self
    }
}
