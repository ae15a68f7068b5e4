/// The rules of a `.helmignore` file, with the semantics of Helm's `ignore` package.
///
/// Each non-empty, non-comment line is a Go `filepath.Match` glob. A pattern without `/` is
/// matched against the base name, one with `/` against the whole chart-relative path, one
/// starting with `/` against the path from the chart root; a trailing `/` matches directories
/// only. `**` is an error. A leading `!` negates, with Helm's quirk: a path that does *not*
/// match a negated pattern is ignored. Helm always adds `templates/.?*` (hidden files under
/// `templates/`).
public struct HelmIgnore: Sendable {
    private struct Rule: Sendable {
        var pattern: String
        var negate: Bool
        var directoryOnly: Bool
        var matchesBaseName: Bool
    }

    private var rules: [Rule] = []

    /// Rules with nothing ignored (not even Helm's default).
    public init() {}

    /// Parses `.helmignore` text.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file's path, for messages.
    /// - Throws: ``ChartError`` with code `invalidIgnoreRules` for `**` or a malformed glob.
    public init(parsing text: String, file: String = ".helmignore") throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        for (number, line) in lines.enumerated() {
            do {
                try add(String(line))
            } catch let error as ChartError {
                throw ChartError(
                    code: error.code, message: "\(file):\(number + 1): \(error.message)", path: file)
            }
        }
    }

    /// Adds Helm's default rule, `templates/.?*`.
    public mutating func addDefaults() {
        try? add("templates/.?*")
    }

    /// Adds one rule line.
    ///
    /// - Throws: ``ChartError`` with code `invalidIgnoreRules` for `**` or a malformed glob.
    public mutating func add(_ line: String) throws {
        var rule = line.trimmingGoSpace()
        if rule.isEmpty || rule.hasPrefix("#") { return }
        if rule.contains("**") {
            throw ChartError(code: .invalidIgnoreRules, message: "double-star (**) syntax is not supported")
        }
        if (try? GoPath.match(rule, "abc")) == nil {
            throw ChartError(code: .invalidIgnoreRules, message: "syntax error in pattern \"\(rule)\"")
        }
        var negate = false
        if rule.hasPrefix("!") {
            negate = true
            rule.removeFirst()
        }
        var directoryOnly = false
        if rule.hasSuffix("/") {
            directoryOnly = true
            rule.removeLast()
        }
        var baseName = false
        if rule.hasPrefix("/") {
            rule.removeFirst()
        } else if !rule.contains("/") {
            baseName = true
        }
        rules.append(Rule(pattern: rule, negate: negate, directoryOnly: directoryOnly, matchesBaseName: baseName))
    }

    /// Whether the chart-relative `path` is ignored.
    ///
    /// - Parameters:
    ///   - path: the path relative to the chart root, with `/`.
    ///   - isDirectory: whether the path is a directory.
    public func ignores(_ path: String, isDirectory: Bool) -> Bool {
        if path.isEmpty || path == "." || path == "./" { return false }
        for rule in rules {
            let subject = rule.matchesBaseName ? GoPath.base(path) : path
            let matched = (try? GoPath.match(rule.pattern, subject)) ?? false
            if rule.negate {
                if rule.directoryOnly && !isDirectory { return true }
                if !matched { return true }
                continue
            }
            if rule.directoryOnly && !isDirectory { continue }
            if matched { return true }
        }
        return false
    }
}

extension String {
    /// The string without leading and trailing Unicode white space (Go's `strings.TrimSpace`).
    func trimmingGoSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
        return String(scalars[first...last])
    }
}
