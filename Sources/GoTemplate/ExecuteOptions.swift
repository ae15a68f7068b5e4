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
    /// Default 1000. (Go allows 100000 because goroutine stacks grow; a fixed thread stack does not.)
    public var maxDepth: Int
    /// The most execution steps (an item of a list walked, or one loop iteration) one execution may take,
    /// nested calls included. Default 100 million, far beyond any real chart, reached in seconds.
    public var maxSteps: Int

    /// Creates execute options; every parameter has the default documented on its property.
    public init(
        missingKey: MissingKey = .default, maxOutputBytes: Int = 64 << 20, maxDepth: Int = 1000,
        maxSteps: Int = 100_000_000
    ) {
        self.missingKey = missingKey
        self.maxOutputBytes = maxOutputBytes
        self.maxDepth = maxDepth
        self.maxSteps = maxSteps
    }
}
