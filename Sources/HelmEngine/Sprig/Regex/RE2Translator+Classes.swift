// RE2 character classes: `[...]`, POSIX `[:name:]` and Perl `\d \s \w`, rewritten as explicit ICU sets.
extension RE2Translator {
    static let posixClasses: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{0}-\\x{7f}", "blank": "\\t ",
        "cntrl": "\\x{0}-\\x{1f}\\x{7f}", "digit": "0-9", "graph": "!-~", "lower": "a-z", "print": " -~",
        "punct": "!-/:-@\\[-`{-~", "space": "\\t\\n\\x{b}\\f\\r ", "upper": "A-Z", "word": "0-9A-Za-z_",
        "xdigit": "0-9A-Fa-f",
    ]

    static func perlClass(_ c: Unicode.Scalar) -> String {
        switch c {
        case "d": "0-9"
        case "D": "^0-9"
        case "s": "\\t\\n\\f\\r "
        case "S": "^\\t\\n\\f\\r "
        case "w": "0-9A-Za-z_"
        default: "^0-9A-Za-z_"
        }
    }

    mutating func parseClass() throws(SyntaxError) -> String {
        let start = i
        i += 1
        var result = "["
        if i < p.count && p[i] == "^" {
            result += "^"
            i += 1
        }
        var first = true
        var items = ""
        while true {
            guard i < p.count else { throw SyntaxError(code: "missing closing ]", argument: text(start..<p.count)) }
            if p[i] == "]" && !first { break }
            first = false
            // POSIX class [:name:] or [:^name:].
            if p[i] == "[" && i + 1 < p.count && p[i + 1] == ":" {
                if let end = findPosixEnd(i + 2) {
                    var name = text((i + 2)..<end)
                    let negated = name.hasPrefix("^")
                    if negated { name.removeFirst() }
                    guard let ranges = RE2Translator.posixClasses[name] else {
                        throw SyntaxError(code: "invalid character class range", argument: text(i..<(end + 2)))
                    }
                    items += negated ? "[^" + ranges + "]" : ranges
                    i = end + 2
                    continue
                }
            }
            let low: Unicode.Scalar
            let itemStart = i
            if p[i] == "\\" {
                guard i + 1 < p.count else {
                    throw SyntaxError(code: "trailing backslash at end of expression", argument: "")
                }
                let e = p[i + 1]
                if "dDsSwW".unicodeScalars.contains(e) {
                    items += "[" + RE2Translator.perlClass(e) + "]"
                    i += 2
                    continue
                }
                if e == "p" || e == "P" {
                    items += try unicodeClass()
                    continue
                }
                low = try characterEscape()
            } else {
                low = p[i]
                i += 1
            }
            // A range lo-hi, unless the dash is last.
            if i + 1 < p.count && p[i] == "-" && p[i + 1] != "]" {
                i += 1
                let high: Unicode.Scalar
                if p[i] == "\\" {
                    guard i + 1 < p.count else {
                        throw SyntaxError(code: "trailing backslash at end of expression", argument: "")
                    }
                    high = try characterEscape()
                } else {
                    high = p[i]
                    i += 1
                }
                guard low.value <= high.value else {
                    throw SyntaxError(code: "invalid character class range", argument: text(itemStart..<i))
                }
                items += RE2Translator.hexEscape(low) + "-" + RE2Translator.hexEscape(high)
            } else {
                items += RE2Translator.hexEscape(low)
            }
        }
        i += 1
        // An empty negated class would be a syntax error in ICU; RE2 matches any character.
        if items.isEmpty { return result == "[^" ? "[\\s\\S]" : "[^\\s\\S]" }
        return result + items + "]"
    }

    private func findPosixEnd(_ from: Int) -> Int? {
        var j = from
        while j + 1 < p.count {
            if p[j] == ":" && p[j + 1] == "]" { return j }
            if p[j] == "]" { return nil }
            j += 1
        }
        return nil
    }

    static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        "\\x{" + String(scalar.value, radix: 16) + "}"
    }

    /// An ICU literal: ASCII punctuation is escaped, everything else stands for itself.
    static func literal(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII {
            let v = scalar.value
            let alnum = (v >= 48 && v <= 57) || ((v | 0x20) >= 97 && (v | 0x20) <= 122)
            if !alnum && v > 0x20 && v < 0x7F { return "\\" + String(scalar) }
            if v <= 0x20 || v == 0x7F { return hexEscape(scalar) }
        }
        return String(scalar)
    }
}
