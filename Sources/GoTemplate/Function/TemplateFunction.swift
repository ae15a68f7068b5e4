/// A function that templates call by name, like a Go function in a `template.FuncMap`.
///
/// Go's `text/template` checks and converts arguments against the function's parameter types
/// before the call, and reports a mismatch as `wrong type for value; expected string; got int`
/// without the `error calling NAME:` prefix. To reproduce that, each function declares its Go
/// parameter types; the executor converts the arguments and only then runs `body`, which
/// therefore sees arguments already of the declared kinds.
public struct TemplateFunction: Sendable {
    /// The Go types of the fixed parameters.
    public var parameters: [GoParameter]
    /// The Go type of the variadic tail (`...interface{}`), or `nil` when not variadic.
    public var variadic: GoParameter?
    /// The implementation. It receives the converted arguments and the calling context, and
    /// throws ``TemplateFunctionError`` for failures that Go reports as `error calling NAME: ...`.
    public var body: @Sendable (_ arguments: [Value], _ context: any FunctionContext) throws -> Value

    /// Creates a function with the given Go signature.
    public init(
        _ parameters: [GoParameter],
        variadic: GoParameter? = nil,
        body: @escaping @Sendable (_ arguments: [Value], _ context: any FunctionContext) throws -> Value
    ) {
        self.parameters = parameters
        self.variadic = variadic
        self.body = body
    }
}

/// The Go type of a function parameter, which decides how the executor converts an argument.
public enum GoParameter: Sendable, Hashable {
    /// `interface{}`: any value, passed unchanged (`nil` allowed).
    case any
    /// `string`; a non-string is `wrong type for value; expected string; got T`.
    case string
    /// `int`; untyped integer constants convert, other types are errors.
    case int
    /// `int64`.
    case int64
    /// `float64`; untyped numeric constants convert.
    case float64
    /// `bool`.
    case bool
    /// `[]interface{}`.
    case list
    /// `[]string`.
    case stringList
    /// `map[string]interface{}`.
    case map
}

/// What a function may reach of the running template: named templates (for Helm's `include`
/// and `tpl`) and the execution limits.
///
/// The executor provides it; functions that need nothing ignore it.
public protocol FunctionContext: AnyObject {
    /// Executes the named template with `data` and returns its output
    /// (Helm's `include`; Go's `template` action does the same but writes in place).
    func executeTemplate(named name: String, data: Value) throws -> String
    /// Parses `text` as a new template that shares the current template set, executes it with
    /// `data` and returns its output (Helm's `tpl`).
    func executeText(_ text: String, data: Value) throws -> String
    /// How many ``executeTemplate(named:data:)`` executions of `name` are running in this execution, the
    /// caller's included (Helm's `include` refuses to nest one name more than 1,000 deep). Counted by the
    /// execution rather than the calling thread, since deep nesting continues on fresh threads.
    func openExecutions(of name: String) -> Int
}

extension FunctionContext {
    /// No count: a context that runs no templates.
    public func openExecutions(of name: String) -> Int { 0 }
}

/// A failure inside a template function, reported by the executor as
/// `error calling NAME: MESSAGE` at the call's position.
public struct TemplateFunctionError: Error, Sendable, Equatable {
    /// The text after `error calling NAME: `, exactly as Go would print it.
    public var message: String

    /// Creates an error with Go's message text.
    public init(_ message: String) { self.message = message }
}
