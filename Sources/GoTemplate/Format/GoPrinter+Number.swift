// Integer and float verbs (Go's fmtInteger, fmtFloat, fmtC, fmtQc, fmtUnicode).
extension GoPrinter {
    mutating func fmtInteger(_ i: Int, kind: IntKind, verb: UInt8, value: Value) {
        let unsigned = kind.isUnsigned
        // Unsigned kinds are stored in an Int; uint64 values above Int.max wrap, so reinterpret the bits.
        let magnitude: UInt64 = unsigned ? UInt64(bitPattern: Int64(i)) : i.magnitude.toUInt64
        let negative = !unsigned && i < 0
        switch verb {
        case UInt8(ascii: "v"):
            if sharpV && unsigned {
                let (savedSharp, savedPrec) = (sharp, precision)
                sharp = true
                integer(magnitude, negative: false, base: 16, upper: false, verb: verb)
                (sharp, precision) = (savedSharp, savedPrec)
            } else {
                integer(magnitude, negative: negative, base: 10, upper: false, verb: verb)
            }
        case UInt8(ascii: "d"): integer(magnitude, negative: negative, base: 10, upper: false, verb: verb)
        case UInt8(ascii: "b"): integer(magnitude, negative: negative, base: 2, upper: false, verb: verb)
        case UInt8(ascii: "o"), UInt8(ascii: "O"): integer(magnitude, negative: negative, base: 8, upper: false, verb: verb)
        case UInt8(ascii: "x"): integer(magnitude, negative: negative, base: 16, upper: false, verb: verb)
        case UInt8(ascii: "X"): integer(magnitude, negative: negative, base: 16, upper: true, verb: verb)
        case UInt8(ascii: "c"): pad(String(Character(scalar(of: i, unsigned: unsigned))))
        case UInt8(ascii: "q"):
            let code = unsigned && magnitude > UInt64(Int32.max) ? -1 : i
            pad(GoQuote.quoteRune(code, asciiOnly: plus))
        case UInt8(ascii: "U"): fmtUnicode(magnitude, negative: negative)
        default: badVerb(verb, value)
        }
    }

    private func scalar(of i: Int, unsigned: Bool) -> Unicode.Scalar {
        guard i >= 0, i <= 0x10FFFF, let s = Unicode.Scalar(UInt32(i)) else { return "\u{FFFD}" }
        return s
    }

    private mutating func fmtUnicode(_ u: UInt64, negative: Bool) {
        var digits = GoQuote.hex(negative ? UInt64(bitPattern: -Int64(bitPattern: u)) : u, minDigits: 4, upper: true)
        if let precision, precision > 4 {
            while digits.utf8.count < precision { digits = "0" + digits }
        }
        var text = "U+" + digits
        if sharp, u <= 0x10FFFF, let s = Unicode.Scalar(UInt32(u)), GoUnicode.isPrint(s) {
            text += " '\(Character(s))'"
        }
        let savedZero = zero
        zero = false
        pad(text)
        zero = savedZero
    }

    /// Go's `fmtInteger`.
    private mutating func integer(_ u: UInt64, negative: Bool, base: UInt64, upper: Bool, verb: UInt8) {
        var prec = 0
        if let precision {
            prec = precision
            if prec == 0 && u == 0 {
                let savedZero = zero
                zero = false
                writePadding(width ?? 0)
                zero = savedZero
                return
            }
        } else if zero, !minus, let width {
            prec = width
            if negative || plus || space { prec -= 1 }
        }
        let digitChars = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var digits: [UInt8] = []
        var v = u
        repeat {
            digits.append(digitChars[Int(v % base)])
            v /= base
        } while v != 0
        while digits.count < prec { digits.append(UInt8(ascii: "0")) }
        if sharp {
            switch base {
            case 2: digits += [UInt8(ascii: "b"), UInt8(ascii: "0")]
            case 8: if digits.last != UInt8(ascii: "0") { digits.append(UInt8(ascii: "0")) }
            case 16: digits += [upper ? UInt8(ascii: "X") : UInt8(ascii: "x"), UInt8(ascii: "0")]
            default: break
            }
        }
        if verb == UInt8(ascii: "O") { digits += [UInt8(ascii: "o"), UInt8(ascii: "0")] }
        if negative {
            digits.append(UInt8(ascii: "-"))
        } else if plus {
            digits.append(UInt8(ascii: "+"))
        } else if space {
            digits.append(UInt8(ascii: " "))
        }
        let savedZero = zero
        zero = false
        pad(Array(digits.reversed()))
        zero = savedZero
    }

    mutating func fmtFloat(_ f: Double, verb: UInt8, value: Value) {
        switch verb {
        case UInt8(ascii: "v"): float(f, format: UInt8(ascii: "g"), defaultPrecision: -1)
        case UInt8(ascii: "b"), UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "x"), UInt8(ascii: "X"):
            float(f, format: verb, defaultPrecision: -1)
        case UInt8(ascii: "f"), UInt8(ascii: "e"), UInt8(ascii: "E"): float(f, format: verb, defaultPrecision: 6)
        case UInt8(ascii: "F"): float(f, format: UInt8(ascii: "f"), defaultPrecision: 6)
        default: badVerb(verb, value)
        }
    }

    /// Go's `fmt.fmtFloat`: sign handling, Inf/NaN, zero padding after the sign.
    private mutating func float(_ f: Double, format: UInt8, defaultPrecision: Int) {
        let prec = precision ?? defaultPrecision
        var num = Array(GoFloat.format(f, format, precision: prec).utf8)
        if num.first == UInt8(ascii: "-") || num.first == UInt8(ascii: "+") {
            // keep
        } else {
            num.insert(UInt8(ascii: "+"), at: 0)
        }
        if space && num[0] == UInt8(ascii: "+") && !plus { num[0] = UInt8(ascii: " ") }
        if num.count > 1 && (num[1] == UInt8(ascii: "I") || num[1] == UInt8(ascii: "N")) {
            let savedZero = zero
            zero = false
            if num[1] == UInt8(ascii: "N") && !space && !plus { num.removeFirst() }
            pad(num)
            zero = savedZero
            return
        }
        if sharp && format != UInt8(ascii: "b") { applySharp(&num, format: format, prec: prec) }
        if plus || num[0] != UInt8(ascii: "+") {
            if zero, !minus, let width, width > num.count {
                buffer.append(num[0])
                writePadding(width - num.count)
                buffer += num[1...]
                return
            }
            pad(num)
            return
        }
        pad(Array(num[1...]))
    }

    /// The `#` flag: always print a decimal point, and for %g keep trailing zeros.
    private func applySharp(_ num: inout [UInt8], format: UInt8, prec: Int) {
        var digits = 0
        switch format {
        case UInt8(ascii: "v"), UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "x"):
            digits = prec
            if digits == -1 && format != UInt8(ascii: "x") { digits = 6 }
            if format == UInt8(ascii: "x") && digits == -1 { digits = 0 }
        default: break
        }
        var tail: [UInt8] = []
        if let e = num.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "p") || $0 == UInt8(ascii: "P") }) {
            tail = Array(num[e...])
            num = Array(num[..<e])
        }
        var sawPoint = false
        var sawNonzero = false
        for i in 1..<num.count {
            switch num[i] {
            case UInt8(ascii: "."): sawPoint = true
            case UInt8(ascii: "0"): if sawNonzero { digits -= 1 } else if sawPoint { }
            case UInt8(ascii: "1")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                sawNonzero = true
                digits -= 1
            default: break
            }
            if num[i] == UInt8(ascii: "0") && !sawNonzero && num[i] != UInt8(ascii: ".") {
                // Leading zeros don't count; Go counts them only once a nonzero digit was seen.
            }
        }
        if !sawPoint {
            if num.count == 2 && num[1] == UInt8(ascii: "0") { digits -= 1 }
            num.append(UInt8(ascii: "."))
        }
        while digits > 0 {
            num.append(UInt8(ascii: "0"))
            digits -= 1
        }
        num += tail
    }
}

extension UInt {
    fileprivate var toUInt64: UInt64 { UInt64(self) }
}
