import Foundation
import HelmEngine

/// `helm template --show-only`: keeps the documents whose `# Source:` path, without the chart name, matches one of
/// the patterns (Go's `filepath.Match`), in pattern order.
enum TemplateOutputFilter {
    static func showOnly(_ patterns: [String], in output: String) throws -> String {
        let documents = ManifestSorter.splitDocuments(output)
        var selected: [String] = []
        for pattern in patterns {
            var found = false
            for document in documents {
                guard let path = sourcePath(of: document), GlobMatch.matches(pattern: pattern, path: path) else {
                    continue
                }
                selected.append(document)
                found = true
            }
            if !found { throw CLIError("could not find template \(pattern) in chart") }
        }
        return selected.map { "---\n\($0)\n" }.joined()
    }

    /// The path after `# Source: CHART/`, as Helm's `# Source: [^/]+/(.+)` reads it.
    private static func sourcePath(of document: String) -> String? {
        guard let range = document.range(of: "# Source: ") else { return nil }
        let line = document[range.upperBound...].prefix { $0 != "\n" }
        guard let slash = line.firstIndex(of: "/"), slash > line.startIndex else { return nil }
        let rest = line[line.index(after: slash)...]
        return rest.isEmpty ? nil : String(rest)
    }
}

/// Go's `filepath.Match` on `/`-separated paths: `*` and `?` never cross `/`, `[...]` classes, `\` escapes.
enum GlobMatch {
    static func matches(pattern: String, path: String) -> Bool {
        match(Array(pattern.unicodeScalars), 0, Array(path.unicodeScalars), 0)
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ s: [Unicode.Scalar], _ si: Int) -> Bool {
        var pi = pi
        var si = si
        while pi < p.count {
            switch p[pi] {
            case "*":
                // A star matches any run of non-separator characters, including none.
                var next = si
                while true {
                    if match(p, pi + 1, s, next) { return true }
                    if next >= s.count || s[next] == "/" { return false }
                    next += 1
                }
            case "?":
                guard si < s.count, s[si] != "/" else { return false }
                pi += 1
                si += 1
            case "[":
                guard si < s.count, s[si] != "/", let (matched, end) = matchClass(p, pi, s[si]), matched else {
                    return false
                }
                pi = end
                si += 1
            case "\\" where pi + 1 < p.count:
                guard si < s.count, s[si] == p[pi + 1] else { return false }
                pi += 2
                si += 1
            default:
                guard si < s.count, s[si] == p[pi] else { return false }
                pi += 1
                si += 1
            }
        }
        return si == s.count
    }

    /// Matches `c` against the class starting at `p[start] == "["`; returns whether it matched and the index after `]`.
    private static func matchClass(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < p.count, p[i] == "^" {
            negated = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.count, p[i] != "]" || first {
            first = false
            var low = p[i]
            if low == "\\", i + 1 < p.count {
                i += 1
                low = p[i]
            }
            var high = low
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                high = p[i + 2] == "\\" && i + 3 < p.count ? p[i + 3] : p[i + 2]
                i += p[i + 2] == "\\" ? 4 : 3
            } else {
                i += 1
            }
            if low.value <= c.value && c.value <= high.value { matched = true }
        }
        guard i < p.count else { return nil }
        return (matched != negated, i + 1)
    }
}
