/// How ``TemplateSet/execute(name:data:options:)`` runs a template, and the limits that keep a
/// hostile template from hanging or exhausting the process.
public struct ExecuteOptions: Sendable {
    /// What a missing map key yields (Go's `missingkey` option).
    public enum MissingKey: Sendable, Hashable {
        /// Go's default (`missingkey=default`/`invalid`): the invalid value, printed `<no value>`;
        /// a field of it is again the invalid value.
        case `default`
        /// `missingkey=zero`, which Helm uses: the zero value of the map's element type. For
        /// `map[string]interface{}` that is the nil interface, also printed `<no value>`, but a field of
        /// it fails with `nil pointer evaluating interface {}.NAME`.
        case zero
        /// `missingkey=error`: execution fails with `map has no entry for key "NAME"`.
        case error
    }

    /// What a missing map key yields. Default ``MissingKey/default``; Helm uses ``MissingKey/zero``.
    public var missingKey: MissingKey
    /// The most bytes one execution may write, nested `include`/`tpl` output included.
    /// Default 64 MiB.
    public var maxOutputBytes: Int
    /// The deepest nesting of `{{template}}` calls and `executeTemplate`/`executeText` calls.
    /// Default 100000, Go's limit. Deep recursion continues on fresh threads with large stacks, so the limit
    /// that fires is this one (or Helm's own `include` limit), not the thread's stack.
    public var maxDepth: Int
    /// The most execution steps one execution may take, nested calls included: a step is an item of a
    /// list walked, one loop iteration, or 64 bytes of a string a function returned. Default 10 million,
    /// about ten times what the largest real charts take, reached in about a second.
    public var maxSteps: Int
    /// The most stack deep recursion may take on fresh threads beyond the calling thread's own stack, in bytes.
    /// Default 1 GiB, Go's own limit on a goroutine's stack; past it execution stops with a
    /// ``TemplateError/Code/limitExceeded`` error when the stack runs low.
    public var maxStackBytes: Int
    /// The most bytes of error messages that failing nested calls may build while unwinding (each level repeats
    /// the message below it, as Go's do). Default 512 MiB, well above the 230 MB that Helm's deepest legal
    /// failure (two templates including each other 1,000 times each) builds.
    public var maxErrorBytes: Int

    /// Creates execute options; every parameter has the default documented on its property.
    public init(
        missingKey: MissingKey = .default, maxOutputBytes: Int = 64 << 20, maxDepth: Int = 100_000,
        maxSteps: Int = 10_000_000, maxStackBytes: Int = 1 << 30, maxErrorBytes: Int = 512 << 20
    ) {
        self.maxErrorBytes = maxErrorBytes
        self.maxStackBytes = maxStackBytes
        self.missingKey = missingKey
        self.maxOutputBytes = maxOutputBytes
        self.maxDepth = maxDepth
        self.maxSteps = maxSteps
    }
}
