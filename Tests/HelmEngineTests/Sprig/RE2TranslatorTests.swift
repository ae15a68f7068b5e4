import GoTemplate
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
        do throws(RE2Translator.SyntaxError) {
            _ = try GoRegexp.compile(pattern)
            Issue.record("\(pattern) compiled")
        } catch {
            #expect(error.message == message)
        }
    }

    func compile(_ pattern: String) throws -> GoRegexp {
        do throws(RE2Translator.SyntaxError) {
            return try GoRegexp.compile(pattern)
        } catch {
            throw TemplateFunctionError(error.message)
        }
    }

    @Test func testDollar_isEndOfTextUnlessMultiline() throws {
        #expect(!(try compile("^abc$")).matches("abc\n"))
        #expect(try compile("(?m)^b$").matches("a\nb\nc"))
    }

    @Test func testDot_excludesNewlineUnlessDotAll() throws {
        #expect(!(try compile("a.b")).matches("a\nb"))
        #expect(try compile("(?s)a.b").matches("a\nb"))
        #expect(try compile("a.b").matches("a\rb"))
    }

    @Test func testPerlClasses_areASCII() throws {
        #expect(try compile("\\d+").findAllStrings("a1b22c٣", limit: -1) == ["1", "22"])
        #expect(try compile("\\w+").findAllStrings("héllo", limit: -1) == ["h", "llo"])
    }

    @Test func testExpand_followsGoNameRules() throws {
        let re = try compile("a(x*)b")
        #expect(re.replaceAll("-ab-axxb-", with: "${1}W", literal: false) == "-W-xxW-")
        #expect(re.replaceAll("-ab-axxb-", with: "$1W", literal: false) == "---")
        #expect(re.replaceAll("-ab-axxb-", with: "$1", literal: true) == "-$1-$1-")
        let named = try compile("(?P<first>\\w+) (?P<last>\\w+)")
        #expect(named.replaceAll("John Smith", with: "${last}, $first", literal: false) == "Smith, John")
    }

    @Test func testFindAllAndSplit_handleEmptyMatchesLikeGo() throws {
        #expect(try compile("a*").findAllStrings("baaab", limit: -1) == ["", "aaa", "", ""])
        #expect(try compile("z+").split("pizza", limit: -1) == ["pi", "a"])
        #expect(try compile("").split("abc", limit: -1) == ["a", "b", "c"])
        #expect(try compile("x*").replaceAll("abc", with: "-", literal: false) == "-a-b-c-")
    }
}
