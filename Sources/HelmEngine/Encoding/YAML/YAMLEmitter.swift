/// A node to emit: scalars carry the style the encoder asks for; the emitter may override it.
indirect enum YAMLOutNode {
    enum Style { case plain, singleQuoted, doubleQuoted, literal }
    case scalar(String, Style)
    case sequence([YAMLOutNode])
    case mapping([(key: YAMLOutNode, value: YAMLOutNode)])
}

/// A YAML emitter that writes what go-yaml's emitter (libyaml's, translated to Go) writes:
/// the same indentation rules (sequences inside maps not indented), style fallbacks
/// (plain → single-quoted → double-quoted), escapes, block scalar indicators (`|`, `|-`, `|+`,
/// `|2-`) and line folding at ``bestWidth`` columns.
///
/// The state variables and their updates mirror libyaml's `column`, `indent`, `whitespace` and
/// `indention`, because output bytes depend on them in subtle ways.
struct YAMLEmitter {
    /// Spaces per indentation level (libyaml's `best_indent`, 2 for go-yaml v2).
    let bestIndent: Int
    /// Preferred line width before folding (libyaml's `best_width`, 80).
    let bestWidth: Int
    /// Whether a sequence inside a mapping is written at the key's indentation (go-yaml v2).
    let indentlessSequences: Bool
    /// go-yaml v3's scalar analysis: tabs allowed in literal blocks.
    let tabsAllowInBlock: Bool

    private(set) var output = String.UnicodeScalarView()
    private var column = 0
    private var indent = -1
    private var indents: [Int] = []
    private var whitespace = true
    private var indention = true
    private var flowLevel = 0

    init(bestIndent: Int = 2, bestWidth: Int = 80, indentlessSequences: Bool = true, tabsAllowInBlock: Bool = false) {
        self.bestIndent = bestIndent
        self.bestWidth = bestWidth
        self.indentlessSequences = indentlessSequences
        self.tabsAllowInBlock = tabsAllowInBlock
    }

    /// Emits one implicit document holding `root`, ending with a line break.
    mutating func emitDocument(_ root: YAMLOutNode) {
        emitNode(root, mappingContext: false, simpleKey: false)
        writeIndent()
    }

    // MARK: Nodes

    private mutating func emitNode(_ node: YAMLOutNode, mappingContext: Bool, simpleKey: Bool) {
        switch node {
        case .scalar(let text, let style):
            emitScalar(Array(text.unicodeScalars), requested: style, simpleKey: simpleKey)
        case .sequence(let items):
            if flowLevel > 0 || items.isEmpty {
                emitFlow(open: "[", close: "]")
            } else {
                increaseIndent(flow: false, indentless: indentlessSequences && mappingContext && !indention)
                for item in items {
                    writeIndent()
                    writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
                    emitNode(item, mappingContext: false, simpleKey: false)
                }
                popIndent()
            }
        case .mapping(let pairs):
            if flowLevel > 0 || pairs.isEmpty {
                emitFlow(open: "{", close: "}")
            } else {
                increaseIndent(flow: false, indentless: false)
                for (key, value) in pairs {
                    writeIndent()
                    if isSimpleKey(key) {
                        emitNode(key, mappingContext: true, simpleKey: true)
                        writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
                    } else {
                        writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                        emitNode(key, mappingContext: true, simpleKey: false)
                        writeIndent()
                        writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
                    }
                    emitNode(value, mappingContext: true, simpleKey: false)
                }
                popIndent()
            }
        }
    }

    /// Only empty collections reach flow style here (`[]`, `{}`).
    private mutating func emitFlow(open: Unicode.Scalar, close: Unicode.Scalar) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        flowLevel += 1
        flowLevel -= 1
        popIndent()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// libyaml's `check_simple_key`: a key on one line of at most 128 bytes.
    private func isSimpleKey(_ key: YAMLOutNode) -> Bool {
        switch key {
        case .scalar(let text, _):
            let scalars = Array(text.unicodeScalars)
            if YAMLScalarAnalysis(scalars, tabsAllowInBlock: tabsAllowInBlock).multiline { return false }
            return text.utf8.count <= 128
        case .sequence(let items): return items.isEmpty
        case .mapping(let pairs): return pairs.isEmpty
        }
    }

    private mutating func emitScalar(_ value: [Unicode.Scalar], requested: YAMLOutNode.Style, simpleKey: Bool) {
        let analysis = YAMLScalarAnalysis(value, tabsAllowInBlock: tabsAllowInBlock)
        var style = requested
        if simpleKey && analysis.multiline { style = .doubleQuoted }
        if style == .plain {
            if (flowLevel > 0 && !analysis.flowPlainAllowed) || (flowLevel == 0 && !analysis.blockPlainAllowed) {
                style = .singleQuoted
            }
            if value.isEmpty && (flowLevel > 0 || simpleKey) { style = .singleQuoted }
        }
        if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal && (!analysis.blockAllowed || flowLevel > 0 || simpleKey) { style = .doubleQuoted }

        increaseIndent(flow: true, indentless: false)
        switch style {
        case .plain: writePlain(value, allowBreaks: !simpleKey)
        case .singleQuoted: writeSingleQuoted(value, allowBreaks: !simpleKey)
        case .doubleQuoted: writeDoubleQuoted(value, allowBreaks: !simpleKey)
        case .literal: writeLiteral(value)
        }
        popIndent()
    }

    // MARK: Low-level writing

    private mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            indent += bestIndent
        }
    }

    private mutating func popIndent() {
        indent = indents.popLast() ?? -1
    }

    private mutating func put(_ c: Unicode.Scalar) {
        output.append(c)
        column += 1
    }

    private mutating func putBreak() {
        output.append("\n")
        column = 0
    }

    /// libyaml's `write_break`: `\n` becomes the output line break; other breaks are copied.
    private mutating func writeBreak(_ c: Unicode.Scalar) {
        if c == "\n" {
            putBreak()
        } else {
            output.append(c)
            column = 0
        }
    }

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            putBreak()
        }
        while column < target { put(" ") }
        whitespace = true
        indention = true
    }

    private mutating func writeIndicator(
        _ indicator: Unicode.Scalar, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool
    ) {
        if needWhitespace && !whitespace { put(" ") }
        put(indicator)
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    // MARK: Scalar styles

    private mutating func writePlain(_ value: [Unicode.Scalar], allowBreaks: Bool) {
        if !whitespace { put(" ") }
        var spaces = false
        var breaks = false
        var i = 0
        while i < value.count {
            let c = value[i]
            if c == " " {
                let nextIsSpace = i + 1 < value.count && value[i + 1] == " "
                if allowBreaks && !spaces && column > bestWidth && !nextIsSpace {
                    writeIndent()
                } else {
                    put(c)
                }
                spaces = true
            } else if YAMLChar.isBreak(c) {
                if !breaks && c == "\n" { putBreak() }
                writeBreak(c)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                put(c)
                indention = false
                spaces = false
                breaks = false
            }
            i += 1
        }
        whitespace = false
        indention = false
    }

    private mutating func writeSingleQuoted(_ value: [Unicode.Scalar], allowBreaks: Bool) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        var breaks = false
        var i = 0
        while i < value.count {
            let c = value[i]
            if c == " " {
                let nextIsSpace = i + 1 < value.count && value[i + 1] == " "
                if allowBreaks && !spaces && column > bestWidth && i > 0 && i < value.count - 1 && !nextIsSpace {
                    writeIndent()
                } else {
                    put(c)
                }
                spaces = true
            } else if YAMLChar.isBreak(c) {
                if !breaks && c == "\n" { putBreak() }
                writeBreak(c)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if c == "'" { put("'") }
                put(c)
                indention = false
                spaces = false
                breaks = false
            }
            i += 1
        }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeDoubleQuoted(_ value: [Unicode.Scalar], allowBreaks: Bool) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        // libyaml's is_bom looks at the start of the value, not the current character, so a
        // value that starts with a BOM has every character escaped.
        let startsWithBOM = value.first == "\u{FEFF}"
        var spaces = false
        var i = 0
        while i < value.count {
            let c = value[i]
            if !YAMLChar.isPrintable(c) || startsWithBOM || YAMLChar.isBreak(c) || c == "\"" || c == "\\" {
                put("\\")
                writeEscape(c)
                spaces = false
            } else if c == " " {
                if allowBreaks && !spaces && column > bestWidth && i > 0 && i < value.count - 1 {
                    writeIndent()
                    if value[i + 1] == " " { put("\\") }
                } else {
                    put(c)
                }
                spaces = true
            } else {
                put(c)
                spaces = false
            }
            i += 1
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeEscape(_ c: Unicode.Scalar) {
        switch c.value {
        case 0x00: put("0")
        case 0x07: put("a")
        case 0x08: put("b")
        case 0x09: put("t")
        case 0x0A: put("n")
        case 0x0B: put("v")
        case 0x0C: put("f")
        case 0x0D: put("r")
        case 0x1B: put("e")
        case 0x22: put("\"")
        case 0x5C: put("\\")
        case 0x85: put("N")
        case 0xA0: put("_")
        case 0x2028: put("L")
        case 0x2029: put("P")
        default:
            let (letter, width): (Unicode.Scalar, Int) =
                c.value <= 0xFF ? ("x", 2) : c.value <= 0xFFFF ? ("u", 4) : ("U", 8)
            put(letter)
            let hex = Array(String(c.value, radix: 16, uppercase: true).unicodeScalars)
            for _ in hex.count..<width { put("0") }
            for digit in hex { put(digit) }
        }
    }

    private mutating func writeLiteral(_ value: [Unicode.Scalar]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockHints(value)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        for c in value {
            if YAMLChar.isBreak(c) {
                writeBreak(c)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                put(c)
                indention = false
                breaks = false
            }
        }
    }

    /// The indentation indicator (`|2`) when the text starts with a space or break, and the
    /// chomping indicator: `-` without a final break, `+` with more than one, none with one.
    private mutating func writeBlockHints(_ value: [Unicode.Scalar]) {
        if let first = value.first, first == " " || YAMLChar.isBreak(first) {
            let digit = Unicode.Scalar(UInt8(ascii: "0") + UInt8(bestIndent))
            writeIndicator(digit, needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        var chomp: Unicode.Scalar? = nil
        if value.isEmpty {
            chomp = "-"
        } else if !YAMLChar.isBreak(value[value.count - 1]) {
            chomp = "-"
        } else if value.count == 1 {
            chomp = "+"
        } else if YAMLChar.isBreak(value[value.count - 2]) {
            chomp = "+"
        }
        if let chomp {
            writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false)
        }
    }
}
