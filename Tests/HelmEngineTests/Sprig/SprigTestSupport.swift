import GoTemplate

@testable import HelmEngine

/// Calls a Sprig function directly with already-converted arguments.
func sprig(_ name: String, _ arguments: Value...) throws -> Value {
    guard let function = Sprig.functions[name] else { throw MiniTemplate.Unsupported(reason: "no function \(name)") }
    return try function.body(arguments, NoContext())
}

/// The text a value prints as in a template.
func printed(_ value: Value) -> String {
    if case .null = value { return "" }
    return GoCast.string(value)
}

/// The error message a Sprig call fails with, or nil when it succeeds.
func failureMessage(_ name: String, _ arguments: Value...) -> String? {
    guard let function = Sprig.functions[name] else { return "no function \(name)" }
    do {
        _ = try function.body(arguments, NoContext())
        return nil
    } catch let error as TemplateFunctionError {
        return error.message
    } catch {
        return "\(error)"
    }
}
