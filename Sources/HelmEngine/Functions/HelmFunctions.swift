import Foundation
public import GoTemplate

/// Helm's template functions, layered over Sprig's as Helm's engine does (`funcMap` and
/// `initFuncMap` in helm.sh/helm/v4/pkg/engine).
///
/// Helm starts from Sprig's map without `env` and `expandenv`, then adds or replaces `toYaml`,
/// `mustToYaml`, `toYamlPretty`, `fromYaml`, `fromYamlArray`, `toJson`, `mustToJson`,
/// `fromJson`, `fromJsonArray`, `toToml`, `mustToToml`, `include`, `tpl`, `required`, `fail`,
/// `lookup` and `getHostByName` (DNS lookups are off by default, so it returns "").
///
/// ```swift
/// let functions = HelmFunctions.functions(sprig: Sprig.functions, clusterReader: nil)
/// ```
public enum HelmFunctions {
    /// Helm's limit on how deeply one named template may include itself
    /// (`recursionMaxNums`); the next level fails with
    /// `rendering template has a nested reference name: NAME: unable to execute template`.
    public static let includeRecursionLimit = 1000

    /// The function map a Helm render uses.
    /// - Parameters:
    ///   - sprig: Sprig's functions, which Helm's override where names collide.
    ///   - clusterReader: where `lookup` reads objects; `nil` renders offline (`lookup` gives `{}`).
    /// - Returns: every function by name.
    public static func functions(
        sprig: [String: TemplateFunction] = [:], clusterReader: (any ClusterReader)? = nil
    ) -> [String: TemplateFunction] {
        var functions = sprig
        functions["env"] = nil
        functions["expandenv"] = nil
        for (name, function) in encodingFunctions() { functions[name] = function }
        for (name, function) in engineFunctions(clusterReader: clusterReader) { functions[name] = function }
        return functions
    }

    // MARK: include, tpl, required, fail, lookup

    static func engineFunctions(clusterReader: (any ClusterReader)?) -> [String: TemplateFunction] {
        var functions: [String: TemplateFunction] = [:]
        functions["include"] = TemplateFunction([.string, .any]) { arguments, context in
            let name = stringArgument(arguments, 0)
            let data = arguments.count > 1 ? arguments[1] : .null
            return .string(try include(name, data: data, context: context))
        }
        functions["tpl"] = TemplateFunction([.string, .any]) { arguments, context in
            let text = stringArgument(arguments, 0)
            let data = arguments.count > 1 ? arguments[1] : .null
            return .string(try tpl(text, data: data, context: context))
        }
        functions["required"] = TemplateFunction([.string, .any]) { arguments, _ in
            let warning = stringArgument(arguments, 0)
            let value = arguments.count > 1 ? arguments[1] : .null
            switch value {
            case .null, .string(""):
                throw TemplateFunctionError(HelmErrorMarker.wrap(warning))
            default:
                return value
            }
        }
        functions["fail"] = TemplateFunction([.string]) { arguments, _ in
            throw TemplateFunctionError(HelmErrorMarker.wrap(stringArgument(arguments, 0)))
        }
        functions["lookup"] = TemplateFunction([.string, .string, .string, .string]) { arguments, _ in
            guard let clusterReader else { return .map([:], .interface) }
            do {
                return try clusterReader.lookup(
                    apiVersion: stringArgument(arguments, 0), kind: stringArgument(arguments, 1),
                    namespace: stringArgument(arguments, 2), name: stringArgument(arguments, 3))
            } catch let error as TemplateFunctionError {
                throw error
            } catch {
                throw TemplateFunctionError(String(describing: error))
            }
        }
        functions["getHostByName"] = TemplateFunction([.string]) { _, _ in .string("") }
        return functions
    }

    /// Helm's `include`: runs a named template and returns its output, refusing to nest one name more than
    /// ``includeRecursionLimit`` deep in the current execution. (Deep nesting continues on fresh stacks inside
    /// GoTemplate, so this limit is the one that fires, with Helm's message.)
    static func include(_ name: String, data: Value, context: any FunctionContext) throws -> String {
        if context.openExecutions(of: name) > includeRecursionLimit {
            throw TemplateFunctionError(
                "rendering template has a nested reference name: \(name): unable to execute template")
        }
        return try context.executeTemplate(named: name, data: data)
    }

    /// Helm's `tpl`: renders `text` as a template sharing the current set, with `<no value>`
    /// removed from its output, and wraps failures as Helm does.
    static func tpl(_ text: String, data: Value, context: any FunctionContext) throws -> String {
        // An empty template renders nothing; a shortcut (executeText handles it too).
        if text.isEmpty { return "" }
        let output: String
        do {
            output = try context.executeText(text, data: data)
        } catch {
            let detail = String(describing: error)
            // Go's execution errors name the node being executed; parse errors don't.
            if detail.contains(": executing \"") {
                throw TemplateFunctionError(
                    "error during tpl function execution for \(GoQuote.quote(text)): \(detail)")
            }
            throw TemplateFunctionError("cannot parse template \(GoQuote.quote(text)): \(detail)")
        }
        return output.replacingNoValue()
    }

    static func stringArgument(_ arguments: [Value], _ index: Int) -> String {
        guard index < arguments.count, case .string(let string) = arguments[index] else { return "" }
        return string
    }
}

extension String {
    /// Helm strips `<no value>` from rendered text (`getRenderedContent` and `tpl`).
    func replacingNoValue() -> String {
        guard contains("<no value>") else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: "<no value>") {
            result += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
