/// How ``TemplateSet/parse(name:text:)`` reads template text.
public struct ParseOptions: Sendable {
    /// The left action delimiter. Default `{{` (an empty string also means `{{`, as in Go's `Delims`).
    public var leftDelimiter: String
    /// The right action delimiter. Default `}}`.
    public var rightDelimiter: String
    /// Accept calls to functions the set does not know (Go's `parse.SkipFuncCheck`). Default `false`:
    /// an unknown function is the parse error `function "NAME" not defined`, as in Go.
    public var skipFunctionCheck: Bool
    /// How deeply control structures and parenthesised pipelines may nest before parsing fails with
    /// `max expression depth exceeded`. Default 1000; it keeps hostile input from exhausting the stack.
    public var maxNestingDepth: Int
    /// The largest template text accepted, in bytes. Default 16 MiB.
    public var maxTextBytes: Int

    /// Creates parse options; every parameter has the default documented on its property.
    public init(
        leftDelimiter: String = "{{", rightDelimiter: String = "}}", skipFunctionCheck: Bool = false,
        maxNestingDepth: Int = 1000, maxTextBytes: Int = 16 << 20
    ) {
        self.leftDelimiter = leftDelimiter
        self.rightDelimiter = rightDelimiter
        self.skipFunctionCheck = skipFunctionCheck
        self.maxNestingDepth = maxNestingDepth
        self.maxTextBytes = maxTextBytes
    }
}
