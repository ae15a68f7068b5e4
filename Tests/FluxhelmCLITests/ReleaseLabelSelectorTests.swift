import Testing

@testable import fluxhelm

/// `list -l/--selector`: Kubernetes label selector syntax on a release's labels.
struct ReleaseLabelSelectorTests {
    private let labels = ["team": "blue", "tier": "web"]

    @Test(arguments: [
        ("team=blue", true), ("team==blue", true), ("team!=blue", false), ("team!=red", true),
        ("team in (red, blue)", true), ("team notin (red,blue)", false), ("tier", true), ("!tier", false),
        ("!owner", true), ("owner!=x", true), ("team=blue,tier=db", false), ("team=blue, tier in (web)", true),
        ("", true),
    ])
    func testMatches(_ selector: String, _ expected: Bool) throws {
        #expect(try ReleaseLabelSelector(parsing: selector).matches(labels) == expected)
    }

    @Test(arguments: ["team=a=b", "team in red", "te am=blue", "!"])
    func testParse_rejectsMalformed(_ selector: String) {
        #expect(throws: CLIError.self) { try ReleaseLabelSelector(parsing: selector) }
    }
}
