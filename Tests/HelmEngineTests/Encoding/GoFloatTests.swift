import Testing

@testable import HelmEngine

/// Expected strings are Go's `strconv.FormatFloat` results, as Helm prints them (`%v` of a
/// float64 from values, JSON numbers, float map keys).
struct GoFloatTests {
    @Test(arguments: [
        (1_000_000.0, "1e+06"), (123456.0, "123456"), (0.0001, "0.0001"), (0.00001, "1e-05"),
        (1.5, "1.5"), (12345678901.0, "1.2345678901e+10"), (-2.5e-7, "-2.5e-07"), (1e21, "1e+21"),
        (0.1, "0.1"), (100.0, "100"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    ])
    func testFormat_shortestG(_ value: Double, _ expected: String) {
        #expect(GoFloat.format(value, .g) == expected)
    }

    @Test(arguments: [
        (1_000_000.0, "1000000"), (1e20, "100000000000000000000"), (1e21, "1e+21"), (0.000001, "0.000001"),
        (0.0000001, "1e-7"), (-1.2345e-8, "-1.2345e-8"), (1.5, "1.5"), (0.0, "0"), (-0.0, "-0"),
        (123456789.125, "123456789.125"), (1e-300, "1e-300"),
    ])
    func testJSON_goEncodingJSONForm(_ value: Double, _ expected: String) {
        #expect(GoFloat.json(value) == expected)
    }

    @Test(arguments: [(1000.0, "1000"), (1e20, "1e+20"), (0.1, "0.1"), (123456789.0, "1.2345679e+08"), (1.5, "1.5")])
    func testFormat_float32Keys(_ value: Double, _ expected: String) {
        #expect(GoFloat.format(value, .g, bits: 32) == expected)
    }

    @Test func testFormat_specialValues() {
        #expect(GoFloat.format(.nan, .g) == "NaN")
        #expect(GoFloat.format(.infinity, .g) == "+Inf")
        #expect(GoFloat.format(-.infinity, .g) == "-Inf")
    }
}
