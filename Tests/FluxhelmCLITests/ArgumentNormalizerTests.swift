import Testing

@testable import fluxhelm

/// Helm 4's optional-value flags (`--wait=watcher`, `--dry-run=server`) as fluxhelm reads them.
struct ArgumentNormalizerTests {
    @Test func testNormalize_helmSpellings() {
        let arguments = ["install", "a", "c", "--wait=watcher", "--dry-run=server", "--wait=hookOnly", "-n", "x"]
        #expect(ArgumentNormalizer.normalize(arguments) == ["install", "a", "c", "--wait", "--dry-run", "-n", "x"])
        #expect(ArgumentNormalizer.normalize(["up", "--dry-run=none", "--wait=false"]) == ["up"])
    }

    @Test func testNormalize_leavesArgumentsAfterDoubleDash() {
        #expect(ArgumentNormalizer.normalize(["x", "--wait=false", "--", "--wait=legacy"]) == ["x", "--", "--wait=legacy"])
    }
}
