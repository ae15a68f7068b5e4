/// Go's literal syntax for numbers and quoted strings, as `strconv` parses it.
enum GoLiteral {
    // MARK: Integers

    /// `strconv.ParseUint(text, 0, 64)`.
    static func parseUint(_ text: String) -> UInt64? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var base: UInt64 = 10
        var prefixed = false
        if bytes[0] == UInt8(ascii: "0") {
            if bytes.count >= 3, let b = baseOf(bytes[1]) {
                base = b
                prefixed = true
                bytes.removeFirst(2)
            } else {
                base = 8
                bytes.removeFirst(1)
                if bytes.isEmpty { return 0 }
            }
        }
        var value: UInt64 = 0
        var sawUnderscore = false
        for c in bytes {
            if c == UInt8(ascii: "_") {
                sawUnderscore = true
                continue
            }
            guard let d = digitValue(c), d < base else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = a
        }
        if sawUnderscore && !underscoreOK(text) { return nil }
        _ = prefixed
        return value
    }

    /// `strconv.ParseInt(text, 0, 64)`.
    static func parseInt(_ text: String) -> Int64? {
        guard let first = text.utf8.first else { return nil }
        var negative = false
        var body = Substring(text)
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard let magnitude = parseUint(String(body)) else { return nil }
        if negative {
            if magnitude > UInt64(Int64.max) + 1 { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        if magnitude > UInt64(Int64.max) { return nil }
        return Int64(magnitude)
    }

    /// `strconv.ParseFloat(text, 64)` for the forms the template lexer produces; `nil` on error
    /// (including out-of-range results, which Go reports as an error).
    static func parseFloat(_ text: String) -> Double? {
        var s = Array(text.utf8)
        guard !s.isEmpty else { return nil }
        if s.contains(UInt8(ascii: "_")) {
            guard underscoreOK(text) else { return nil }
            s.removeAll { $0 == UInt8(ascii: "_") }
        }
        let lower = s.map { $0 | 0x20 }
        var body = lower[...]
        if let f = body.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { body = body.dropFirst() }
        let isHex = body.starts(with: Array("0x".utf8))
        if isHex {
            guard body.contains(UInt8(ascii: "p")) else { return nil }
        } else {
            if body.contains(UInt8(ascii: "p")) { return nil }
            let allowed = Array("0123456789.e+-".utf8)
            guard body.allSatisfy({ allowed.contains($0) }) else { return nil }
            if body.starts(with: Array("0b".utf8)) || body.starts(with: Array("0o".utf8)) { return nil }
        }
        guard let value = Double(String(decoding: s, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    private static func baseOf(_ c: UInt8) -> UInt64? {
        switch c | 0x20 {
        case UInt8(ascii: "b"): 2
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "x"): 16
        default: nil
        }
    }

    private static func digitValue(_ c: UInt8) -> UInt64? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt64(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt64(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Go's `underscoreOK`: underscores only between digits or after a base prefix.
    private static func underscoreOK(_ text: String) -> Bool {
        let s = Array(text.utf8)
        var saw: UInt8 = UInt8(ascii: "^")
        var i = 0
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        var hex = false
        if s.count - i >= 2, s[i] == UInt8(ascii: "0"), let b = baseOf(s[i + 1]) {
            i += 2
            saw = UInt8(ascii: "0")
            hex = b == 16
        }
        while i < s.count {
            let c = s[i]
            let lower = c | 0x20
            if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                || (hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f"))
            {
                saw = UInt8(ascii: "0")
            } else if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
            i += 1
        }
        return saw != UInt8(ascii: "_")
    }

    // MARK: Strings

    /// `strconv.Unquote` for `"..."`, `` `...` `` and `'...'`; `nil` means Go's `invalid syntax`.
    static func unquote(_ quoted: [UInt8]) -> String? {
        guard quoted.count >= 2, let q = quoted.first, quoted.last == q else { return nil }
        let body = Array(quoted[1..<(quoted.count - 1)])
        if q == UInt8(ascii: "`") {
            if body.contains(UInt8(ascii: "`")) { return nil }
            return String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self)
        }
        guard q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else { return nil }
        var out = [UInt8]()
        var i = 0
        var runes = 0
        while i < body.count {
            guard let (bytes, next) = unquoteChar(body, at: i, quote: q) else { return nil }
            out.append(contentsOf: bytes)
            i = next
            runes += 1
        }
        if q == UInt8(ascii: "'") && runes != 1 { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of a character constant such as `'a'` or `'\n'`, or `nil` if malformed.
    static func charValue(_ quoted: [UInt8]) -> Int? {
        guard quoted.count >= 3, quoted.first == UInt8(ascii: "'"), quoted.last == UInt8(ascii: "'") else {
            return nil
        }
        let body = Array(quoted[1..<(quoted.count - 1)])
        guard let (value, next) = unquoteRune(body, at: 0, quote: UInt8(ascii: "'")), next == body.count else {
            return nil
        }
        return value
    }

    private static func unquoteChar(_ s: [UInt8], at i: Int, quote: UInt8) -> ([UInt8], Int)? {
        let c = s[i]
        if c == quote && quote != UInt8(ascii: "`") { return nil }
        if c == 0x0A { return nil }
        if c != UInt8(ascii: "\\") {
            let (_, width) = UTF8Decoding.scalar(in: s, at: i)
            return (Array(s[i..<(i + width)]), i + width)
        }
        // Byte escapes (\x, octal) produce raw bytes; the rest produce a rune.
        guard i + 1 < s.count else { return nil }
        let e = s[i + 1]
        if e == UInt8(ascii: "x") || (e >= UInt8(ascii: "0") && e <= UInt8(ascii: "7")) {
            guard let (value, next) = unquoteRune(s, at: i, quote: quote) else { return nil }
            if quote == UInt8(ascii: "'") {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
                return (Array(String(Character(scalar)).utf8), next)
            }
            return ([UInt8(value)], next)
        }
        guard let (value, next) = unquoteRune(s, at: i, quote: quote),
            let scalar = Unicode.Scalar(UInt32(value))
        else { return nil }
        return (Array(String(Character(scalar)).utf8), next)
    }

    /// One possibly escaped character starting at `i`: its value and the next index.
    private static func unquoteRune(_ s: [UInt8], at i: Int, quote: UInt8) -> (Int, Int)? {
        guard i < s.count else { return nil }
        let c = s[i]
        if c != UInt8(ascii: "\\") {
            if c == quote || c == 0x0A { return nil }
            let (scalar, width) = UTF8Decoding.scalar(in: s, at: i)
            return (Int(scalar.value), i + width)
        }
        guard i + 1 < s.count else { return nil }
        let e = s[i + 1]
        func hexRun(_ n: Int) -> Int? {
            guard i + 2 + n <= s.count else { return nil }
            var v = 0
            for k in 0..<n {
                guard let d = digitValue(s[i + 2 + k]), d < 16 else { return nil }
                v = v * 16 + Int(d)
            }
            return v
        }
        switch e {
        case UInt8(ascii: "a"): return (7, i + 2)
        case UInt8(ascii: "b"): return (8, i + 2)
        case UInt8(ascii: "f"): return (12, i + 2)
        case UInt8(ascii: "n"): return (10, i + 2)
        case UInt8(ascii: "r"): return (13, i + 2)
        case UInt8(ascii: "t"): return (9, i + 2)
        case UInt8(ascii: "v"): return (11, i + 2)
        case UInt8(ascii: "\\"): return (0x5C, i + 2)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return e == quote ? (Int(e), i + 2) : nil
        case UInt8(ascii: "x"):
            guard let v = hexRun(2) else { return nil }
            return (v, i + 4)
        case UInt8(ascii: "u"):
            guard let v = hexRun(4), Unicode.Scalar(UInt32(v)) != nil else { return nil }
            return (v, i + 6)
        case UInt8(ascii: "U"):
            guard let v = hexRun(8), v <= 0x10FFFF, Unicode.Scalar(UInt32(v)) != nil else { return nil }
            return (v, i + 10)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard i + 4 <= s.count else { return nil }
            var v = 0
            for k in 1...3 {
                let d = s[i + k]
                guard d >= UInt8(ascii: "0"), d <= UInt8(ascii: "7") else { return nil }
                v = v * 8 + Int(d - UInt8(ascii: "0"))
            }
            guard v <= 255 else { return nil }
            return (v, i + 4)
        default:
            return nil
        }
    }
}
