import Foundation
import GoTemplate
import HelmEngine
import Testing

/// Runs the yaml-* corpus through the decoder and encoders directly (see ``EncodingCase``).
/// Cases whose template needs the executor (error cases, several actions, function
/// arguments) are left to the engine's corpus runner.
struct EncodingConformanceTests {
    static let direct = EncodingCase.all().filter { $0.expected != nil && $0.pipeline != nil }

    @Test func testCorpus_hasDirectCases() {
        #expect(Self.direct.count >= 100)
    }

    @Test(.timeLimit(.minutes(1)), arguments: direct)
    func testCase_matchesHelm(_ testCase: EncodingCase) throws {
        let actual = try #require(try testCase.evaluate())
        #expect(actual == testCase.expected)
    }
}
