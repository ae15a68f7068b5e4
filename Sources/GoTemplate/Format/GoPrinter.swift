/// Go's `fmt` printer state for one call: flags of the current verb and the output buffer.
struct GoPrinter {
    var buffer: [UInt8] = []
    var plus = false
    var minus = false
    var sharp = false
    var space = false
    var zero = false
    var plusV = false
    var sharpV = false
    var width: Int?
    var precision: Int?

    mutating func clearFlags() {
        plus = false
        minus = false
        sharp = false
        space = false
        zero = false
        plusV = false
        sharpV = false
        width = nil
        precision = nil
    }

    // MARK: Padding

    mutating func writePadding(_ n: Int) {
        guard n > 0 else { return }
        let byte = zero ? UInt8(ascii: "0") : UInt8(ascii: " ")
        buffer.append(contentsOf: repeatElement(byte, count: n))
    }

    /// Go's `fmt.pad`: pads to the width, counting runes.
    mutating func pad(_ bytes: [UInt8]) {
        guard let width, width > 0 else {
            buffer += bytes
            return
        }
        let count = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        let padding = width - count
        if !minus {
            writePadding(padding)
            buffer += bytes
        } else {
            buffer += bytes
            writePadding(padding)
        }
    }

    mutating func pad(_ text: String) { pad(Array(text.utf8)) }

    /// Go's `fmtS`: a string truncated to the precision (in runes), then padded.
    mutating func fmtS(_ text: String) {
        if let precision {
            pad(String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision))))
        } else {
            pad(text)
        }
    }

    // MARK: Arguments

    /// Go's `printArg` for a top-level argument (`.null` is the untyped nil).
    mutating func printArg(_ value: Value, verb: UInt8) {
        if case .null = value {
            if verb == UInt8(ascii: "T") || verb == UInt8(ascii: "v") {
                pad("<nil>")
            } else {
                badVerb(verb, value)
            }
            return
        }
        if verb == UInt8(ascii: "T") {
            fmtS(value.goTypeName)
            return
        }
        printValue(value, verb: verb, depth: 0)
    }

    /// Go's `badVerb`: `%!d(string=hello)`.
    mutating func badVerb(_ verb: UInt8, _ value: Value) {
        buffer += Array("%!".utf8)
        appendVerb(verb)
        buffer.append(UInt8(ascii: "("))
        if case .null = value {
            buffer += Array("<nil>".utf8)
        } else {
            buffer += Array(value.goTypeName.utf8)
            buffer.append(UInt8(ascii: "="))
            let (savedSharpV, savedPlusV) = (sharpV, plusV)
            printValue(value, verb: UInt8(ascii: "v"), depth: 0)
            (sharpV, plusV) = (savedSharpV, savedPlusV)
        }
        buffer.append(UInt8(ascii: ")"))
    }

    var currentVerbScalar: Unicode.Scalar? = nil

    mutating func appendVerb(_ verb: UInt8) {
        if verb == 0, let s = currentVerbScalar {
            buffer += Array(String(Character(s)).utf8)
        } else {
            buffer.append(verb)
        }
    }

    mutating func printValue(_ value: Value, verb: UInt8, depth: Int) {
        switch value {
        case .null:
            if depth == 0 {
                printArg(value, verb: verb)
            } else if sharpV {
                buffer += Array("interface {}(nil)".utf8)
            } else {
                buffer += Array("<nil>".utf8)
            }
        case .bool(let b):
            if verb == UInt8(ascii: "t") || verb == UInt8(ascii: "v") {
                pad(b ? "true" : "false")
            } else {
                badVerb(verb, value)
            }
        case .int(let i, let kind):
            fmtInteger(i, kind: kind, verb: verb, value: value)
        case .float(let f):
            fmtFloat(f, verb: verb, value: value)
        case .string(let s):
            switch verb {
            case UInt8(ascii: "v"): if sharpV { fmtQ(s) } else { fmtS(s) }
            case UInt8(ascii: "s"): fmtS(s)
            case UInt8(ascii: "x"): fmtSx(GoBytes.bytes(of: s), upper: false)
            case UInt8(ascii: "X"): fmtSx(GoBytes.bytes(of: s), upper: true)
            case UInt8(ascii: "q"): fmtQ(s)
            default: badVerb(verb, value)
            }
        case .list(let items, let kind):
            if kind == .uint8,
                [UInt8(ascii: "s"), UInt8(ascii: "q"), UInt8(ascii: "x"), UInt8(ascii: "X")].contains(verb)
            {
                let bytes = items.map { v -> UInt8 in
                    if case .int(let i, _) = v { return UInt8(truncatingIfNeeded: i) }
                    return 0
                }
                switch verb {
                case UInt8(ascii: "s"): fmtS(GoBytes.string(from: bytes))
                case UInt8(ascii: "q"): fmtQ(GoBytes.string(from: bytes))
                default: fmtSx(bytes, upper: verb == UInt8(ascii: "X"))
                }
                return
            }
            if sharpV {
                buffer += Array(kind.goName.utf8)
                buffer.append(UInt8(ascii: "{"))
                for (i, item) in items.enumerated() {
                    if i > 0 { buffer += Array(", ".utf8) }
                    printValue(item, verb: verb, depth: depth + 1)
                }
                buffer.append(UInt8(ascii: "}"))
            } else {
                buffer.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { buffer.append(UInt8(ascii: " ")) }
                    printValue(item, verb: verb, depth: depth + 1)
                }
                buffer.append(UInt8(ascii: "]"))
            }
        case .map(let map, let kind):
            let keys = map.keys.sorted(by: GoFormatter.goStringLess)
            if sharpV {
                buffer += Array(kind.goName.utf8)
                buffer.append(UInt8(ascii: "{"))
            } else {
                buffer += Array("map[".utf8)
            }
            for (i, key) in keys.enumerated() {
                if i > 0 { buffer += sharpV ? Array(", ".utf8) : [UInt8(ascii: " ")] }
                printValue(.string(key), verb: verb, depth: depth + 1)
                buffer.append(UInt8(ascii: ":"))
                printValue(map[key] ?? .null, verb: verb, depth: depth + 1)
            }
            buffer.append(sharpV ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        case .object(let complex as GoComplex):
            printComplex(complex, verb: verb, depth: depth)
        case .object(let nilSlice as GoNilSlice) where sharpV:
            buffer += Array((nilSlice.goTypeName + "(nil)").utf8)
        case .object(let object) where sharpV && object.goKind == .slice:
            // A named slice type prints as `common.VersionSet{"v1", ...}`.
            guard case .list(let items, _)? = object.underlyingValue else { return fmtS(object.goValueDescription) }
            buffer += Array((object.goTypeName + "{").utf8)
            for (i, item) in items.enumerated() {
                if i > 0 { buffer += Array(", ".utf8) }
                printValue(item, verb: verb, depth: depth + 1)
            }
            buffer.append(UInt8(ascii: "}"))
        case .object(let object):
            fmtS(object.goValueDescription)
        }
    }

    /// Go's `fmtComplex`: `(REAL+IMAGi)` with both parts in the float verb, the imaginary part always signed.
    private mutating func printComplex(_ complex: GoComplex, verb: UInt8, depth: Int) {
        guard "vbgGxXfFeE".utf8.contains(verb) else {
            badVerb(verb, .object(complex))
            return
        }
        if verb == UInt8(ascii: "v") {
            fmtS(complex.goDescription)
            return
        }
        buffer.append(UInt8(ascii: "("))
        printValue(.float(complex.real), verb: verb, depth: depth + 1)
        let start = buffer.count
        printValue(.float(complex.imag), verb: verb, depth: depth + 1)
        if start < buffer.count, buffer[start] != UInt8(ascii: "-"), buffer[start] != UInt8(ascii: "+") {
            buffer.insert(UInt8(ascii: "+"), at: start)
        }
        buffer += Array("i)".utf8)
    }

    // MARK: Strings

    mutating func fmtQ(_ text: String) {
        var s = text
        if let precision { s = String(String.UnicodeScalarView(s.unicodeScalars.prefix(precision))) }
        if sharp && canBackquote(s) {
            pad("`" + s + "`")
        } else {
            pad(GoQuote.quote(s, asciiOnly: plus))
        }
    }

    private func canBackquote(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            if u == "`" || u == "\u{FEFF}" { return false }
            if u.value < 0x20 && u != "\t" { return false }
            if u.value == 0x7F { return false }
        }
        return true
    }

    mutating func fmtSx(_ bytes: [UInt8], upper: Bool) {
        let digits = Array((upper ? "0123456789ABCDEFX" : "0123456789abcdefx").utf8)
        var length = bytes.count
        if let precision, precision < length { length = precision }
        var w = 2 * length
        if w > 0 {
            if space {
                if sharp { w *= 2 }
                w += length - 1
            } else if sharp {
                w += 2
            }
        } else {
            if let width { writePadding(width) }
            return
        }
        if let width, width > w, !minus { writePadding(width - w) }
        if sharp { buffer += [UInt8(ascii: "0"), digits[16]] }
        for i in 0..<length {
            if space && i > 0 {
                buffer.append(UInt8(ascii: " "))
                if sharp { buffer += [UInt8(ascii: "0"), digits[16]] }
            }
            buffer += [digits[Int(bytes[i] >> 4)], digits[Int(bytes[i] & 0xF)]]
        }
        if let width, width > w, minus { writePadding(width - w) }
    }
}
