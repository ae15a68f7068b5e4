import GoTemplate
import Foundation

// Every RepoError message is built here, so wording stays consistent (and Helm's where Helm has one).

extension RepoError {
    static func invalidURL(_ url: String, _ why: String) -> RepoError {
        RepoError(code: .invalidURL, message: "invalid repository URL \"\(url)\": \(why)", location: url)
    }

    /// Helm's getter message `failed to fetch URL : 404 Not Found` (Go's `resp.Status`).
    static func http(status: Int, reason: String, url: String) -> RepoError {
        switch status {
        case 401:
            RepoError(
                code: .unauthorized,
                message: "failed to fetch \(url) : 401 Unauthorized (check the repository username and password)",
                location: url
            )
        case 403: RepoError(code: .forbidden, message: "failed to fetch \(url) : 403 Forbidden", location: url)
        case 404: RepoError(code: .notFound, message: "failed to fetch \(url) : 404 Not Found", location: url)
        default: RepoError(code: .httpStatus, message: "failed to fetch \(url) : \(status) \(reason)", location: url)
        }
    }

    static func unreachable(_ url: String, _ cause: any Error & Sendable) -> RepoError {
        RepoError(
            code: .unreachable,
            message: "cannot reach \(url): \(cause)",
            location: url,
            cause: cause
        )
    }

    static func timeout(_ url: String, _ cause: any Error & Sendable) -> RepoError {
        RepoError(code: .timeout, message: "timed out fetching \(url)", location: url, cause: cause)
    }

    static func tooLarge(_ url: String, limit: Int) -> RepoError {
        RepoError(
            code: .tooLarge,
            message: "response from \(url) is larger than the \(limit)-byte limit",
            location: url
        )
    }

    /// Helm's `FindChartInRepoURL` wrapper for an index that cannot be fetched.
    static func notARepository(_ repositoryURL: String, _ inner: RepoError) -> RepoError {
        RepoError(
            code: inner.code,
            message: "looks like \"\(repositoryURL)\" is not a valid chart repository or cannot be reached: "
                + inner.message,
            location: inner.location ?? repositoryURL,
            cause: inner
        )
    }

    static func badIndex(_ source: String, _ why: String, cause: (any Error & Sendable)? = nil) -> RepoError {
        RepoError(code: .badIndex, message: "error loading \(source): \(why)", location: source, cause: cause)
    }

    /// Helm's `ChartNotFoundError`: `chart "x" [version "c"] not found in URL repository`.
    static func chartNotFound(
        _ name: String,
        version: String,
        repository: String,
        hasChart: Bool,
        cause: (any Error & Sendable)? = nil
    ) -> RepoError {
        var subject = "chart \(goQuoted(name))"
        if !version.isEmpty { subject += " version \(goQuoted(version))" }
        return RepoError(
            code: hasChart ? .versionNotFound : .chartNotFound,
            message: "\(subject) not found in \(repository) repository",
            location: repository,
            cause: cause
        )
    }

    static func digestMismatch(_ url: String, expected: String, actual: String) -> RepoError {
        RepoError(
            code: .digestMismatch,
            message: "digest mismatch for \(url): index.yaml says sha256:\(expected), downloaded archive is "
                + "sha256:\(actual)",
            location: url
        )
    }

    static func cache(_ path: String, _ what: String, cause: (any Error & Sendable)? = nil) -> RepoError {
        RepoError(code: .cache, message: "chart cache: \(what) \(path)", location: path, cause: cause)
    }

    static func tls(_ what: String, cause: (any Error & Sendable)? = nil) -> RepoError {
        RepoError(code: .tls, message: "TLS configuration: \(what)", cause: cause)
    }
}

/// Go's `%q` (`strconv.Quote`) for the names and versions used in messages, as Helm's `%q` prints them;
/// GoTemplate's ``GoTemplate/GoQuote`` is the one implementation.
func goQuoted(_ text: String) -> String {
    GoQuote.quote(text)
}
