import Foundation
import GoTemplate
import Testing

@testable import HelmEngine

/// Runs the `helm-*` conformance cases (include, tpl, required, fail, lookup, encoding functions
/// inside real templates) through GoTemplate's executor with Helm's functions layered over
/// Sprig's, and compares with what Helm's engine produced.
///
/// The data is the plain-map part of Helm's top-level object (`.Values`, `.Release`,
/// `.Template`, `.Chart` fields); cases that need `.Files` or `.Capabilities` wait for the
/// engine's own runner and are listed in ``HelmCorpusTests/needsEngine``.
struct HelmCorpusTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var template: String
        var helpers: String?
        var values: String?
        var expected: String?
        var expectedError: String?
        var description: String { name }
    }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Conformance")

    /// Cases whose output depends on objects only the engine provides.
    static let needsEngine: Set<String> = [
        "helm-include/basic",  // prints the whole top-level object, including .Capabilities
        "helm-encoding/toyaml-bytes",  // .Files.GetBytes
        "helm-encoding/toyaml-objects",  // .Release as Helm's Go struct
        // GoTemplate stops at 1,000 nested template calls ("exceeded maximum template depth"),
        // before Helm's include limit (1,001 nested includes) can trigger.
        "helm-include/bounded", "helm-include/bounded-limit", "helm-include/recursion", "helm-include/mutual",
        // Helm's multi-line layout of a nested "no template" error is the engine's to reproduce.
        "helm-include/missing",
        // GoTemplate (as merged here) names tpl's template after the calling file, where Helm
        // uses the set's root name `gotpl`.
        "helm-tpl/exec-error2", "helm-tpl/parse-error",
    ]

    static func cases() -> [Case] {
        let manager = FileManager.default
        guard let families = try? manager.contentsOfDirectory(atPath: root.path) else { return [] }
        var cases: [Case] = []
        for family in families.sorted() where family.hasPrefix("helm-") {
            let folder = root.appendingPathComponent(family)
            for file in ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            where file.hasSuffix(".tpl") && !file.hasSuffix(".helpers.tpl") {
                let name = String(file.dropLast(4))
                func read(_ suffix: String) -> String? {
                    try? String(contentsOf: folder.appendingPathComponent(name + suffix), encoding: .utf8)
                }
                let id = family + "/" + name
                if needsEngine.contains(id) { continue }
                cases.append(
                    Case(
                        name: id, template: read(".tpl") ?? "", helpers: read(".helpers.tpl"),
                        values: read(".values.yaml"), expected: read(".expected"),
                        expectedError: read(".expected-error")))
            }
        }
        return cases
    }

    static func render(_ c: Case) throws -> String {
        var set = TemplateSet(functions: HelmFunctions.functions(sprig: Sprig.functions), name: "gotpl")
        // Helm parses shallower paths first, then by name: `_helpers.tpl` before `case.yaml`.
        if let helpers = c.helpers { try set.parse(name: "conformance/templates/_helpers.tpl", text: helpers) }
        try set.parse(name: "conformance/templates/case.yaml", text: c.template)
        let values = try GoYAML.decodeObject(c.values ?? "", file: "values.yaml")
        let data = Value.map(
            [
                "Values": .map(values, .named("common.Values")),
                "Release": .map([
                    "Name": .string("rel"), "Namespace": .string("ns"), "IsInstall": .bool(true),
                    "IsUpgrade": .bool(false), "Revision": .int(1), "Service": .string("Helm"),
                ]),
                "Chart": .map([
                    "Name": .string("conformance"), "Version": .string("0.1.0"), "AppVersion": .string("1.0.0"),
                ]),
                "Template": .map([
                    "Name": .string("conformance/templates/case.yaml"), "BasePath": .string("conformance/templates"),
                ]),
            ], .named("common.Values"))
        let output = try set.execute(
            name: "conformance/templates/case.yaml", data: data, options: ExecuteOptions(missingKey: .zero))
        return output.replacingNoValue()
    }

    /// Helm's `cleanupExecError`: a `required`/`fail` message becomes
    /// `execution error at (LOCATION): MESSAGE`; other errors keep Go's text.
    /// Parse errors become `parse error at (LOCATION): DETAIL` (Helm's `cleanupParseError`).
    static func helmMessage(_ error: TemplateError) -> String? {
        guard let location = error.location else { return nil }
        if error.code == .parse { return "parse error at (\(location)): \(error.detail)" }
        guard let message = HelmErrorMarker.message(in: error.message) else { return nil }
        return "execution error at (\(location)): \(message)"
    }

    @Test func testCorpus_isPresent() {
        #expect(Self.cases().count >= 60)
    }

    @Test(.timeLimit(.minutes(1)), arguments: cases())
    func testCase_matchesHelm(_ c: Case) throws {
        do {
            let output = try Self.render(c)
            let expected = try #require(c.expected, "rendered \(output.debugDescription) but Helm failed")
            #expect(output == expected)
        } catch let error as TemplateError {
            let expected = try #require(c.expectedError, "unexpected error: \(error.message)")
            if let helm = Self.helmMessage(error) {
                #expect(helm == expected.trimmingCharacters(in: .newlines))
            } else {
                #expect(errorMatchesHelm(error, expected), "got: \(error.message)")
            }
        }
    }
}
