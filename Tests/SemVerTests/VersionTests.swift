import Testing

@testable import SemVer

/// What `semver TEXT` prints in Helm for `major|minor|patch|prerelease|metadata|original|string`.
private func semverFields(_ text: String) -> String {
    do {
        let v = try Version(text)
        return "\(v.major)|\(v.minor)|\(v.patch)|\(v.prerelease)|\(v.metadata)|\(v.original)|\(v)"
    } catch {
        return "error: \(error.message)"
    }
}

struct VersionTests {
    @Test(arguments: OracleTable.versions.indices)
    func testInit_matchesHelmOracle(index: Int) {
        let (text, expected) = OracleTable.versions[index]
        #expect(semverFields(text) == expected, "semver \(text)")
    }

    @Test(arguments: OracleTable.compares.indices)
    func testCompare_matchesHelmOracle(index: Int) throws {
        let (a, b, expected) = OracleTable.compares[index]
        #expect(String(try Version(a).compare(Version(b))) == expected, "\(a) vs \(b)")
    }

    @Test(arguments: OracleTable.increments.indices)
    func testIncrement_matchesHelmOracle(index: Int) throws {
        let (text, expected) = OracleTable.increments[index]
        let v = try Version(text)
        let actual = "\(try v.incrementingMajor())|\(try v.incrementingMinor())|\(try v.incrementingPatch())"
        #expect(actual == expected, "semver \(text)")
    }

    // Strict parsing is not reachable through Sprig; these rows follow Masterminds' TestStrictNewVersion table
    // and the messages of its error variables.
    @Test(
        arguments: [
            ("1.2.3", nil), ("1.2.3+test.01", nil), ("1.2.3-alpha.-1", nil), ("1.2.0-x.Y.0+metadata", nil),
            ("1.2.3-0abc123", nil), ("1.2.2147483648", nil), ("1.2.3-rc1-with-hypen", nil),
            ("", "version string empty"), ("1.2.3-alpha.01", "version segment starts with 0"),
            ("v1.2.3", "invalid characters in version"), ("1.0", "invalid semantic version"),
            ("1", "invalid semantic version"), ("1.2.beta", "invalid characters in version"),
            ("1.2-beta.5", "invalid characters in version"), ("1.2.3.4", "invalid characters in version"),
            ("1.1.2+.123", "invalid metadata string"), ("1.0.0-alpha_beta", "invalid prerelease string"),
            ("1.0.0-alpha..1", "invalid prerelease string"), ("01.1.1", "version segment starts with 0"),
            ("9.8.7+meta+meta", "invalid metadata string"), ("1..2", #"strconv.ParseUint: parsing "": invalid syntax"#),
            (
                "1.2.18446744073709551616",
                #"strconv.ParseUint: parsing "18446744073709551616": value out of range"#
            ),
        ] as [(String, String?)])
    func testInitStrict_followsStrictNewVersion(text: String, message: String?) {
        do {
            let v = try Version(strict: text)
            #expect(message == nil, "parsed \(v)")
            #expect(v.original == text)
        } catch {
            #expect(error.message == message)
        }
    }

    // Masterminds keeps a leading `v` in the incremented version's Original() (its TestOriginalVPrefix).
    @Test func testIncrement_keepsVPrefixInOriginal() throws {
        #expect(try Version("v1.2.3").incrementingPatch().original == "v1.2.4")
        #expect(try Version("v1.2.3-rc.1").incrementingMajor().original == "v2.0.0")
        #expect(try Version("1.2.3").incrementingMinor().original == "1.3.0")
    }

    @Test func testIncrement_atMaximum_throwsOverflow() throws {
        let v = Version(major: .max, minor: .max, patch: .max)
        #expect(throws: SemVerError(code: .overflow, message: "")) { try v.incrementingMajor() }
        #expect(throws: SemVerError(code: .overflow, message: "")) { try v.incrementingMinor() }
        #expect(throws: SemVerError(code: .overflow, message: "")) { try v.incrementingPatch() }
        #expect(try Version("1.2.3-rc.1").incrementingPatch().description == "1.2.3")
    }

    @Test func testSetters_validateAndKeepVPrefix() throws {
        let v = try Version("v1.2.3")
        #expect(try v.settingPrerelease("rc.1").original == "v1.2.3-rc.1")
        #expect(try v.settingMetadata("b.5").description == "1.2.3+b.5")
        #expect(throws: SemVerError(code: .segmentStartsZero, message: "")) { try v.settingPrerelease("01") }
        #expect(throws: SemVerError(code: .invalidMetadata, message: "")) { try v.settingMetadata("a..b") }
    }

    @Test func testEquality_ignoresMetadata() throws {
        #expect(try Version("1.2.3+a") == Version("1.2.3+b"))
        #expect(Set([try Version("1.2.3+a"), try Version("1.2.3+b")]).count == 1)
        #expect(try Version("1.2.3-rc.1") < Version("1.2.3"))
    }

    @Test func testSort_ordersByPrecedence() throws {
        let texts = [
            "1.0.0", "1.0.0-rc.1", "1.0.0-beta.11", "1.0.0-beta.2", "1.0.0-beta", "1.0.0-alpha.beta",
            "1.0.0-alpha.1", "1.0.0-alpha",
        ]
        // SemVer 2.0 spec §11 example, listed highest first above.
        let sorted = try texts.map { try Version($0) }.sorted().map(\.description)
        #expect(sorted == texts.reversed())
    }

    @Test func testInit_fromParts_setsOriginalToCanonical() {
        let v = Version(major: 1, minor: 2, patch: 3, prerelease: "rc.1", metadata: "b")
        #expect(v.original == "1.2.3-rc.1+b")
    }
}
