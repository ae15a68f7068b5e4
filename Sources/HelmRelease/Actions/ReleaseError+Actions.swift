// Errors of the release actions; their messages follow Helm's wording where Helm has one.
extension ReleaseError {
    static func kubernetes(_ what: String, cause: (any Error & Sendable)? = nil) -> ReleaseError {
        ReleaseError(code: .kubernetes, message: what + (cause.map { ": \($0)" } ?? ""), cause: cause)
    }

    static func invalidOperation(_ what: String, release: String? = nil) -> ReleaseError {
        ReleaseError(code: .invalidOperation, message: what, location: release)
    }

    static func renderFailed(release: String, chart: String, cause: any Error & Sendable) -> ReleaseError {
        ReleaseError(
            code: .renderFailed,
            message: "cannot render chart \(chart) for release \(release): \(Self.text(of: cause))",
            location: release, cause: cause)
    }

    static func hookFailed(_ what: String, release: String, cause: (any Error & Sendable)?) -> ReleaseError {
        ReleaseError(code: .hookFailed, message: what, location: release, cause: cause)
    }

    /// A failed operation: keeps the code of an underlying ``ReleaseError`` (so `.timeout` stays `.timeout`),
    /// with Helm's wrapping text.
    static func operationFailed(_ message: String, release: String, cause: any Error & Sendable) -> ReleaseError {
        let code = (cause as? ReleaseError)?.code ?? .operationFailed
        return ReleaseError(code: code, message: message, location: release, cause: cause)
    }

    /// The text of an error without its code prefix, for wrapping in Helm's messages.
    static func text(of error: any Error) -> String {
        if let release = error as? ReleaseError { return release.message }
        return String(describing: error)
    }
}
