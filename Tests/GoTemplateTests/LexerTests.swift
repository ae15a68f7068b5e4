import Testing

@testable import GoTemplate

/// The lexer's items, as Go's `text/template/parse` lexer produces them (see Go's lex_test.go).
struct LexerTests {
    private func lex(_ text: String, _ left: String = "{{", _ right: String = "}}") -> [(TokenKind, String)] {
        let source = Array(text.utf8)
        return Lexer.tokenize(source, leftDelim: left, rightDelim: right).map {
            ($0.kind, $0.kind == .error ? $0.message : String(decoding: source[$0.start..<$0.end], as: UTF8.self))
        }
    }

    private func kinds(_ text: String) -> [TokenKind] { lex(text).map(\.0) }

    @Test func testLex_textAndAction() {
        let items = lex("a {{ .b | f 1 }} c")
        #expect(
            items.map(\.0) == [
                .text, .leftDelim, .space, .field, .space, .pipe, .space, .identifier, .space,
                .number, .space, .rightDelim, .text, .eof,
            ])
        #expect(items.map(\.1) == ["a ", "{{", " ", ".b", " ", "|", " ", "f", " ", "1", " ", "}}", " c", ""])
    }

    @Test func testLex_trimMarkers() {
        // "{{- " trims the text before, " -}}" the text after; both need the space.
        #expect(lex("a \n {{- 3 -}} \n b").map(\.1) == ["a", "{{", "3", "}}", "b", ""])
        #expect(lex("{{-3}}").map(\.1) == ["{{", "-3", "}}", ""])
    }

    @Test func testLex_commentsVanish() {
        #expect(kinds("a{{/* c */}}b") == [.text, .text, .eof])
        #expect(lex("a  {{- /* c */ -}}  b").map(\.1) == ["a", "b", ""])
        #expect(lex("{{/* c */ }}").last?.1 == "comment ends before closing delimiter")
        #expect(lex("{{/* c ").last?.1 == "unclosed comment")
    }

    @Test func testLex_keywordsAndLiterals() {
        let items = lex("{{if else end range with define template block break continue nil true . $ $x 'a' `r` \"s\"}}")
            .filter { $0.0 != .space }
        #expect(
            items.map(\.0) == [
                .leftDelim, .ifKeyword, .elseKeyword, .end, .range, .with, .define, .template,
                .block, .breakKeyword, .continueKeyword, .nilKeyword, .bool, .dot, .variable,
                .variable, .charConstant, .rawString, .string, .rightDelim, .eof,
            ])
    }

    @Test func testLex_numbers() {
        let items = lex("{{ 1 -2 +3 0x1F 0o17 0b101 1_000 1.5 .5 1e3 0x1p-2 }}").filter { $0.0 == .number }
        #expect(items.map(\.1) == ["1", "-2", "+3", "0x1F", "0o17", "0b101", "1_000", "1.5", ".5", "1e3", "0x1p-2"])
        #expect(lex("{{ 12ab }}").last?.1 == "bad number syntax: \"12a\"")
    }

    @Test func testLex_errors() {
        #expect(lex("{{ \"abc }}").last?.1 == "unterminated quoted string")
        #expect(lex("{{ `abc").last?.1 == "unterminated raw quoted string")
        #expect(lex("{{ 'a }}").last?.1 == "unterminated character constant")
        #expect(lex("{{ (1 }}").last?.1 == "unclosed left paren")
        #expect(lex("{{ ) }}").last?.1 == "unexpected right paren")
        #expect(lex("{{ .a-b }}").last?.1 == "bad character U+002D '-'")
        #expect(lex("{{ \u{1} }}").last?.1 == "unrecognized character in action: U+0001")
        #expect(lex("{{ 1").last?.1 == "unclosed action")
        #expect(lex("{{ : }}").last?.1 == "expected :=")
    }

    @Test func testLex_linesAndPositions() {
        let source = Array("a\nb{{ .x\n}}\nc".utf8)
        let tokens = Lexer.tokenize(source, leftDelim: "{{", rightDelim: "}}")
        let field = tokens.first { $0.kind == .field }
        #expect(field?.start == 6)
        #expect(field?.line == 2)
        #expect(tokens.first { $0.kind == .rightDelim }?.line == 3)
    }

    @Test func testLex_customDelimiters() {
        #expect(lex("{{ x }}[[ .y ]]", "[[", "]]").map(\.1) == ["{{ x }}", "[[", " ", ".y", " ", "]]", ""])
    }
}
