import Foundation
import GoTemplate

/// Minimal stand-ins for a few Sprig and Helm functions, with the Go signatures Helm registers.
///
/// They let the conformance runner check how the executor converts arguments, counts them and wraps
/// errors, and how `include`/`tpl` reach the set through ``FunctionContext``. Their bodies are trivial;
/// the real implementations live in the Sprig and HelmEngine modules.
enum StandInFunctions {
    static let all: [String: TemplateFunction] = [
        // sprig: func(string) string
        "upper": TemplateFunction([.string]) { args, _ in
            guard case .string(let s) = args[0] else { return .null }
            return .string(s.uppercased())
        },
        // sprig: func(count int, str string) string
        "repeat": TemplateFunction([.int, .string]) { args, _ in
            guard case .int(let n, _) = args[0], case .string(let s) = args[1] else { return .null }
            return .string(String(repeating: s, count: max(n, 0)))
        },
        // sprig: func(vt, vf interface{}, v bool) interface{}
        "ternary": TemplateFunction([.any, .any, .bool]) { args, _ in
            guard case .bool(let b) = args[2] else { return .null }
            return b ? args[0] : args[1]
        },
        // helm: func(name string, data interface{}) (string, error)
        "include": TemplateFunction([.string, .any]) { args, context in
            guard case .string(let name) = args[0] else { return .null }
            return .string(try context.executeTemplate(named: name, data: args[1]))
        },
        // helm: func(tpl string, vals interface{}) (string, error)
        "tpl": TemplateFunction([.string, .any]) { args, context in
            guard case .string(let text) = args[0] else { return .null }
            let quoted =
                "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
            do {
                let out = try context.executeText(text, data: args[1])
                return .string(out.replacingOccurrences(of: "<no value>", with: ""))
            } catch let error as TemplateError where error.code == .parse {
                throw TemplateFunctionError("cannot parse template \(quoted): \(error.message)")
            } catch let error as TemplateError {
                throw TemplateFunctionError("error during tpl function execution for \(quoted): \(error.message)")
            }
        },
        // helm: func(msg string) (string, error)
        "fail": TemplateFunction([.string]) { args, _ in
            guard case .string(let message) = args[0] else { return .null }
            throw TemplateFunctionError(message)
        },
        // helm: func(warn string, val interface{}) (interface{}, error)
        "required": TemplateFunction([.string, .any]) { args, _ in
            guard case .string(let warning) = args[0] else { return .null }
            switch args[1] {
            case .null: throw TemplateFunctionError(warning)
            case .string(let s) where s.isEmpty: throw TemplateFunctionError(warning)
            default: return args[1]
            }
        },
    ]
}
