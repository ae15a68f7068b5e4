import GoTemplate
import Testing

@testable import HelmEngine

/// Deeply nested input must neither crash the process nor diverge from Go: the recursive passes
/// move to a large-stack thread past ``DeepStack/shallowLimit`` levels.
struct DeepStackTests {
    static let depth = 3_000

    @Test(.timeLimit(.minutes(1)))
    func testJSON_deepDocumentsRoundTrip() throws {
        let text = String(repeating: "[", count: Self.depth) + String(repeating: "]", count: Self.depth)
        let value = try GoJSON.decode(text)
        #expect(try GoJSON.encode(value) == text)
        let yaml = try GoYAML.encode(value)
        #expect(yaml.hasPrefix("- - - "))
        #expect(try GoYAML.encodePretty(value).hasPrefix("- - - "))
    }

    @Test(.timeLimit(.minutes(1)))
    func testJSON_pastGoLimitFails() {
        let text = String(repeating: "[", count: 10_001) + String(repeating: "]", count: 10_001)
        #expect(GoJSON.decodeArray(text).error == "invalid character '[' exceeded max depth")
    }

    @Test(.timeLimit(.minutes(1)))
    func testTOML_deepTables() throws {
        var value = Value.map(["leaf": .int(1)])
        for _ in 0..<300 { value = .map(["t": value]) }
        let toml = try GoTOML.encode(value)
        #expect(toml.contains("leaf = 1"))
    }

    @Test(.timeLimit(.minutes(1)))
    func testYAML_deepDocumentDecodes() throws {
        let text = "a: " + String(repeating: "[", count: 900) + String(repeating: "]", count: 900)
        let value = try GoYAML.decodeObject(text)
        #expect(value.count == 1)
    }
}
