/// Go's `strings` and `unicode` behaviour on which Sprig's string functions rest.
///
/// Go works on UTF-8 bytes and maps case rune by rune with simple (one-to-one) mappings,
/// unlike Swift's `uppercased()` (`ß` stays `ß` in Go).
enum GoStrings {
    /// Go's `unicode.IsSpace`.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0...0xFF: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Go's `strings.TrimSpace`.
    static func trimSpace(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Go's `strings.Trim(s, cutset)`.
    static func trim(_ s: String, cutset: String) -> String {
        let set = Set(cutset.unicodeScalars)
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }),
            let last = scalars.lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Applies a rune mapping to every scalar (Go's `strings.Map`).
    static func mapScalars(_ s: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(transform(scalar)) }
        return String(out)
    }

    /// A simple (single-rune) case mapping from a full mapping, else the rune itself.
    private static func simple(_ mapping: String, _ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let scalars = mapping.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return only }
        return scalar
    }

    /// Go's `unicode.ToUpper`.
    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return scalar.value >= 97 && scalar.value <= 122 ? Unicode.Scalar(scalar.value - 32)! : scalar
        }
        return simple(scalar.properties.uppercaseMapping, scalar)
    }

    /// Go's `unicode.ToLower`.
    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        return simple(scalar.properties.lowercaseMapping, scalar)
    }

    /// Go's `unicode.ToTitle`.
    static func title(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return upper(scalar) }
        return simple(scalar.properties.titlecaseMapping, scalar)
    }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value >= 65 && scalar.value <= 90) : scalar.properties.isUppercase
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value >= 97 && scalar.value <= 122) : scalar.properties.isLowercase
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 97 && (scalar.value | 0x20) <= 122 }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 48 && scalar.value <= 57 }
        return scalar.properties.numericType == .decimal
    }

    /// Go's `strings.Title`: upper-cases (title-cases) the first letter of each word.
    static func title(_ s: String) -> String {
        var previous: Unicode.Scalar = " "
        return mapScalars(s) { scalar in
            defer { previous = scalar }
            return isSeparator(previous) ? title(scalar) : scalar
        }
    }

    /// The word boundary rule of Go's `strings.Title`.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            if (v >= 48 && v <= 57) || ((v | 0x20) >= 97 && (v | 0x20) <= 122) || v == 95 { return false }
            return true
        }
        if isLetter(scalar) || isDigit(scalar) { return false }
        return isSpace(scalar)
    }

    // MARK: Byte-wise operations

    static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        s.utf8.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        let a = s.utf8
        let b = suffix.utf8
        guard b.count <= a.count else { return false }
        return a.dropFirst(a.count - b.count).elementsEqual(b)
    }

    static func dropFirstBytes(_ s: String, _ count: Int) -> String {
        String(decoding: s.utf8.dropFirst(count), as: UTF8.self)
    }

    static func dropLastBytes(_ s: String, _ count: Int) -> String {
        String(decoding: s.utf8.dropLast(count), as: UTF8.self)
    }

    /// Byte offsets of the non-overlapping occurrences of `needle` in `haystack`.
    static func occurrences(_ haystack: [UInt8], _ needle: [UInt8], limit: Int = Int.max) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Int] = []
        var i = 0
        let first = needle[0]
        while i <= haystack.count - needle.count && result.count < limit {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) {
                result.append(i)
                i += needle.count
            } else {
                i += 1
            }
        }
        return result
    }

    static func contains(_ s: String, _ substring: String) -> Bool {
        substring.isEmpty || !occurrences(Array(s.utf8), Array(substring.utf8), limit: 1).isEmpty
    }

    /// Go's `strings.Replace(s, old, new, -1)`: an empty `old` matches before every rune and at the end.
    static func replaceAll(_ s: String, _ old: String, _ new: String) throws -> String {
        if old.isEmpty {
            let count = s.unicodeScalars.count + 1
            try Sprig.checkSize(s.utf8.count + count * new.utf8.count, "replace")
            var out = new
            for scalar in s.unicodeScalars {
                out.unicodeScalars.append(scalar)
                out += new
            }
            return out
        }
        return replaceAllNonEmpty(s, old, new)
    }

    static func replaceAllNonEmpty(_ s: String, _ old: String, _ new: String) -> String {
        let bytes = Array(s.utf8)
        let positions = occurrences(bytes, Array(old.utf8))
        guard !positions.isEmpty else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + positions.count * max(0, new.utf8.count - old.utf8.count))
        var last = 0
        for position in positions {
            out += bytes[last..<position]
            out += new.utf8
            last = position + old.utf8.count
        }
        out += bytes[last...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `strings.SplitN(s, sep, n)` (`n < 0`: all parts; `n == 0`: none); an empty `sep`
    /// splits after each rune.
    static func split(_ s: String, _ sep: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if sep.isEmpty {
            var parts: [String] = []
            var scalars = Substring(s).unicodeScalars[...]
            while !scalars.isEmpty {
                if limit > 0 && parts.count == limit - 1 {
                    parts.append(String(String.UnicodeScalarView(scalars)))
                    return parts
                }
                parts.append(String(scalars.removeFirst()))
            }
            return parts
        }
        let bytes = Array(s.utf8)
        let positions = occurrences(bytes, Array(sep.utf8), limit: limit < 0 ? Int.max : limit - 1)
        var parts: [String] = []
        var last = 0
        for position in positions {
            parts.append(String(decoding: bytes[last..<position], as: UTF8.self))
            last = position + sep.utf8.count
        }
        parts.append(String(decoding: bytes[last...], as: UTF8.self))
        return parts
    }

    /// Go's `strings.Fields`: runs of non-space runes.
    static func fields(_ s: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if isSpace(scalar) {
                if !current.isEmpty { result.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }
}
