/// What go-yaml's emitter learns about a scalar before choosing its style
/// (`yaml_emitter_analyze_scalar`): where plain, single-quoted and block styles are allowed.
struct YAMLScalarAnalysis {
    var multiline = false
    var flowPlainAllowed = true
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true

    /// Analyses `scalars`; `tabsAllowInBlock` is go-yaml v3's rule (a tab rules out plain and
    /// single-quoted styles but still allows a literal block), v2 treats a tab as unprintable.
    init(_ scalars: [Unicode.Scalar], tabsAllowInBlock: Bool = false) {
        if scalars.isEmpty {
            flowPlainAllowed = false
            blockAllowed = false
            return
        }
        var blockIndicators = false
        var flowIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var tabCharacters = false
        var leadingSpace = false
        var leadingBreak = false
        var trailingSpace = false
        var trailingBreak = false
        var breakSpace = false
        var spaceBreak = false
        var previousSpace = false
        var previousBreak = false
        var precededByWhitespace = true

        if scalars.count >= 3,
            (scalars[0] == "-" && scalars[1] == "-" && scalars[2] == "-")
                || (scalars[0] == "." && scalars[1] == "." && scalars[2] == ".")
        {
            blockIndicators = true
            flowIndicators = true
        }
        for (i, c) in scalars.enumerated() {
            let followedByWhitespace = i + 1 >= scalars.count || YAMLChar.isBlank(scalars[i + 1])
            if i == 0 {
                switch c {
                case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`":
                    flowIndicators = true
                    blockIndicators = true
                case "?", ":":
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case "-":
                    if followedByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            } else {
                switch c {
                case ",", "?", "[", "]", "{", "}":
                    flowIndicators = true
                case ":":
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case "#":
                    if precededByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            }
            // The emitter runs with unicode output on, so only unprintable characters are special.
            if tabsAllowInBlock && c == "\t" {
                tabCharacters = true
            } else if !YAMLChar.isPrintable(c) {
                specialCharacters = true
            }
            if c == " " {
                if i == 0 { leadingSpace = true }
                if i == scalars.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if YAMLChar.isBreak(c) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i == scalars.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = YAMLChar.isBlank(c) || YAMLChar.isBreak(c)
        }
        multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || tabCharacters || specialCharacters {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters { blockAllowed = false }
        if lineBreaks {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flowIndicators { flowPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
    }
}

/// libyaml's character classes, as go-yaml's emitter applies them.
enum YAMLChar {
    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

    /// `\r`, `\n`, NEL, LS and PS.
    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\r" || c == "\n" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    /// go-yaml's `is_printable`: LF, printable ASCII, U+00A0–U+D7FF and U+E000–U+FFFD except
    /// the BOM. Tabs and every character outside the Basic Multilingual Plane count as
    /// unprintable, so strings holding them are double-quoted with escapes.
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v == 0x0A { return true }
        if v >= 0x20 && v <= 0x7E { return true }
        if v >= 0xA0 && v <= 0xD7FF { return true }
        if v >= 0xE000 && v <= 0xFFFD && v != 0xFEFF { return true }
        return false
    }
}
