/// Checks and normalises paths inside a repository and refs given by users.
enum RepositoryPath {
    /// `path` as git expects it: `/`-separated, no leading `./` or `/`, no empty or `.` components; "" is the root.
    ///
    /// - Throws: ``GitSourceError/Code/invalidArgument`` for `..` components, control characters or a path that
    ///   starts with `-`.
    static func normalise(_ path: String, url: String) throws(GitSourceError) -> String {
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw .invalidArgument("path \"\(path)\" in \(url) contains control characters", url: url, path: path)
        }
        let components = path.split(separator: "/").filter { $0 != "." }
        guard !components.contains("..") else {
            throw .invalidArgument("path \"\(path)\" in \(url) contains \"..\"", url: url, path: path)
        }
        let normalised = components.joined(separator: "/")
        guard !normalised.hasPrefix("-") else {
            throw .invalidArgument("path \"\(path)\" in \(url) starts with \"-\"", url: url, path: path)
        }
        return normalised
    }

    /// Refuses refs that could be taken for options or revision syntax.
    static func checkRef(_ ref: String, url: String) throws(GitSourceError) {
        func invalid(_ why: String) -> GitSourceError {
            .invalidArgument("ref \"\(ref)\" for \(url) \(why)", url: url, ref: ref)
        }
        guard !ref.isEmpty else { throw invalid("is empty") }
        guard !ref.hasPrefix("-") else { throw invalid("starts with \"-\"") }
        let forbidden: Set<Character> = ["~", "^", ":", "?", "*", "[", "\\", " "]
        guard !ref.contains(where: { forbidden.contains($0) || $0.isNewline || $0.asciiValue.map { $0 < 0x20 } == true })
        else { throw invalid("contains a character git does not allow in a ref name (~ ^ : ? * [ \\ or a space)") }
        guard !ref.contains(".."), !ref.contains("@{"), ref != "@", !ref.hasSuffix("/"), !ref.hasSuffix(".lock") else {
            throw invalid("is not a valid ref name")
        }
    }
}
