import Foundation
import Testing

/// Runs the built `fluxhelm` binary, as a user would, and checks its output and exit code.
struct VersionTests {
    @Test func testVersion_printsVersion() throws {
        let result = try runFluxhelm(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("0."))
    }

    @Test func testHelp_listsUsage() throws {
        let result = try runFluxhelm(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: fluxhelm"))
    }
}
