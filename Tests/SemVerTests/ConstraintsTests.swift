import Testing

@testable import SemVer

/// What `semverCompare CONSTRAINT VERSION` does in Sprig: parse the constraint, then the version, then check.
private func semverCompare(_ constraint: String, _ version: String) -> String {
    do {
        let constraints = try Constraints(constraint)
        let parsed = try Version(version)
        return constraints.check(parsed) ? "true" : "false"
    } catch {
        return "error: \(error.message)"
    }
}

struct ConstraintsTests {
    @Test(arguments: OracleTable.checks.indices)
    func testCheck_matchesHelmOracle(index: Int) {
        let (constraint, version, expected) = OracleTable.checks[index]
        #expect(semverCompare(constraint, version) == expected, "semverCompare \(constraint) \(version)")
    }

    @Test func testOracleTable_isLarge() {
        #expect(OracleTable.checks.count >= 200)
    }

    // Upstream's Validate messages (Masterminds' TestConstraintsValidate wording).
    @Test(arguments: [
        ("2.x", "1.2.3", #""1.2.3" is less than "2.x""#),
        ("= 2.0", "1.2.3", #""1.2.3" is less than "2.0""#),
        ("!=4.1", "4.1.0", #""4.1.0" is equal to "4.1""#),
        ("!=4.2.x", "4.2.3", #""4.2.3" is equal to "4.2.x""#),
        (">1.1", "1.1.0", #""1.1.0" is less than or equal to "1.1""#),
        ("<1.1", "1.1.1", #""1.1.1" is greater than or equal to "1.1""#),
        ("<=1.1.x", "1.2.500", #""1.2.500" is greater than "1.1.x""#),
        (">=1.1, <2, !=1.2.3 || > 3", "3.0.0", #""3.0.0" is greater than or equal to "2""#),
        ("1.1 - 3", "4.3.2", #""4.3.2" is greater than "3""#),
        ("^1.1", "4.3.2", #""4.3.2" does not have same major version as "1.1""#),
        ("^1.12.7", "1.6.6", #""1.6.6" is less than "1.12.7""#),
        ("~1.2.3", "1.3.2", #""1.3.2" does not have same major and minor version as "1.2.3""#),
        ("1.2.3", "1.2.4", #""1.2.4" is not equal to "1.2.3""#),
        (
            "^0.2.3", "0.3.0",
            #""0.3.0" does not have same minor version as "0.2.3". Expected minor versions to match when constraint major version is 0"#
        ),
        (
            "^0.0.3", "0.0.4",
            #""0.0.4" does not equal "0.0.3". Expect version and constraint to equal when major and minor versions are 0"#
        ),
        (
            "^1", "1.2.0-beta",
            #""1.2.0-beta" is a prerelease version and the constraint is only looking for release versions"#
        ),
    ])
    func testValidate_reportsUpstreamMessage(constraint: String, version: String, message: String) throws {
        let reasons = try Constraints(constraint).validate(Version(version))
        #expect(reasons.map(\.message).contains(message), "\(reasons.map(\.message))")
        #expect(reasons.allSatisfy { $0.code == .unsatisfied })
    }

    @Test func testValidate_whenSatisfied_returnsNoReasons() throws {
        #expect(try Constraints(">=1.1, <2").validate(Version("1.5.0")).isEmpty)
    }

    @Test func testValidate_prereleaseReasonReportedOnce() throws {
        let reasons = try Constraints("^1 || ^2").validate(Version("1.2.0-beta"))
        #expect(reasons.count == 1)
    }

    @Test func testValidate_reportsEachFailingTerm() throws {
        // Masterminds' own example: two of three terms fail, in order.
        let reasons = try Constraints("!= 1.2.5, ^2, <= 1.1.x").validate(Version(strict: "1.2.3"))
        #expect(reasons.map(\.message) == [#""1.2.3" is less than "2""#, #""1.2.3" is greater than "1.1.x""#])
    }

    @Test func testIncludePrerelease_letsPrereleasesThroughEveryBranch() throws {
        var constraints = try Constraints("^1.2")
        #expect(!constraints.check(try Version("1.3.0-rc.1")))
        constraints.includePrerelease = true
        #expect(constraints.check(try Version("1.3.0-rc.1")))
        #expect(!constraints.check(try Version("2.0.0-rc.1")))
    }

    @Test(arguments: [
        ("1.2 - 1.4.5", ">= 1.2, <= 1.4.5 "),
        (">= 1.2.3 < 2.0 || => 3.0 < 4", ">= 1.2.3 < 2.0 || => 3.0 < 4"),
    ])
    func testRewriteRanges_rewritesHyphenRanges(input: String, rewritten: String) {
        #expect(ConstraintScanner.rewriteRanges(input) == rewritten)
    }

    @Test(arguments: [
        ("1.2 - 1.4.5", ">=1.2 <=1.4.5"),
        (">= 1.2.3, < 2.0 || => 3.0 < 4", ">=1.2.3 <2.0 || =>3.0 <4"),
        ("^1.x", "^1.x"),
        // Masterminds' TestConstraintString rows.
        ("*", "*"),
        (">= 1.2.3", ">=1.2.3"),
        ("2.x,   >=1.2.3 || >4.5.6, < 5.7", "2.x >=1.2.3 || >4.5.6 <5.7"),
        ("1.2", "1.2"),
    ])
    func testDescription_joinsTermsLikeUpstream(input: String, description: String) throws {
        #expect(try Constraints(input).description == description)
    }

    @Test func testInit_whenTooLong_throwsInputTooLong() {
        let long = String(repeating: "1 ", count: Constraints.maximumLength)
        #expect(throws: SemVerError(code: .inputTooLong, message: "")) { try Constraints(long) }
    }

    @Test(.timeLimit(.minutes(1)))
    func testInit_hostileInputAtLimit_staysFast() throws {
        // Long runs of spaces and digits are the worst case for the range search.
        let digits = String(repeating: "1", count: Constraints.maximumLength - 2) + " -"
        #expect(throws: SemVerError.self) { try Constraints(digits) }
        let spaces = String(repeating: " ", count: Constraints.maximumLength - 1) + "x"
        #expect(try Constraints(spaces).check(Version("1.0.0")))
    }
}
