import GoTemplate

/// Go's reflection and spf13/cast conversions as Sprig applies them to template values.
enum GoCast {
    // MARK: Types

    /// Go's `reflect.Kind` name of a value (`invalid` for nil, `slice`, `map`, `ptr`).
    static func kindName(_ value: Value) -> String {
        switch value {
        case .null: "invalid"
        case .bool: "bool"
        case .int(_, let kind): kind.goName
        case .float: "float64"
        case .string: "string"
        case .list: "slice"
        case .map: "map"
        case .object(let object): object.goKind.rawValue
        }
    }

    /// Go's `reflect.DeepEqual`: equal dynamic types and equal contents.
    static func deepEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x, let kx), .int(let y, let ky)): return kx == ky && x == y
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x, let kx), .list(let y, let ky)):
            guard kx == ky, x.count == y.count else { return false }
            return zip(x, y).allSatisfy { deepEqual($0, $1) }
        case (.map(let x, let kx), .map(let y, let ky)):
            guard kx == ky, x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], deepEqual(value, other) else { return false }
            }
            return true
        case (.object(let x), .object(let y)):
            return x.goTypeName == y.goTypeName && x.goDescription == y.goDescription
        default:
            return false
        }
    }

    /// Sprig's `empty`: nil, false, zero numbers, and empty strings, slices and maps.
    /// Structs and non-nil pointers are never empty.
    static func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .null: true
        case .bool(let b): !b
        case .int(let i, _): i == 0
        case .float(let d): d == 0
        case .string(let s): s.isEmpty
        case .list(let items, _): items.isEmpty
        case .map(let dict, _): dict.isEmpty
        // A named slice or map type (`common.VersionSet`, `engine.files`) or a nil slice: by its length.
        case .object(let object):
            object.goKind == .slice || object.goKind == .map ? object.underlyingValue.map(isEmpty) ?? false : false
        }
    }

    // MARK: Strings

    /// Sprig's `strval`: strings as they are, `[]byte` as text, Stringers through `String()`,
    /// everything else through `%v`.
    static func string(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .list(let items, .uint8): return bytesToString(items)
        case .object(let object): return object.goValueDescription
        default: return GoFormatter.format(value)
        }
    }

    static func bytesToString(_ items: [Value]) -> String {
        let bytes = items.map { item -> UInt8 in
            if case .int(let i, _) = item { return UInt8(truncatingIfNeeded: i) }
            return 0
        }
        return GoBytes.string(from: bytes)
    }

    /// Sprig's `strslice` (`toStrings`): the elements of a slice as strings, skipping nil
    /// elements; nil is an empty list and any other value a one-element list.
    static func strings(_ value: Value) -> [String] {
        if case .object = value, let items = value.sliceItems, let kind = value.sliceKind {
            return strings(.list(items, kind))
        }
        switch value {
        case .list(let items, .string):
            return items.map { string($0) }
        case .list(let items, _):
            return items.compactMap { item in
                if case .null = item { return nil }
                return string(item)
            }
        case .null:
            return []
        default:
            return [string(value)]
        }
    }

    // MARK: Numbers (spf13/cast)

    /// `cast.ToInt64`: integers as they are, floats truncated, bools as 0/1, strings through
    /// `strconv.ParseInt(s, 0, 0)` after dropping a zero decimal part (`"12.0"`), anything
    /// else (and any failure) 0.
    static func int64(_ value: Value) -> Int {
        switch value {
        case .int(let i, _): return i
        case .float(let d): return truncate(d)
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return parseInt(trimZeroDecimal(s)) ?? 0
        default: return 0
        }
    }

    /// `cast.ToFloat64`: numbers converted, bools as 0/1, strings through
    /// `strconv.ParseFloat`, anything else 0.
    static func float64(_ value: Value) -> Double {
        switch value {
        case .int(let i, let kind): return kind == .uint64 || kind == .uint ? Double(UInt(bitPattern: i)) : Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return parseFloat(s) ?? 0
        default: return 0
        }
    }

    /// Go's float-to-int64 conversion; out-of-range values give the minimum int64 as amd64 does.
    static func truncate(_ d: Double) -> Int {
        guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else { return Int.min }
        return Int(d.rounded(.towardZero))
    }

    /// cast's `trimZeroDecimal`: `"12.000"` becomes `"12"`; other strings stay.
    static func trimZeroDecimal(_ s: String) -> String {
        var foundZero = false
        let bytes = Array(s.utf8)
        var i = bytes.count
        while i > 0 {
            switch bytes[i - 1] {
            case UInt8(ascii: "."):
                if foundZero { return String(decoding: bytes[..<(i - 1)], as: UTF8.self) }
                return s
            case UInt8(ascii: "0"):
                foundZero = true
            default:
                return s
            }
            i -= 1
        }
        return s
    }

    /// Go's `strconv.ParseInt(s, 0, 64)`: sign, base prefix (`0x`, `0o`, `0b`, leading `0` for
    /// octal), underscores between digits; `nil` on syntax or range errors.
    static func parseInt(_ s: String) -> Int? {
        var bytes = Array(s.utf8)[...]
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var base: UInt64 = 10
        if bytes.first == UInt8(ascii: "0"), bytes.count > 1 {
            switch bytes[bytes.startIndex + 1] | 0x20 {
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
                bytes = bytes.dropFirst(1)
            }
        }
        if bytes.isEmpty && base != 8 { return nil }
        var magnitude: UInt64 = 0
        var underscores = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                underscores = true
                continue
            }
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < base else { return nil }
            let (product, overflow1) = magnitude.multipliedReportingOverflow(by: base)
            let (sum, overflow2) = product.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        if underscores && !underscoreOK(s) { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int(magnitude)
    }

    /// Go's `underscoreOK`: underscores only between digits or after a base prefix.
    static func underscoreOK(_ s: String) -> Bool {
        var bytes = Array(s.utf8)[...]
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var saw: Character = "^"
        var hex = false
        if bytes.count >= 2, bytes.first == UInt8(ascii: "0") {
            let p = bytes[bytes.startIndex + 1] | 0x20
            if p == UInt8(ascii: "b") || p == UInt8(ascii: "o") || p == UInt8(ascii: "x") {
                hex = p == UInt8(ascii: "x")
                saw = "0"
                bytes = bytes.dropFirst(2)
            }
        }
        for byte in bytes {
            let lower = byte | 0x20
            if (byte >= 48 && byte <= 57) || (hex && lower >= 97 && lower <= 102) {
                saw = "0"
                continue
            }
            if byte == UInt8(ascii: "_") {
                if saw != "0" { return false }
                saw = "_"
                continue
            }
            if saw == "_" { return false }
            saw = "!"
        }
        return saw != "_"
    }

    /// Go's `strconv.ParseFloat(s, 64)`; `nil` on syntax or range errors.
    static func parseFloat(_ s: String) -> Double? {
        guard !s.isEmpty else { return nil }
        var text = s
        if s.contains("_") {
            guard underscoreOK(s) else { return nil }
            text = String(s.filter { $0 != "_" })
        }
        let lower = text.lowercased()
        let unsigned = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        if unsigned == "inf" || unsigned == "infinity" { return lower.hasPrefix("-") ? -.infinity : .infinity }
        if unsigned == "nan" { return lower == "nan" ? .nan : nil }
        // A hexadecimal mantissa needs a `p` exponent in Go (`0x1p4`); `0x1F` is a syntax error.
        if unsigned.hasPrefix("0x") && !unsigned.contains("p") { return nil }
        guard unsigned.allSatisfy({ $0.isASCII && ($0.isHexDigit || "xp.e+-".contains($0)) }),
            let d = Double(text), d.isFinite
        else { return nil }
        return d
    }
}
