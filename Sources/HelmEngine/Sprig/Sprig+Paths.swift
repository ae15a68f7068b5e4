import GoTemplate

// Sprig's path functions: Go's `path` package, and `path/filepath` (`os*`), which on Linux
// follows the same slash-separated rules.
extension Sprig {
    static let pathFunctions: [String: TemplateFunction] = {
        var f: [String: TemplateFunction] = [:]
        let operations: [(String, @Sendable (String) -> Value)] = [
            ("base", { .string(GoPath.base($0)) }),
            ("dir", { .string(GoPath.dir($0)) }),
            ("clean", { .string(GoPath.clean($0)) }),
            ("ext", { .string(GoPath.ext($0)) }),
            ("isAbs", { .bool($0.hasPrefix("/")) }),
        ]
        for (name, operation) in operations {
            let fn = function([.string]) { operation($0[0].stringArgument) }
            f[name] = fn
            f["os" + name.prefix(1).uppercased() + name.dropFirst()] = fn
        }
        return f
    }()
}
