/// Counters shared by one execution and every nested `include`/`tpl` execution it starts.
final class ExecutionBudget {
    let maxSteps: Int
    let maxOutputBytes: Int
    var steps = 0
    /// Bytes written so far by the executions enclosing the running one (a nested `include` counts
    /// against what its callers already wrote).
    var enclosingOutput = 0
    /// Running `executeTemplate` executions by template name (``FunctionContext/openExecutions(of:)``).
    var openExecutions: [String: Int] = [:]
    let options: ExecuteOptions
    /// Bytes of nested error messages wrapped so far (``ExecuteOptions/maxErrorBytes``).
    var errorBytes = 0
    /// Fresh stacks (``FreshStack``) started by this execution and still running.
    var freshStacks = 0

    /// How many fresh stacks may be running at once (``ExecuteOptions/maxStackBytes``).
    let maxFreshStacks: Int

    init(_ options: ExecuteOptions) {
        self.options = options
        maxFreshStacks = max(0, options.maxStackBytes / FreshStack.stackSize)
        maxSteps = options.maxSteps
        maxOutputBytes = options.maxOutputBytes
    }
}
