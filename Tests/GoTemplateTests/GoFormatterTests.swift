import GoTemplate
import Testing

/// Go's fmt formatting. Expected strings are what Go prints (checked through Helm's engine).
struct GoFormatterTests {
    static let floats: [(Double, String)] = [
        (1_000_000, "1e+06"), (12_345_678_901, "1.2345678901e+10"), (0.00001, "1e-05"), (1.5e300, "1.5e+300"),
        (123_456, "123456"), (1_234_567, "1.234567e+06"), (0.0001, "0.0001"), (0.1, "0.1"), (1.5, "1.5"),
        (3, "3"), (-2, "-2"), (0, "0"), (-0.0, "-0"), (1e20, "1e+20"), (1e21, "1e+21"), (5e-324, "5e-324"),
        (1e-320, "1e-320"), (123_456_789, "1.23456789e+08"), (0.000012345, "1.2345e-05"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"),
        (Double.nan, "NaN"),
    ]

    @Test(arguments: floats)
    func testFormat_float(_ testCase: (Double, String)) {
        #expect(GoFormatter.format(.float(testCase.0)) == testCase.1)
    }

    @Test func testFormat_collections() {
        let value: Value = .map([
            "b": .list([.string("x"), .int(1), .null, .bool(true)]), "a": .float(2), "c": .map([:]),
        ])
        #expect(GoFormatter.format(value) == "map[a:2 b:[x 1 <nil> true] c:map[]]")
        #expect(GoFormatter.format(.null) == "<nil>")
        #expect(GoFormatter.format(.list([], .string)) == "[]")
    }

    @Test func testSprint_spacing() {
        #expect(
            GoFormatter.sprint([.int(1), .int(2), .string("a"), .string("b"), .int(3), .null, .int(4)])
                == "1 2ab3 <nil> 4")
        #expect(GoFormatter.sprintln([.int(1), .string("a")]) == "1 a\n")
    }

    static let printfCases: [(String, [Value], String)] = [
        (
            "%5.2f|%-5d|%05d|%x|%q|%v|%T",
            [.float(3.14159), .int(42), .int(42), .int(255), .string("hi"), .bool(true), .list([])],
            " 3.14|42   |00042|ff|\"hi\"|true|[]interface {}"
        ),
        ("%d %d", [.int(1)], "1 %!d(MISSING)"),
        ("%d", [.int(1), .int(2)], "1%!(EXTRA int=2)"),
        ("%d", [.string("x")], "%!d(string=x)"),
        ("%!", [], "%!!(MISSING)"),
        ("abc%", [], "abc%!(NOVERB)"),
        ("%v|%s|%d", [.null, .null, .null], "<nil>|%!s(<nil>)|%!d(<nil>)"),
        ("%*d|%-*d|%.*f", [.int(5), .int(1), .int(5), .int(2), .int(2), .float(3.14159)], "    1|2    |3.14"),
        (
            "%e %E %.3e %g %G %.3g",
            [
                .float(1234.5678), .float(1234.5678), .float(1234.5678), .float(1234.5678), .float(0.000001234),
                .float(1234.5678),
            ], "1.234568e+03 1.234568E+03 1.235e+03 1234.5678 1.234E-06 1.23e+03"
        ),
        ("%x %X %x", [.list([.string("a")]), .string("hello"), .float(3.5)], "[61] 68656C6C6F 0x1.cp+01"),
        ("%#v", [.list([.string("a"), .float(1), .null])], "[]interface {}{\"a\", 1, interface {}(nil)}"),
        ("%#v", [.map(["a": .float(1), "b": .float(2)])], "map[string]interface {}{\"a\":1, \"b\":2}"),
        ("%c %U %#U %q", [.int(65), .int(65), .int(65), .int(65)], "A U+0041 U+0041 'A' 'A'"),
        ("%-10v|", [.list([.string("a"), .null])], "[a          <nil>]|"),
    ]

    @Test(arguments: printfCases)
    func testSprintf_matchesGo(_ testCase: (String, [Value], String)) {
        #expect(GoFormatter.sprintf(testCase.0, testCase.1) == testCase.2)
    }
}
