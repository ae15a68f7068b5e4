/// Go's string quoting (`strconv.Quote`, `%q`, `%#U`) and the Unicode classes Go's lexer uses.
package enum GoQuote {
    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)

    /// `strconv.Quote`: a double-quoted Go string literal with Go's escapes.
    package static func quote(_ text: String, asciiOnly: Bool = false) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            appendEscaped(scalar, quote: UInt8(ascii: "\""), asciiOnly: asciiOnly, to: &out)
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// `strconv.QuoteRune`: a single-quoted Go rune literal.
    static func quoteRune(_ value: Int, asciiOnly: Bool = false) -> String {
        let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: max(0, min(value, 0x10FFFF)))) ?? "\u{FFFD}"
        let s = (value < 0 || value > 0x10FFFF) ? Unicode.Scalar(0xFFFD)! : scalar
        var out: [UInt8] = [UInt8(ascii: "'")]
        appendEscaped(s, quote: UInt8(ascii: "'"), asciiOnly: asciiOnly, to: &out)
        out.append(UInt8(ascii: "'"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `%#U`: `U+0041 'A'`, or just `U+0000` for a non-printable rune.
    static func hashU(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + hex(UInt64(scalar.value), minDigits: 4, upper: true)
        return GoUnicode.isPrint(scalar) ? "\(code) '\(Character(scalar))'" : code
    }

    static func hex(_ value: UInt64, minDigits: Int, upper: Bool) -> String {
        let digits = upper ? upperHexDigits : hexDigits
        var out = [UInt8]()
        var v = value
        repeat {
            out.append(digits[Int(v & 0xF)])
            v >>= 4
        } while v != 0
        while out.count < minDigits { out.append(UInt8(ascii: "0")) }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    private static func appendEscaped(_ s: Unicode.Scalar, quote: UInt8, asciiOnly: Bool, to out: inout [UInt8]) {
        let v = s.value
        if GoBytes.isStandIn(s) {
            // A byte that is not UTF-8: strconv writes it as `\xNN`.
            out.append(contentsOf: Array("\\x".utf8))
            out.append(contentsOf: hex(UInt64(v & 0xFF), minDigits: 2, upper: false).utf8)
            return
        }
        if v == UInt32(quote) || v == 0x5C {
            out.append(0x5C)
            out.append(UInt8(v))
            return
        }
        if asciiOnly ? (v < 0x80 && GoUnicode.isPrint(s)) : GoUnicode.isPrint(s) {
            out.append(contentsOf: String(Character(s)).utf8)
            return
        }
        switch v {
        case 0x07: out.append(contentsOf: Array("\\a".utf8))
        case 0x08: out.append(contentsOf: Array("\\b".utf8))
        case 0x0C: out.append(contentsOf: Array("\\f".utf8))
        case 0x0A: out.append(contentsOf: Array("\\n".utf8))
        case 0x0D: out.append(contentsOf: Array("\\r".utf8))
        case 0x09: out.append(contentsOf: Array("\\t".utf8))
        case 0x0B: out.append(contentsOf: Array("\\v".utf8))
        default:
            if v < 0x20 || v == 0x7F {
                out.append(contentsOf: Array("\\x".utf8))
                out.append(contentsOf: hex(UInt64(v), minDigits: 2, upper: false).utf8)
            } else if v < 0x10000 {
                out.append(contentsOf: Array("\\u".utf8))
                out.append(contentsOf: hex(UInt64(v), minDigits: 4, upper: false).utf8)
            } else {
                out.append(contentsOf: Array("\\U".utf8))
                out.append(contentsOf: hex(UInt64(v), minDigits: 8, upper: false).utf8)
            }
        }
    }
}

/// Unicode classes as Go's `unicode` package defines them.
enum GoUnicode {
    /// `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x20 && s.value < 0x7F }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `unicode.IsLetter`.
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `unicode.IsDigit` (category Nd).
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
        return s.properties.generalCategory == .decimalNumber
    }

    /// The template lexer's `isAlphaNumeric`: `_`, letters and digits.
    static func isAlphaNumeric(_ s: Unicode.Scalar) -> Bool {
        s == "_" || isLetter(s) || isDigit(s)
    }
}

/// Decodes one scalar from UTF-8 bytes as Go's `utf8.DecodeRune` does (U+FFFD, width 1 when invalid).
enum UTF8Decoding {
    static func scalar(in bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        func cont(_ k: Int) -> UInt32? {
            guard i + k < bytes.count, bytes[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(bytes[i + k] & 0x3F)
        }
        let bad = (Unicode.Scalar(0xFFFD)!, 1)
        if b0 >= 0xC2 && b0 < 0xE0, let c1 = cont(1) {
            return (Unicode.Scalar((UInt32(b0 & 0x1F) << 6) | c1)!, 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0, let c1 = cont(1), let c2 = cont(2) {
            let v = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            guard v >= 0x800, let s = Unicode.Scalar(v) else { return bad }
            return (s, 3)
        }
        if b0 >= 0xF0 && b0 < 0xF5, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            let v = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            guard v >= 0x10000, let s = Unicode.Scalar(v) else { return bad }
            return (s, 4)
        }
        return bad
    }
}
