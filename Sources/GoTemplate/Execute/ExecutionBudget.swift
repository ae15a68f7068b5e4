/// Counters shared by one execution and every nested `include`/`tpl` execution it starts.
final class ExecutionBudget {
    let maxSteps: Int
    let maxOutputBytes: Int
    var steps = 0
    /// Bytes written so far by the executions enclosing the running one (a nested `include` counts
    /// against what its callers already wrote).
    var enclosingOutput = 0

    init(_ options: ExecuteOptions) {
        maxSteps = options.maxSteps
        maxOutputBytes = options.maxOutputBytes
    }
}
