/// Go's `path` package (`Clean`, `Base`, `Dir`, `Ext`) and `filepath.Match` with `/` as the separator,
/// shared by chart loading, Sprig's path functions and the CLI's `--show-only`.
package enum GoPath {
    /// Go's `path.Clean`: the shortest equivalent path, lexically.
    package static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = out.last, last != ".." {
                    out.removeLast()
                } else if !rooted {
                    out.append(part)
                }
                continue
            }
            out.append(part)
        }
        let joined = out.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Go's `path.Base`: the last element, trailing slashes removed.
    package static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed == "/" { return "/" }
        if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
        return String(trimmed)
    }

    /// Go's `path.Dir`: everything before the last element, cleaned.
    package static func dir(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return clean(String(path[...slash]))
    }

    /// Go's `path.Ext`: the suffix from the final dot of the last element, or "".
    package static func ext(_ path: String) -> String {
        for index in path.indices.reversed() {
            let char = path[index]
            if char == "/" { return "" }
            if char == "." { return String(path[index...]) }
        }
        return ""
    }

    /// The error Go's `filepath.Match` reports for a malformed pattern.
    package struct BadPattern: Error {}

    /// Go's `filepath.Match` on Unix: `*` and `?` never match `/`, `[...]` classes with ranges
    /// and `^` negation, `\` escapes.
    ///
    /// - Throws: ``BadPattern`` when the pattern is malformed (Go's `ErrBadPattern`).
    package static func match(_ pattern: String, _ name: String) throws -> Bool {
        try GlobMatcher(pattern: Array(pattern.unicodeScalars), name: Array(name.unicodeScalars)).run()
    }
}

/// A backtracking matcher with Go's `filepath.Match` semantics.
private struct GlobMatcher {
    let pattern: [Unicode.Scalar]
    let name: [Unicode.Scalar]

    func run() throws -> Bool {
        // Validate the whole pattern first so errors do not depend on the name.
        var index = 0
        while index < pattern.count {
            switch pattern[index] {
            case "\\":
                index += 1
                if index >= pattern.count { throw GoPath.BadPattern() }
                index += 1
            case "[":
                index = try classEnd(from: index)
            default:
                index += 1
            }
        }
        return try matches(0, 0)
    }

    private func matches(_ p: Int, _ n: Int) throws -> Bool {
        var p = p
        var n = n
        while p < pattern.count {
            switch pattern[p] {
            case "*":
                var next = p
                while next < pattern.count, pattern[next] == "*" { next += 1 }
                var candidate = n
                while true {
                    if try matches(next, candidate) { return true }
                    if candidate >= name.count || name[candidate] == "/" { return false }
                    candidate += 1
                }
            case "?":
                guard n < name.count, name[n] != "/" else { return false }
                p += 1
                n += 1
            case "[":
                guard n < name.count, name[n] != "/" else { return false }
                let end = try classEnd(from: p)
                guard try classMatches(pattern[(p + 1)..<(end - 1)], name[n]) else { return false }
                p = end
                n += 1
            case "\\":
                guard n < name.count, name[n] == pattern[p + 1] else { return false }
                p += 2
                n += 1
            default:
                guard n < name.count, name[n] == pattern[p] else { return false }
                p += 1
                n += 1
            }
        }
        return n == name.count
    }

    /// The index just past the `]` closing the class that starts at `start`.
    private func classEnd(from start: Int) throws -> Int {
        var index = start + 1
        if index < pattern.count, pattern[index] == "^" { index += 1 }
        var first = true
        while index < pattern.count {
            let char = pattern[index]
            if char == "]" && !first { return index + 1 }
            first = false
            if char == "\\" { index += 1 }
            if index >= pattern.count { break }
            index += 1
            if index < pattern.count, pattern[index] == "-" {
                index += 1
                guard index < pattern.count, pattern[index] != "]" else { throw GoPath.BadPattern() }
                if pattern[index] == "\\" { index += 1 }
                index += 1
            }
        }
        throw GoPath.BadPattern()
    }

    private func classMatches(_ body: ArraySlice<Unicode.Scalar>, _ char: Unicode.Scalar) throws -> Bool {
        var items = Array(body)
        var negated = false
        if items.first == "^" {
            negated = true
            items.removeFirst()
        }
        var matched = false
        var index = 0
        while index < items.count {
            var low = items[index]
            if low == "\\" {
                index += 1
                low = items[index]
            }
            index += 1
            var high = low
            if index + 1 < items.count, items[index] == "-" {
                index += 1
                high = items[index]
                if high == "\\" {
                    index += 1
                    high = items[index]
                }
                index += 1
            }
            if low.value <= char.value && char.value <= high.value { matched = true }
        }
        return matched != negated
    }
}
