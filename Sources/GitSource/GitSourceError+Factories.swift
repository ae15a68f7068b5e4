// Every GitSourceError is built here, so messages share one shape.
extension GitSourceError {
    static func invalidArgument(_ message: String, url: String? = nil, ref: String? = nil, path: String? = nil)
        -> GitSourceError
    {
        GitSourceError(code: .invalidArgument, message: message, url: url, ref: ref, path: path)
    }

    static func credentials(_ message: String, path: String) -> GitSourceError {
        GitSourceError(code: .credentials, message: message, path: path)
    }

    static func refNotFound(_ ref: String, url: String) -> GitSourceError {
        GitSourceError(
            code: .refNotFound,
            message: "ref \"\(ref)\" not found in \(url) (no such branch, tag or commit; was it pushed?)",
            url: url, ref: ref)
    }

    static func pathNotFound(_ path: String, commit: String, url: String, what: String = "") -> GitSourceError {
        GitSourceError(
            code: .pathNotFound,
            message: "path \"\(path)\" \(what.isEmpty ? "does not exist" : what) at commit \(commit) of \(url)",
            url: url, ref: commit, path: path)
    }

    static func tooLarge(_ message: String, url: String? = nil, ref: String? = nil, path: String? = nil)
        -> GitSourceError
    {
        GitSourceError(code: .tooLarge, message: message, url: url, ref: ref, path: path)
    }

    static func io(_ message: String, path: String, cause: (any Error)? = nil) -> GitSourceError {
        GitSourceError(code: .io, message: message, path: path, cause: cause)
    }

    static func timeout(_ what: String, after timeout: Duration, url: String?) -> GitSourceError {
        GitSourceError(
            code: .timeout, message: "\(what) did not finish within \(timeout) and was killed", url: url)
    }

    static func cancelled(_ what: String, url: String?) -> GitSourceError {
        GitSourceError(code: .cancelled, message: "\(what) was cancelled", url: url)
    }

    static func gitNotFound(_ executable: String) -> GitSourceError {
        GitSourceError(
            code: .gitNotFound, message: "the git executable \"\(executable)\" was not found; install git")
    }

    /// A failed `git` call, with the code its standard error points to (see ``GitFailure``).
    static func failed(
        _ what: String, code: Code, url: String?, ref: String? = nil, path: String? = nil, stderr: String,
        hint: String? = nil
    ) -> GitSourceError {
        let lastLine = stderr.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
        var message = "\(what) failed"
        if let lastLine { message += ": \(lastLine)" }
        if let hint { message += " (\(hint))" }
        return GitSourceError(code: code, message: message, url: url, ref: ref, path: path, stderr: stderr)
    }
}
