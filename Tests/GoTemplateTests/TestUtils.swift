import Foundation
import GoTemplate
import Yams

// Shared helpers for GoTemplateTests.

/// Where the template conformance corpus lives (shared with HelmEngineTests).
let conformanceRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("HelmEngineTests/Conformance")

/// Converts parsed YAML the way Helm sees values: through JSON, so every number is a float64.
func helmValue(fromYAML any: Any?) -> Value {
    switch any {
    case nil: return .null
    case is NSNull: return .null
    case let b as Bool: return .bool(b)
    case let i as Int: return .float(Double(i))
    case let d as Double: return .float(d)
    case let s as String: return .string(s)
    case let list as [Any]: return .list(list.map { helmValue(fromYAML: $0) })
    case let map as [String: Any]: return .map(map.mapValues { helmValue(fromYAML: $0) })
    case let map as [AnyHashable: Any]:
        var out: [String: Value] = [:]
        for (k, v) in map { out["\(k.base)"] = helmValue(fromYAML: v) }
        return .map(out)
    default: return .string("\(any!)")
    }
}

/// Parses a values file as Helm does (YAML 1.1 scalars, numbers as float64); `{}` for empty text.
func helmValues(yaml: String) throws -> Value {
    guard let node = try Yams.compose(yaml: yaml) else { return .map([:], .named("common.Values")) }
    guard case .map(let map, _) = helmValue(node: node) else { return .map([:], .named("common.Values")) }
    return .map(map, .named("common.Values"))
}

private let yaml11True: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
private let yaml11False: Set<String> = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]
private let yamlNull: Set<String> = ["", "~", "null", "Null", "NULL"]

/// Resolves a YAML node as go-yaml (YAML 1.1) and then JSON do for Helm values.
func helmValue(node: Node) -> Value {
    switch node {
    case .scalar(let scalar):
        let s = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return .string(s) }
        if yaml11True.contains(s) { return .bool(true) }
        if yaml11False.contains(s) { return .bool(false) }
        if yamlNull.contains(s) { return .null }
        if s.range(of: #"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
            let d = Double(s.replacingOccurrences(of: "_", with: ""))
        {
            return .float(d)
        }
        if s.hasPrefix("0x"), let i = Int(s.dropFirst(2), radix: 16) { return .float(Double(i)) }
        return .string(s)
    case .mapping(let mapping):
        var out: [String: Value] = [:]
        for (key, value) in mapping {
            let keyValue = helmValue(node: key)
            let name: String =
                switch keyValue {
                case .string(let k): k
                case .bool(let b): b ? "true" : "false"
                case .null: "null"
                default: key.scalar?.string ?? ""
                }
            out[name] = helmValue(node: value)
        }
        return .map(out)
    case .sequence(let sequence):
        return .list(sequence.map { helmValue(node: $0) })
    case .alias:
        return .null
    }
}

/// The top-level data Helm gives `templates/case.yaml` of the oracle's `conformance` chart, as far as
/// it is made of plain maps (`.Values`, `.Release`, `.Template`); `.Chart`, `.Capabilities` and `.Files`
/// are Go structs that the HelmEngine provides.
func helmTopData(values: Value) -> Value {
    .map(
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
}

/// Renders a template the way the oracle does (Helm's file names, `missingkey=zero`, `<no value>` removed).
func renderLikeHelm(_ text: String, helpers: String? = nil, values: Value = .map([:]), functions: [String: TemplateFunction] = [:])
    throws -> String
{
    var set = TemplateSet(functions: functions, name: "gotpl")
    // Helm parses templates in reverse name order within a directory, so case.yaml comes before
    // _helpers.tpl and a define in the helpers wins.
    try set.parse(name: "conformance/templates/case.yaml", text: text)
    if let helpers { try set.parse(name: "conformance/templates/_helpers.tpl", text: helpers) }
    let out = try set.execute(
        name: "conformance/templates/case.yaml", data: helmTopData(values: values),
        options: ExecuteOptions(missingKey: .zero))
    return out.replacingOccurrences(of: "<no value>", with: "")
}

/// Executes `text` with `data` under Go's default options (no Helm post-processing).
func run(_ text: String, _ data: Value = .null, options: ExecuteOptions = .init(), functions: [String: TemplateFunction] = [:])
    throws -> String
{
    var set = TemplateSet(functions: functions)
    try set.parse(name: "t", text: text)
    return try set.execute(name: "t", data: data, options: options)
}

/// The error `body` throws as a TemplateError, or nil.
func templateError(_ body: () throws -> Void) -> TemplateError? {
    do {
        try body()
        return nil
    } catch let error as TemplateError {
        return error
    } catch {
        return nil
    }
}
