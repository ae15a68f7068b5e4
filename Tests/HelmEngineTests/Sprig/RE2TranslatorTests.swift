import Testing

@testable import HelmEngine

/// Go's regexp syntax errors and RE2 semantics on top of ICU. Expected texts are Helm's
/// (from the oracle's output for the same patterns).
struct RE2TranslatorTests {
    @Test(arguments: [
        ("(", "error parsing regexp: missing closing ): `(`"),
        ("a)", "error parsing regexp: unexpected ): `a)`"),
        ("[a", "error parsing regexp: missing closing ]: `[a`"),
        ("\\1", "error parsing regexp: invalid escape sequence: `\\1`"),
        ("\\Z", "error parsing regexp: invalid escape sequence: `\\Z`"),
        ("a**", "error parsing regexp: invalid nested repetition operator: `**`"),
        ("a+*", "error parsing regexp: invalid nested repetition operator: `+*`"),
        ("a{2}{3}", "error parsing regexp: invalid nested repetition operator: `{2}{3}`"),
        ("*a", "error parsing regexp: missing argument to repetition operator: `*`"),
        ("(?=a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
        ("a{1001}", "error parsing regexp: invalid repeat count: `{1001}`"),
        ("a{2,1}", "error parsing regexp: invalid repeat count: `{2,1}`"),
        ("[z-a]", "error parsing regexp: invalid character class range: `z-a`"),
        ("[[:foo:]]", "error parsing regexp: invalid character class range: `[:foo:]`"),
        ("\\", "error parsing regexp: trailing backslash at end of expression: ``"),
        ("(?P<n>a", "error parsing regexp: missing closing ): `(?P<n>a`"),
        ("(?P<>a)", "error parsing regexp: invalid named capture: `(?P<>`"),
    ])
    func testCompile_reportsGoSyntaxErrors(pattern: String, message: String) {
        #expect(throws: RE2Translator.SyntaxError.self) { try GoRegexp.compile(pattern) }
        do {
            _ = try GoRegexp.compile(pattern)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func testDollar_isEndOfTextUnlessMultiline() throws {
        #expect(try !GoRegexp.compile("^abc$").matches("abc\n"))
        #expect(try GoRegexp.compile("(?m)^b$").matches("a\nb\nc"))
    }

    @Test func testDot_excludesNewlineUnlessDotAll() throws {
        #expect(try !GoRegexp.compile("a.b").matches("a\nb"))
        #expect(try GoRegexp.compile("(?s)a.b").matches("a\nb"))
        #expect(try GoRegexp.compile("a.b").matches("a\rb"))
    }

    @Test func testPerlClasses_areASCII() throws {
        #expect(try GoRegexp.compile("\\d+").findAllStrings("a1b22c٣", limit: -1) == ["1", "22"])
        #expect(try GoRegexp.compile("\\w+").findAllStrings("héllo", limit: -1) == ["h", "llo"])
    }

    @Test func testExpand_followsGoNameRules() throws {
        let re = try GoRegexp.compile("a(x*)b")
        #expect(re.replaceAll("-ab-axxb-", with: "${1}W", literal: false) == "-W-xxW-")
        #expect(re.replaceAll("-ab-axxb-", with: "$1W", literal: false) == "---")
        #expect(re.replaceAll("-ab-axxb-", with: "$1", literal: true) == "-$1-$1-")
        let named = try GoRegexp.compile("(?P<first>\\w+) (?P<last>\\w+)")
        #expect(named.replaceAll("John Smith", with: "${last}, $first", literal: false) == "Smith, John")
    }

    @Test func testFindAllAndSplit_handleEmptyMatchesLikeGo() throws {
        #expect(try GoRegexp.compile("a*").findAllStrings("baaab", limit: -1) == ["", "aaa", "", ""])
        #expect(try GoRegexp.compile("z+").split("pizza", limit: -1) == ["pi", "a"])
        #expect(try GoRegexp.compile("").split("abc", limit: -1) == ["a", "b", "c"])
        #expect(try GoRegexp.compile("x*").replaceAll("abc", with: "-", literal: false) == "-a-b-c-")
    }
}
