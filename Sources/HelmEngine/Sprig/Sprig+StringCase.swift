import GoTemplate

// Sprig's case conversions and text layout: xstrings' snake/camel/kebab case, goutils'
// swapcase/untitle/initials/wrap/abbreviate.
extension Sprig {
    static let stringCaseFunctions: [String: TemplateFunction] = [
        "snakecase": function([.string]) { .string(CaseWords.join($0[0].stringArgument, connector: "_")) },
        "kebabcase": function([.string]) { .string(CaseWords.join($0[0].stringArgument, connector: "-")) },
        "camelcase": function([.string]) { .string(CaseWords.camel($0[0].stringArgument)) },
        "swapcase": function([.string]) { a in
            .string(
                GoStrings.mapScalars(a[0].stringArgument) { scalar in
                    if GoStrings.isUpper(scalar) || scalar.properties.generalCategory == .titlecaseLetter {
                        return GoStrings.lower(scalar)
                    }
                    if GoStrings.isLower(scalar) { return GoStrings.upper(scalar) }
                    return scalar
                })
        },
        "untitle": function([.string]) { a in
            var atWordStart = true
            return .string(
                GoStrings.mapScalars(a[0].stringArgument) { scalar in
                    defer { atWordStart = GoStrings.isSpace(scalar) }
                    return atWordStart ? GoStrings.lower(scalar) : scalar
                })
        },
        "initials": function([.string]) { a in
            // goutils takes the first byte of each word as a rune, so a multi-byte letter yields
            // the Latin-1 character of its lead byte.
            var out = String.UnicodeScalarView()
            var atWordStart = true
            for scalar in a[0].stringArgument.unicodeScalars {
                if GoStrings.isSpace(scalar) {
                    atWordStart = true
                } else if atWordStart {
                    let lead = String(scalar).utf8.first ?? 0
                    out.append(Unicode.Scalar(lead))
                    atWordStart = false
                }
            }
            return .string(String(out))
        },
        "wrap": function([.int, .string]) { a in
            .string(wrap(a[1].stringArgument, width: a[0].intArgument, newline: "\n", wrapLongWords: false))
        },
        "wrapWith": function([.int, .string, .string]) { a in
            .string(
                wrap(
                    a[2].stringArgument, width: a[0].intArgument, newline: a[1].stringArgument,
                    wrapLongWords: true))
        },
        "abbrev": function([.int, .string]) { a in
            let (width, s) = (a[0].intArgument, a[1].stringArgument)
            if width < 4 { return .string(s) }
            return .string(abbreviate(Array(s.utf8), offset: 0, width: width) ?? "")
        },
        "abbrevboth": function([.int, .int, .string]) { a in
            let (left, right, s) = (a[0].intArgument, a[1].intArgument, a[2].stringArgument)
            if right < 4 || left > 0 && right < 7 { return .string(s) }
            return .string(abbreviate(Array(s.utf8), offset: left, width: right) ?? "")
        },
    ]

    /// goutils' `WrapCustom`: breaks at the last space that fits; long words stay whole unless
    /// `wrapLongWords`; existing newlines are not treated specially. Offsets are bytes.
    static func wrap(_ text: String, width: Int, newline: String, wrapLongWords: Bool) -> String {
        let s = Array(text.utf8)
        if s.isEmpty { return "" }
        let newline = Array((newline.isEmpty ? "\n" : newline).utf8)
        let width = max(width, 1)
        var out: [UInt8] = []
        var offset = 0
        let space = UInt8(ascii: " ")
        while s.count - offset > width {
            if s[offset] == space {
                offset += 1
                continue
            }
            let end = min(width + offset + 1, s.count)
            if let spaceAt = s[offset..<end].lastIndex(of: space) {
                out += s[offset..<spaceAt]
                out += newline
                offset = spaceAt + 1
            } else if wrapLongWords {
                out += s[offset..<(offset + width)]
                out += newline
                offset += width
            } else if let spaceAt = s[(width + offset)...].firstIndex(of: space) {
                out += s[offset..<spaceAt]
                out += newline
                offset = spaceAt + 1
            } else {
                out += s[offset...]
                offset = s.count
            }
        }
        out += s[offset...]
        return String(decoding: out, as: UTF8.self)
    }

    /// goutils' `AbbreviateFull` over bytes; `nil` where goutils reports an error.
    static func abbreviate(_ s: [UInt8], offset: Int, width: Int) -> String? {
        if s.isEmpty { return "" }
        if width < 4 { return nil }
        if s.count <= width { return String(decoding: s, as: UTF8.self) }
        var offset = min(offset, s.count)
        if s.count - offset < width - 3 { offset = s.count - (width - 3) }
        if offset <= 4 { return String(decoding: s[..<(width - 3)], as: UTF8.self) + "..." }
        if width < 7 { return nil }
        if offset + width - 3 < s.count {
            guard let rest = abbreviate(Array(s[offset...]), offset: 0, width: width - 3) else { return nil }
            return "..." + rest
        }
        return "..." + String(decoding: s[(s.count - (width - 3))...], as: UTF8.self)
    }
}

/// xstrings' word splitting for `snakecase`, `kebabcase` and `camelcase`.
enum CaseWords {
    enum Kind { case lowerWord, upperWord, number, connector, punct }

    static func isConnector(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "-" || scalar == " "
    }

    /// Splits camel-case text into words: an upper-case run followed by lower case leaves its
    /// last capital to the next word (`HTTPServer` → `HTTP`, `Server`).
    static func tokens(_ text: String) -> [(kind: Kind, text: [Unicode.Scalar])] {
        let s = Array(text.unicodeScalars)
        var result: [(kind: Kind, text: [Unicode.Scalar])] = []
        var i = 0
        func isLowerLetter(_ c: Unicode.Scalar) -> Bool { GoStrings.isLetter(c) && !GoStrings.isUpper(c) }
        while i < s.count {
            let c = s[i]
            if isConnector(c) {
                result.append((.connector, [c]))
                i += 1
            } else if GoStrings.isDigit(c) {
                var j = i
                while j < s.count && GoStrings.isDigit(s[j]) { j += 1 }
                result.append((.number, Array(s[i..<j])))
                i = j
            } else if GoStrings.isUpper(c) {
                var j = i
                while j < s.count && GoStrings.isUpper(s[j]) { j += 1 }
                if j < s.count && isLowerLetter(s[j]) {
                    if j - i > 1 {
                        result.append((.upperWord, Array(s[i..<(j - 1)])))
                        i = j - 1
                    }
                    var k = i + 1
                    while k < s.count && isLowerLetter(s[k]) { k += 1 }
                    result.append((.upperWord, Array(s[i..<k])))
                    i = k
                } else {
                    result.append((.upperWord, Array(s[i..<j])))
                    i = j
                }
            } else if isLowerLetter(c) {
                var j = i
                while j < s.count && isLowerLetter(s[j]) { j += 1 }
                result.append((.lowerWord, Array(s[i..<j])))
                i = j
            } else {
                result.append((.punct, [c]))
                i += 1
            }
        }
        return result
    }

    /// xstrings' `ToSnakeCase`/`ToKebabCase`: lower-cased words joined by `connector`; a number
    /// joins the word before it unless a lower-case word follows, which it then leads.
    static func join(_ text: String, connector: Unicode.Scalar) -> String {
        let words = tokens(text)
        var out = String.UnicodeScalarView()
        func appendLower(_ scalars: [Unicode.Scalar]) { for c in scalars { out.append(GoStrings.lower(c)) } }
        var afterGroup = false
        var i = 0
        while i < words.count {
            let word = words[i]
            switch word.kind {
            case .connector:
                out.append(connector)
                afterGroup = false
                i += 1
                continue
            case .punct:
                out.append(contentsOf: word.text)
                afterGroup = false
                i += 1
                continue
            default:
                break
            }
            if afterGroup { out.append(connector) }
            appendLower(word.text)
            i += 1
            if word.kind == .number {
                while i < words.count && (words[i].kind == .lowerWord || words[i].kind == .number) {
                    appendLower(words[i].text)
                    i += 1
                }
            } else {
                while i < words.count && words[i].kind == .number {
                    if i + 1 < words.count && words[i + 1].kind == .lowerWord { break }
                    appendLower(words[i].text)
                    i += 1
                }
            }
            afterGroup = true
        }
        return String(out)
    }

    /// xstrings' `ToCamelCase`: connectors (`_`, `-`, space) are dropped and the next rune
    /// upper-cased; a doubled connector keeps one; leading connectors and a trailing one stay; an
    /// upper-case run that starts a word is lower-cased after its first letter.
    static func camel(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count && isConnector(s[i]) {
            out.append(s[i])
            i += 1
        }
        guard i < s.count else { return String(out) }
        var current = GoStrings.upper(s[i])
        var inCapitalRun = GoStrings.isUpper(s[i])
        i += 1
        while i < s.count {
            let previous = current
            let original = s[i]
            current = original
            i += 1
            if isConnector(previous) && isConnector(current) {
                out.append(previous)
                continue
            }
            if isConnector(previous) {
                inCapitalRun = GoStrings.isUpper(original)
                current = GoStrings.upper(original)
            } else if !isConnector(current) {
                if inCapitalRun && GoStrings.isUpper(original) {
                    current = GoStrings.lower(original)
                } else {
                    inCapitalRun = false
                }
            }
            if !isConnector(previous) { out.append(previous) }
        }
        out.append(current)
        return String(out)
    }
}
