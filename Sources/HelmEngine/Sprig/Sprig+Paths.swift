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

/// Go's `path` package.
enum GoPath {
    /// Go's `path.Clean`: the shortest equivalent path by purely lexical processing.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for element in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch element {
            case ".":
                continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(element)
                }
            default:
                parts.append(element)
            }
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Go's `path.Base`: the last element, without trailing slashes.
    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed.isEmpty { return "/" }
        if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
        return String(trimmed)
    }

    /// Go's `path.Dir`: everything before the last element, cleaned.
    static func dir(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return clean("") }
        return clean(String(path[...slash]))
    }

    /// Go's `path.Ext`: the suffix from the last dot of the last element.
    static func ext(_ path: String) -> String {
        for index in path.indices.reversed() {
            let ch = path[index]
            if ch == "/" { break }
            if ch == "." { return String(path[index...]) }
        }
        return ""
    }
}
