/// Splits template source into tokens exactly as Go's `text/template/parse` lexer does.
///
/// The whole input is lexed up front (Go lexes lazily, but the items are the same); lexing stops
/// at the first error, which becomes the last token. Positions are byte offsets, as in Go.
struct Lexer {
    private let src: [UInt8]
    private let leftDelim: [UInt8]
    private let rightDelim: [UInt8]
    private let breakOK: Bool
    private let continueOK: Bool
    private var pos = 0
    private var start = 0
    private var parenDepth = 0
    private var lineCursor = (offset: 0, line: 1)
    private(set) var tokens: [Token] = []

    private enum State { case text, leftDelim, comment, insideAction, done }

    init(source: [UInt8], leftDelim: String, rightDelim: String, breakOK: Bool, continueOK: Bool) {
        self.src = source
        self.leftDelim = Array((leftDelim.isEmpty ? "{{" : leftDelim).utf8)
        self.rightDelim = Array((rightDelim.isEmpty ? "}}" : rightDelim).utf8)
        self.breakOK = breakOK
        self.continueOK = continueOK
    }

    /// Lexes the whole input; the last token is `.eof` or `.error`.
    static func tokenize(
        _ source: [UInt8], leftDelim: String, rightDelim: String, breakOK: Bool = true, continueOK: Bool = true
    ) -> [Token] {
        var lexer = Lexer(
            source: source, leftDelim: leftDelim, rightDelim: rightDelim, breakOK: breakOK, continueOK: continueOK)
        lexer.tokens.reserveCapacity(source.count / 4 + 4)
        var state = State.text
        while state != .done {
            switch state {
            case .text: state = lexer.lexText()
            case .leftDelim: state = lexer.lexLeftDelim()
            case .comment: state = lexer.lexComment()
            case .insideAction: state = lexer.lexInsideAction()
            case .done: break
            }
        }
        return lexer.tokens
    }

    // MARK: Helpers

    /// Line of a byte offset; offsets are asked for in increasing order, so count forward.
    private mutating func line(at offset: Int) -> Int {
        if offset < lineCursor.offset { lineCursor = (0, 1) }
        var line = lineCursor.line
        var i = lineCursor.offset
        while i < offset {
            if src[i] == 0x0A { line += 1 }
            i += 1
        }
        lineCursor = (offset, line)
        return line
    }

    private mutating func emit(_ kind: TokenKind) {
        tokens.append(Token(kind: kind, start: start, end: pos, line: line(at: start)))
        start = pos
    }

    private mutating func ignore() { start = pos }

    private mutating func fail(_ message: String) -> State {
        tokens.append(Token(kind: .error, start: start, end: pos, line: line(at: start), message: message))
        return .done
    }

    private func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= src.count else { return false }
        for i in 0..<prefix.count where src[offset + i] != prefix[i] { return false }
        return true
    }

    private func index(of needle: [UInt8], from offset: Int) -> Int? {
        guard !needle.isEmpty, src.count >= needle.count else { return nil }
        var i = offset
        let last = src.count - needle.count
        let first = needle[0]
        while i <= last {
            if src[i] == first && hasPrefix(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    private func byte(at offset: Int) -> UInt8? { offset < src.count ? src[offset] : nil }

    private func hasLeftTrimMarker(at offset: Int) -> Bool {
        guard offset + 1 < src.count else { return false }
        return src[offset] == UInt8(ascii: "-") && Lexer.isSpace(src[offset + 1])
    }

    private func hasRightTrimMarker(at offset: Int) -> Bool {
        guard offset + 1 < src.count else { return false }
        return Lexer.isSpace(src[offset]) && src[offset + 1] == UInt8(ascii: "-")
    }

    private func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix(rightDelim, at: pos + 2) { return (true, true) }
        if hasPrefix(rightDelim, at: pos) { return (true, false) }
        return (false, false)
    }

    /// Decodes the scalar at `offset` (invalid UTF-8 yields U+FFFD of width 1, as Go does).
    private func scalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        guard offset < src.count else { return nil }
        return UTF8Decoding.scalar(in: src, at: offset)
    }

    private func isAlphaNumeric(at offset: Int) -> (Bool, Int) {
        guard let (s, width) = scalar(at: offset) else { return (false, 0) }
        return (GoUnicode.isAlphaNumeric(s), width)
    }

    private func atTerminator() -> Bool {
        guard let b = byte(at: pos) else { return true }
        if Lexer.isSpace(b) { return true }
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: ")"),
            UInt8(ascii: "("):
            return true
        default: return hasPrefix(rightDelim, at: pos)
        }
    }

    private func describeScalar(at offset: Int) -> String {
        guard let (s, _) = scalar(at: offset) else { return "U+FFFFFFFF" }
        return GoQuote.hashU(s)
    }

    // MARK: States

    private mutating func lexText() -> State {
        if let x = index(of: leftDelim, from: pos) {
            if x > pos {
                var textEnd = x
                if hasLeftTrimMarker(at: x + leftDelim.count) {
                    while textEnd > start && Lexer.isSpace(src[textEnd - 1]) { textEnd -= 1 }
                }
                pos = textEnd
                if pos > start { emit(.text) }
                pos = x
                ignore()
            }
            return .leftDelim
        }
        pos = src.count
        if pos > start {
            emit(.text)
            return .text
        }
        emit(.eof)
        return .done
    }

    private mutating func lexLeftDelim() -> State {
        pos += leftDelim.count
        let trim = hasLeftTrimMarker(at: pos)
        let afterMarker = trim ? 2 : 0
        if hasPrefix(Array("/*".utf8), at: pos + afterMarker) {
            pos += afterMarker
            ignore()
            return .comment
        }
        emit(.leftDelim)
        pos += afterMarker
        ignore()
        parenDepth = 0
        return .insideAction
    }

    private mutating func lexComment() -> State {
        pos += 2
        guard let x = index(of: Array("*/".utf8), from: pos) else { return fail("unclosed comment") }
        pos = x + 2
        let (delim, trim) = atRightDelim()
        if !delim { return fail("comment ends before closing delimiter") }
        if trim { pos += 2 }
        pos += rightDelim.count
        if trim { skipLeadingSpace() }
        ignore()
        return .text
    }

    private mutating func skipLeadingSpace() {
        while pos < src.count && Lexer.isSpace(src[pos]) { pos += 1 }
    }

    private mutating func lexRightDelim() -> State {
        let (_, trim) = atRightDelim()
        if trim {
            pos += 2
            ignore()
        }
        pos += rightDelim.count
        emit(.rightDelim)
        if trim {
            skipLeadingSpace()
            ignore()
        }
        return .text
    }

    private mutating func lexInsideAction() -> State {
        let (delim, _) = atRightDelim()
        if delim {
            if parenDepth == 0 { return lexRightDelim() }
            return fail("unclosed left paren")
        }
        guard let b = byte(at: pos) else { return fail("unclosed action") }
        if Lexer.isSpace(b) { return lexSpace() }
        switch b {
        case UInt8(ascii: "="):
            pos += 1
            emit(.assign)
        case UInt8(ascii: ":"):
            pos += 1
            if byte(at: pos) != UInt8(ascii: "=") {
                if pos < src.count { pos += 1 }
                return fail("expected :=")
            }
            pos += 1
            emit(.declare)
        case UInt8(ascii: "|"):
            pos += 1
            emit(.pipe)
        case UInt8(ascii: "\""):
            return lexQuote(UInt8(ascii: "\""), kind: .string, message: "unterminated quoted string")
        case UInt8(ascii: "'"):
            return lexQuote(UInt8(ascii: "'"), kind: .charConstant, message: "unterminated character constant")
        case UInt8(ascii: "`"):
            pos += 1
            while true {
                guard let c = byte(at: pos) else { return fail("unterminated raw quoted string") }
                pos += 1
                if c == UInt8(ascii: "`") { break }
            }
            emit(.rawString)
        case UInt8(ascii: "$"):
            pos += 1
            return lexFieldOrVariable(.variable)
        case UInt8(ascii: "."):
            if let next = byte(at: pos + 1), next < UInt8(ascii: "0") || next > UInt8(ascii: "9") {
                pos += 1
                return lexFieldOrVariable(.field)
            }
            return lexNumber()
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return lexNumber()
        case UInt8(ascii: "("):
            pos += 1
            parenDepth += 1
            emit(.leftParen)
        case UInt8(ascii: ")"):
            pos += 1
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right paren") }
            emit(.rightParen)
        default:
            let (alnum, width) = isAlphaNumeric(at: pos)
            if alnum { return lexIdentifier() }
            if b >= 0x21 && b < 0x7F {
                pos += 1
                emit(.char)
            } else {
                let description = describeScalar(at: pos)
                pos += max(width, 1)
                return fail("unrecognized character in action: \(description)")
            }
        }
        return .insideAction
    }

    private mutating func lexSpace() -> State {
        var count = 0
        while let b = byte(at: pos), Lexer.isSpace(b) {
            pos += 1
            count += 1
        }
        // A space followed by "-}}" belongs to the trim marker.
        if hasRightTrimMarker(at: pos - 1) && hasPrefix(rightDelim, at: pos + 1) {
            pos -= 1
            if count == 1 { return lexRightDelim() }
        }
        emit(.space)
        return .insideAction
    }

    private mutating func lexIdentifier() -> State {
        while true {
            let (alnum, width) = isAlphaNumeric(at: pos)
            if !alnum { break }
            pos += width
        }
        if !atTerminator() { return failBadCharacter() }
        let word = String(decoding: src[start..<pos], as: UTF8.self)
        switch word {
        case "block": emit(.block)
        case "break": emit(breakOK ? .breakKeyword : .identifier)
        case "continue": emit(continueOK ? .continueKeyword : .identifier)
        case "define": emit(.define)
        case "else": emit(.elseKeyword)
        case "end": emit(.end)
        case "if": emit(.ifKeyword)
        case "range": emit(.range)
        case "nil": emit(.nilKeyword)
        case "template": emit(.template)
        case "with": emit(.with)
        case "true", "false": emit(.bool)
        default: emit(.identifier)
        }
        return .insideAction
    }

    private mutating func failBadCharacter() -> State {
        let description = describeScalar(at: pos)
        if let (_, width) = scalar(at: pos) { pos += width }
        return fail("bad character \(description)")
    }

    private mutating func lexFieldOrVariable(_ kind: TokenKind) -> State {
        if atTerminator() {
            emit(kind == .variable ? .variable : .dot)
            return .insideAction
        }
        while true {
            let (alnum, width) = isAlphaNumeric(at: pos)
            if !alnum { break }
            pos += width
        }
        if !atTerminator() { return failBadCharacter() }
        emit(kind)
        return .insideAction
    }

    private mutating func lexQuote(_ quote: UInt8, kind: TokenKind, message: String) -> State {
        pos += 1
        while true {
            guard let c = byte(at: pos) else { return fail(message) }
            pos += 1
            if c == UInt8(ascii: "\\") {
                guard let n = byte(at: pos), n != 0x0A else { return fail(message) }
                pos += 1
            } else if c == 0x0A {
                return fail(message)
            } else if c == quote {
                break
            }
        }
        emit(kind)
        return .insideAction
    }

    private mutating func lexNumber() -> State {
        if !scanNumber() {
            return fail("bad number syntax: \(GoQuote.quote(String(decoding: src[start..<pos], as: UTF8.self)))")
        }
        if let sign = byte(at: pos), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            if !scanNumber() || src[pos - 1] != UInt8(ascii: "i") {
                return fail("bad number syntax: \(GoQuote.quote(String(decoding: src[start..<pos], as: UTF8.self)))")
            }
            // Complex constants lex fine but fluxhelm's value model has no complex type.
            emit(.number)
        } else {
            emit(.number)
        }
        return .insideAction
    }

    private mutating func accept(_ set: String) -> Bool {
        guard let b = byte(at: pos), set.utf8.contains(b) else { return false }
        pos += 1
        return true
    }

    private mutating func acceptRun(_ set: String) {
        while let b = byte(at: pos), set.utf8.contains(b) { pos += 1 }
    }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") {
                digits = "0123456789abcdefABCDEF_"
            } else if accept("oO") {
                digits = "01234567_"
            } else if accept("bB") {
                digits = "01_"
            }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.utf8.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.utf8.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        let (alnum, width) = isAlphaNumeric(at: pos)
        if alnum {
            pos += width
            return false
        }
        return true
    }
}
