/// Checks a Go (RE2) regular expression and rewrites it as an ICU pattern with the same meaning.
///
/// Go's syntax errors are reproduced with Go's texts (`missing closing )`, `invalid escape
/// sequence`, ...), and constructs whose meaning differs are rewritten: `$` is end of text unless
/// `(?m)`, `.` never matches `\n` unless `(?s)`, `\d \s \w` and POSIX classes are ASCII, `(?U)`
/// swaps greediness, named groups become plain groups (expansion is done by Go's rules
/// elsewhere), and RE2's absent features (backreferences, look-around) are errors.
struct RE2Translator {
    struct SyntaxError: Error, Equatable {
        var code: String
        var argument: String
        /// Go's `regexp/syntax.Error.Error()`.
        var message: String { "error parsing regexp: \(code): `\(argument)`" }
    }

    private struct Flags {
        var caseInsensitive = false
        var multiline = false
        var dotAll = false
        var ungreedy = false
    }

    let source: String
    let p: [Unicode.Scalar]
    var i = 0
    private var out = ""
    private(set) var groupNames: [String?] = [nil]
    private var flags = Flags()
    private var stack: [Flags] = []
    private var canRepeat = false
    private var lastRepeat: String?

    /// Translates `pattern`, returning the ICU pattern and the name of each group (index 0 is the
    /// whole match).
    static func translate(_ pattern: String) throws(SyntaxError) -> (pattern: String, names: [String?]) {
        var translator = RE2Translator(pattern)
        try translator.run()
        return (translator.out, translator.groupNames)
    }

    private init(_ pattern: String) {
        source = pattern
        p = Array(pattern.unicodeScalars)
    }

    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(p[max(0, range.lowerBound)..<min(p.count, range.upperBound)]))
    }

    private mutating func run() throws(SyntaxError) {
        while i < p.count {
            let c = p[i]
            switch c {
            case "(":
                try openGroup()
            case ")":
                guard let saved = stack.popLast() else {
                    throw SyntaxError(code: "unexpected )", argument: source)
                }
                flags = saved
                out += ")"
                i += 1
                atom()
            case "|":
                out += "|"
                i += 1
                canRepeat = false
                lastRepeat = nil
            case "*", "+", "?":
                var op = String(c)
                i += 1
                if i < p.count && p[i] == "?" {
                    op += "?"
                    i += 1
                }
                try repetition(op, icu: String(c))
            case "{":
                if let (op, minimum, maximum) = parseRepeat() {
                    guard minimum <= 1000, (maximum ?? minimum) <= 1000, maximum == nil || maximum! >= minimum else {
                        throw SyntaxError(
                            code: "invalid repeat count", argument: op.hasSuffix("?") ? String(op.dropLast()) : op)
                    }
                    let body =
                        maximum == nil
                        ? (op.contains(",") ? "{\(minimum),}" : "{\(minimum)}") : "{\(minimum),\(maximum!)}"
                    try repetition(op, icu: body)
                } else {
                    out += "\\{"
                    i += 1
                    atom()
                }
            case "^":
                out += flags.multiline ? "(?:(?<![^\\n]))" : "(?:(?<![\\s\\S]))"
                i += 1
                atom()
            case "$":
                out += flags.multiline ? "(?:(?![^\\n]))" : "(?:(?![\\s\\S]))"
                i += 1
                atom()
            case ".":
                out += flags.dotAll ? "[\\s\\S]" : "[^\\n]"
                i += 1
                atom()
            case "[":
                out += try parseClass()
                atom()
            case "\\":
                try escape()
            default:
                out += RE2Translator.literal(c)
                i += 1
                atom()
            }
        }
        if !stack.isEmpty { throw SyntaxError(code: "missing closing )", argument: source) }
    }

    private mutating func atom() {
        canRepeat = true
        lastRepeat = nil
    }

    private mutating func repetition(_ op: String, icu: String) throws(SyntaxError) {
        if let lastRepeat { throw SyntaxError(code: "invalid nested repetition operator", argument: lastRepeat + op) }
        guard canRepeat else { throw SyntaxError(code: "missing argument to repetition operator", argument: op) }
        let lazy = op.hasSuffix("?") && op != "?"
        out += icu + (lazy != flags.ungreedy ? "?" : "")
        lastRepeat = op
    }

    /// `{n}`, `{n,}`, `{n,m}` (with an optional lazy `?`), or nil when the brace is a literal.
    private mutating func parseRepeat() -> (String, Int, Int?)? {
        var j = i + 1
        func number() -> Int? {
            let start = j
            while j < p.count, p[j].properties.numericType == .decimal, p[j].isASCII { j += 1 }
            guard j > start else { return nil }
            return Int(text(start..<j)).map { min($0, 100_000) } ?? 100_000
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if j < p.count && p[j] == "," {
            j += 1
            maximum = j < p.count && p[j] == "}" ? nil : number()
            if maximum == nil && !(j < p.count && p[j] == "}") { return nil }
        }
        guard j < p.count && p[j] == "}" else { return nil }
        j += 1
        var op = text(i..<j)
        if j < p.count && p[j] == "?" {
            op += "?"
            j += 1
        }
        i = j
        let isOpen = op.contains(",") && maximum == nil
        return (op, minimum, isOpen ? nil : maximum)
    }

    private mutating func openGroup() throws(SyntaxError) {
        let start = i
        guard i + 1 < p.count, p[i + 1] == "?" else {
            out += "("
            groupNames.append(nil)
            stack.append(flags)
            i += 1
            canRepeat = false
            lastRepeat = nil
            return
        }
        // Named groups: (?P<name>re) and (?<name>re).
        var nameStart = -1
        if i + 2 < p.count && p[i + 2] == "P" && i + 3 < p.count && p[i + 3] == "<" {
            nameStart = i + 4
        } else if i + 2 < p.count && p[i + 2] == "<" && !(i + 3 < p.count && (p[i + 3] == "=" || p[i + 3] == "!")) {
            nameStart = i + 3
        }
        if nameStart >= 0 {
            guard let end = p[nameStart...].firstIndex(of: ">") else {
                throw SyntaxError(code: "invalid named capture", argument: text(start..<p.count))
            }
            let name = text(nameStart..<end)
            let valid =
                !name.isEmpty
                && name.unicodeScalars.allSatisfy {
                    $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType == .decimal
                }
            guard valid else { throw SyntaxError(code: "invalid named capture", argument: text(start..<(end + 1))) }
            out += "("
            groupNames.append(name)
            stack.append(flags)
            i = end + 1
            canRepeat = false
            lastRepeat = nil
            return
        }
        // Flags: (?flags) or (?flags:re).
        var j = i + 2
        var negated = false
        var sawFlag = false
        var new = flags
        while j < p.count {
            let c = p[j]
            switch c {
            case "i", "m", "s", "U":
                let value = !negated
                switch c {
                case "i": new.caseInsensitive = value
                case "m": new.multiline = value
                case "s": new.dotAll = value
                default: new.ungreedy = value
                }
                sawFlag = true
                j += 1
                continue
            case "-":
                guard !negated else { break }
                negated = true
                sawFlag = false
                j += 1
                continue
            case ":", ")":
                if negated && !sawFlag { break }
                if c == ")" && !sawFlag && !negated { break }
                let icuFlag = new.caseInsensitive ? "(?i" : "(?-i"
                if c == ":" {
                    out += icuFlag + ":"
                    stack.append(flags)
                    flags = new
                    canRepeat = false
                } else {
                    out += icuFlag + ")"
                    flags = new
                }
                lastRepeat = nil
                i = j + 1
                return
            default:
                break
            }
            break
        }
        throw SyntaxError(code: "invalid or unsupported Perl syntax", argument: text(start..<min(j + 1, p.count)))
    }

    private mutating func escape() throws(SyntaxError) {
        guard i + 1 < p.count else { throw SyntaxError(code: "trailing backslash at end of expression", argument: "") }
        let c = p[i + 1]
        switch c {
        case "Q":
            i += 2
            var literalCount = 0
            while i < p.count {
                if p[i] == "\\" && i + 1 < p.count && p[i + 1] == "E" {
                    i += 2
                    break
                }
                out += RE2Translator.literal(p[i])
                literalCount += 1
                i += 1
            }
            if literalCount > 0 { atom() }
            return
        case "A":
            out += "(?:(?<![\\s\\S]))"
        case "z":
            out += "(?:(?![\\s\\S]))"
        case "b":
            out += "(?:\\b)"
        case "B":
            out += "(?:\\B)"
        case "d", "D", "s", "S", "w", "W":
            out += "[" + RE2Translator.perlClass(c) + "]"
        case "p", "P":
            out += try unicodeClass()
            atom()
            return
        default:
            let scalar = try characterEscape()
            out += RE2Translator.literal(scalar)
            atom()
            return
        }
        i += 2
        atom()
    }

    /// `\pL`, `\p{Greek}`, `\P{...}`, `\p{^...}` → ICU's `\p{...}`/`\P{...}`.
    mutating func unicodeClass() throws(SyntaxError) -> String {
        let start = i
        var negated = p[i + 1] == "P"
        i += 2
        guard i < p.count else { throw SyntaxError(code: "invalid character class range", argument: text(start..<i)) }
        var name: String
        if p[i] == "{" {
            guard let end = p[i...].firstIndex(of: "}") else {
                throw SyntaxError(code: "invalid character class range", argument: text(start..<p.count))
            }
            name = text((i + 1)..<end)
            i = end + 1
        } else {
            name = String(p[i])
            i += 1
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "_" }) else {
            throw SyntaxError(code: "invalid character class range", argument: text(start..<i))
        }
        if name == "Any" { return negated ? "[^\\s\\S]" : "[\\s\\S]" }
        return (negated ? "\\P{" : "\\p{") + name + "}"
    }

    /// A single-character escape at `i` (`\n`, `\x41`, `\x{263a}`, `\101`, `\.`), consuming it.
    mutating func characterEscape() throws(SyntaxError) -> Unicode.Scalar {
        let start = i
        let c = p[i + 1]
        i += 2
        func invalid() -> SyntaxError {
            SyntaxError(code: "invalid escape sequence", argument: text(start..<i))
        }
        switch c {
        case "a": return "\u{07}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "v": return "\u{0B}"
        case "1"..."7", "0":
            if c != "0" && !(i < p.count && ("0"..."7").contains(p[i])) { throw invalid() }
            var value = c.value - 48
            var digits = 1
            while digits < 3 && i < p.count && ("0"..."7").contains(p[i]) {
                value = value * 8 + p[i].value - 48
                i += 1
                digits += 1
            }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        case "x":
            guard i < p.count else { throw invalid() }
            if p[i] == "{" {
                guard let end = p[i...].firstIndex(of: "}"), end > i + 1,
                    let value = UInt32(text((i + 1)..<end), radix: 16), let scalar = Unicode.Scalar(value)
                else {
                    i = min(p.count, (p[i...].firstIndex(of: "}") ?? p.count - 1) + 1)
                    throw invalid()
                }
                i = end + 1
                return scalar
            }
            guard i + 1 < p.count, let value = UInt32(text(i..<(i + 2)), radix: 16) else {
                i = min(p.count, i + 2)
                throw invalid()
            }
            i += 2
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        default:
            if c.isASCII && !(c.properties.isAlphabetic || c.properties.numericType == .decimal) { return c }
            throw invalid()
        }
    }
}
