import Testing

@testable import HelmRelease

/// Helm's release name rule: DNS-1123 subdomain segments, at most 53 characters.
struct ReleaseNameValidatorTests {
    @Test(arguments: ["a", "web", "web-1", "my.release", "0", "a.b-c.d", String(repeating: "a", count: 53)])
    func testIsValid_acceptsHelmNames(_ name: String) {
        #expect(ReleaseNameValidator.isValid(name))
    }

    @Test(arguments: ["", "Web", "-a", "a-", "a..b", ".a", "a.", "a_b", "ä", "a b", String(repeating: "a", count: 54)])
    func testIsValid_rejectsOthers(_ name: String) {
        #expect(!ReleaseNameValidator.isValid(name))
    }

    @Test func testValidateLabels_rejectsSystemLabels() throws {
        try ReleaseNameValidator.validateLabels(["team": "blue"])
        #expect(throws: ReleaseError(code: .invalidOperation, message: "")) {
            try ReleaseNameValidator.validateLabels(["owner": "me"])
        }
    }
}
