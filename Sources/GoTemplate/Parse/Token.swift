/// The kinds of lexical items, mirroring Go's `text/template/parse` item types.
enum TokenKind: UInt8, Sendable {
    case error, bool, char, charConstant, comment, assign, declare, eof, field, identifier
    case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
    // Keywords (Go prints these as `<word>` in messages).
    case block, breakKeyword, continueKeyword, dot, define, elseKeyword, end, ifKeyword, nilKeyword
    case range, template, with

    var isKeyword: Bool { rawValue >= TokenKind.block.rawValue }
}

/// One lexical item: a byte range of the source plus its line (1-based), as Go's `item`.
struct Token: Sendable {
    var kind: TokenKind
    /// Byte offset of the item in the source.
    var start: Int
    /// Byte offset one past the item.
    var end: Int
    /// Line of the item's start.
    var line: Int
    /// Error text for `.error` items.
    var message: String = ""
}
