import GoTemplate
import Testing

/// Parse errors: Go's message text and line for each kind of mistake. The expected messages are Go's
/// (each was checked against Helm's engine, which prints them as `parse error at (NAME:LINE): ...`).
struct ParserTests {
    static let errorCases: [(text: String, message: String)] = [
        ("{{ if true }}x", "template: t:1: unexpected EOF"),
        ("{{ else }}", "template: t:1: unexpected {{else}}"),
        ("x{{ end }}", "template: t:1: unexpected {{end}}"),
        ("{{ printf \"a\" ) }}", "template: t:1: unexpected right paren"),
        ("{{ (print 1 }}", "template: t:1: unclosed left paren"),
        ("{{ \"a\" } }}", "template: t:1: unexpected \"}\" in operand"),
        ("{{ $x := 1 }}{{ define \"d\" }}{{ $x }}{{ end }}", "template: t:1: undefined variable \"$x\""),
        ("{{ range $i, $j, $k := . }}{{ end }}", "template: t:1: too many declarations in range"),
        ("{{ with }}{{ end }}", "template: t:1: missing value for with"),
        ("{{ }}", "template: t:1: missing value for command"),
        ("{{ \"a\" | \"b\" }}", "template: t:1: non executable command in pipeline stage 2"),
        ("{{ template \"x\" | }}", "template: t:1: unexpected \"|\" in template clause"),
        (
            "{{ define \"a\" }}{{ end }}{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }}",
            "template: t:1: template: multiple definition of template \"a\""
        ),
        ("{{ nosuch 1 }}", "template: t:1: function \"nosuch\" not defined"),
        ("{{ break }}", "template: t:1: {{break}} outside {{range}}"),
        ("{{/* x */ }}", "template: t:1: comment ends before closing delimiter"),
        ("{{/* x }}", "template: t:1: unclosed comment"),
        ("{{ \"abc }}", "template: t:1: unterminated quoted string"),
        ("{{ `abc }}", "template: t:1: unterminated raw quoted string"),
        ("{{ 'a }}", "template: t:1: unterminated character constant"),
        ("{{ 12ab }}", "template: t:1: bad number syntax: \"12a\""),
        ("{{ 08 }}", "template: t:1: integer overflow: \"08\""),
        ("{{ 1.b }}", "template: t:1: bad number syntax: \"1.b\""),
        ("{{ \"a\".b }}", "template: t:1: unexpected . after term \"\\\"a\\\"\""),
        ("{{ # }}", "template: t:1: unexpected \"#\" in command"),
        ("{{ .a-b }}", "template: t:1: bad character U+002D '-'"),
        ("{{ $x := 1 }}{{ $x : 2 }}", "template: t:1: expected :="),
        ("a\nb\n{{ if true }}\n{{ end }}\n{{ end }}", "template: t:5: unexpected {{end}}"),
        ("line1\n{{ \"a\"\n\n.x", "template: t:4: unclosed action started at t:2"),
        ("{{ if true }}\n{{ \"x\"\n\n.y", "template: t:4: unclosed action started at t:2"),
    ]

    @Test(arguments: errorCases)
    func testParse_errorMessage(_ testCase: (text: String, message: String)) {
        var set = TemplateSet()
        let error = templateError { try set.parse(name: "t", text: testCase.text) }
        #expect(error?.code == .parse)
        #expect(error?.message == testCase.message)
    }

    @Test func testParse_failureLeavesSetUnchanged() throws {
        var set = TemplateSet()
        try set.parse(name: "a", text: "{{ define \"x\" }}old{{ end }}")
        #expect(templateError { try set.parse(name: "b", text: "{{ define \"x\" }}new{{ end }}{{ if }}") } != nil)
        #expect(!set.hasTemplate(named: "b"))
        #expect(try set.execute(name: "a", data: .null) == "")
        var copy = set
        try copy.parse(name: "c", text: "{{ template \"x\" }}")
        #expect(try copy.execute(name: "c", data: .null) == "old")
    }

    @Test func testParse_laterDefinitionReplacesEarlier() throws {
        var set = TemplateSet()
        try set.parse(name: "a", text: "{{ define \"x\" }}first{{ end }}")
        try set.parse(name: "b", text: "{{ define \"x\" }}second{{ end }}{{ template \"x\" }}")
        try set.parse(name: "c", text: "{{ define \"x\" }}  {{ end }}")
        #expect(try set.execute(name: "b", data: .null) == "second")
        #expect(set.templateNames == ["a", "b", "c", "x"])
    }

    @Test func testParse_emptyDefinitionInSameTextDoesNotReplace() throws {
        var set = TemplateSet()
        try set.parse(name: "t", text: "{{define \"x\"}}a{{end}}{{ template \"x\" }}{{ define \"x\" }}{{ end }}")
        #expect(try set.execute(name: "t", data: .null) == "a")
    }

    @Test func testParse_customDelimiters() throws {
        var set = TemplateSet(options: ParseOptions(leftDelimiter: "[[", rightDelimiter: "]]"))
        try set.parse(name: "t", text: "{{ raw }} [[- \" x \" -]] [[ .a ]]")
        #expect(try set.execute(name: "t", data: .map(["a": .int(1)])) == "{{ raw }} x 1")
    }

    @Test func testParse_skipFunctionCheck() throws {
        var set = TemplateSet(options: ParseOptions(skipFunctionCheck: true))
        try set.parse(name: "t", text: "{{ later 1 }}")
        let error = templateError { _ = try set.execute(name: "t", data: .null) }
        #expect(error?.detail == "\"later\" is not a defined function")
    }

    @Test func testParse_breakIsAFunctionWhenDefined() throws {
        let breakFunction = TemplateFunction([]) { _, _ in .string("fn") }
        var set = TemplateSet(functions: ["break": breakFunction])
        try set.parse(name: "t", text: "{{ break }}")
        #expect(try set.execute(name: "t", data: .null) == "fn")
    }

    @Test(.timeLimit(.minutes(1)))
    func testParse_deepNestingIsAnError() {
        let text = "{{ " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + " }}"
        var set = TemplateSet()
        let error = templateError { try set.parse(name: "t", text: text) }
        #expect(error?.detail == "max expression depth exceeded")
    }

    @Test func testParse_textLimit() {
        var set = TemplateSet(options: ParseOptions(maxTextBytes: 10))
        let error = templateError { try set.parse(name: "t", text: String(repeating: "x", count: 11)) }
        #expect(error?.code == .parse)
    }
}
