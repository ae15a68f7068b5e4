import Foundation
import GoTemplate

@testable import HelmEngine

/// Calls a Sprig function directly with already-converted arguments.
func sprig(_ name: String, _ arguments: Value...) throws -> Value {
    guard let function = Sprig.functions[name] else { throw TemplateFunctionError("no function \(name)") }
    return try function.body(arguments, NoContext())
}

/// The text a value prints as in a template.
func printed(_ value: Value) -> String {
    if case .null = value { return "" }
    return GoCast.string(value)
}

/// A function context for calls that need no templates.
final class NoContext: FunctionContext {
    func executeTemplate(named name: String, data: Value) throws -> String { "" }
    func executeText(_ text: String, data: Value) throws -> String { "" }
}

/// Renders a corpus template as the oracle does: Helm's file name, `missingkey=zero`, the plain-map
/// parts of Helm's top-level data, and `<no value>` removed from the output.
func renderSprigCase(_ text: String, values: Value = .map([:], .named("common.Values"))) throws -> String {
    var set = TemplateSet(functions: Sprig.functions, name: "gotpl")
    try set.parse(name: "conformance/templates/case.yaml", text: text)
    let data = Value.map(
        [
            "Values": values,
            "Release": .map([
                "Name": .string("rel"), "Namespace": .string("ns"), "IsInstall": .bool(true),
                "IsUpgrade": .bool(false), "Revision": .int(1), "Service": .string("Helm"),
            ]),
            "Template": .map([
                "Name": .string("conformance/templates/case.yaml"), "BasePath": .string("conformance/templates"),
            ]),
        ], .named("common.Values"))
    let out = try set.execute(
        name: "conformance/templates/case.yaml", data: data, options: ExecuteOptions(missingKey: .zero))
    return out.replacingOccurrences(of: "<no value>", with: "")
}

/// Whether our error reads as Helm's text for it: the one-line form, or Helm's three-line
/// reformatting (`LOCATION` / `executing "NAME" at <NODE>:` / `DETAIL`), or `fail`'s
/// `execution error at (LOCATION): MESSAGE`.
func errorMatchesHelm(_ error: TemplateError, _ expected: String) -> Bool {
    let expected = expected.trimmingCharacters(in: .whitespacesAndNewlines)
    if expected == error.message || expected.hasSuffix(error.message) { return true }
    let lines = expected.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
    }
    if lines.count >= 3, let location = error.location, let context = error.context, let executing = error.executing {
        return lines[0] == location && lines[1] == "executing \"\(executing)\" at <\(context)>:"
            && lines[2...].joined(separator: "\n") == error.detail
    }
    if expected.hasPrefix("execution error at ("), let location = error.location {
        return expected.hasPrefix("execution error at (\(location)): ")
            && error.detail.hasSuffix(expected.dropFirst("execution error at (\(location)): ".count))
    }
    return false
}
