import Foundation
import GoTemplate
import HelmEngine
import Testing

/// The yaml-* conformance cases whose template is a single pipeline over `.Values`
/// (`{{ toYaml .Values }}`, `{{ .Values.s | fromYaml | toJson }}`), evaluated without the
/// template executor: the values file is read with ``GoYAML`` (as Helm reads values) and the
/// functions come from ``HelmFunctions``. Expected output always comes from Helm (the oracle).
struct EncodingCase: CustomTestStringConvertible, Sendable {
    var name: String
    var template: String
    var valuesText: String?
    var expected: String?
    var expectedError: String?

    var testDescription: String { name }

    /// Every `.tpl` under the `yaml-*` folders of the bundled corpus.
    static func all() -> [EncodingCase] {
        guard let root = Bundle.module.url(forResource: "Conformance", withExtension: nil) else { return [] }
        let manager = FileManager.default
        guard let families = try? manager.contentsOfDirectory(atPath: root.path) else { return [] }
        var cases: [EncodingCase] = []
        for family in families.sorted() where family.hasPrefix("yaml-") {
            let folder = root.appendingPathComponent(family)
            let files = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".tpl") && !file.hasSuffix(".helpers.tpl") {
                let base = folder.appendingPathComponent(String(file.dropLast(4)))
                func read(_ suffix: String) -> String? {
                    try? String(contentsOf: URL(fileURLWithPath: base.path + suffix), encoding: .utf8)
                }
                cases.append(
                    EncodingCase(
                        name: family + "/" + file.dropLast(4), template: read(".tpl") ?? "",
                        valuesText: read(".values.yaml"), expected: read(".expected"),
                        expectedError: read(".expected-error")))
            }
        }
        return cases
    }

    /// The pipeline inside `{{ ... }}` and the text after it, or nil when the template has
    /// another shape (those cases wait for the executor).
    var pipeline: (stages: [String], trailer: String)? {
        guard template.hasPrefix("{{ "), let close = template.range(of: " }}") else { return nil }
        let inner = template[template.index(template.startIndex, offsetBy: 3)..<close.lowerBound]
        if inner.contains("{{") || inner.contains("(") || inner.contains("\"") { return nil }
        let trailer = String(template[close.upperBound...])
        if trailer.contains("{{") { return nil }
        return (inner.components(separatedBy: " | "), trailer)
    }

    /// Runs the pipeline; nil when it uses something other than `.Values` paths and functions
    /// of one argument.
    func evaluate() throws -> String? {
        guard let (stages, trailer) = pipeline, let first = stages.first else { return nil }
        let functions = HelmFunctions.functions()
        let values = Value.map(try GoYAML.decodeObject(valuesText ?? ""), .named("chartutil.Values"))
        let context = NoTemplates()
        func path(_ text: Substring) -> Value? {
            guard text == ".Values" || text.hasPrefix(".Values.") else { return nil }
            var current = values
            for part in text.split(separator: ".").dropFirst() {
                guard case .map(let map, _) = current else { return .null }
                current = map[String(part)] ?? .null
            }
            return current
        }
        var value: Value
        let words = first.split(separator: " ")
        if words.count == 1, let start = path(words[0]) {
            value = start
        } else if words.count == 2, let function = functions[String(words[0])], let argument = path(words[1]) {
            value = try function.body([argument], context)
        } else {
            return nil
        }
        for stage in stages.dropFirst() {
            guard let function = functions[stage] else { return nil }
            value = try function.body([value], context)
        }
        guard case .string(let text) = value else { return nil }
        return text + trailer
    }
}

/// A context with no named templates: the corpus pipelines never include or tpl.
final class NoTemplates: FunctionContext {
    struct Unavailable: Error {}
    func executeTemplate(named name: String, data: Value) throws -> String { throw Unavailable() }
    func executeText(_ text: String, data: Value) throws -> String { throw Unavailable() }
}
