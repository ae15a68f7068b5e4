import Foundation

/// The markers Helm wraps around `required` and `fail` messages (`warnWrap`), so the engine can
/// report `execution error at (FILE:LINE:COL): MESSAGE` instead of Go's whole error chain.
public enum HelmErrorMarker {
    /// Helm's `warnStartDelim`.
    public static let start = "HELM_ERR_START"
    /// Helm's `warnEndDelim`.
    public static let end = "HELM_ERR_END"

    /// Wraps a message as Helm's `warnWrap` does.
    public static func wrap(_ message: String) -> String { start + message + end }

    /// The wrapped message inside `text`, or `nil` when there is none.
    ///
    /// Like Helm's `warnRegex` (`HELM_ERR_START((?s).*)HELM_ERR_END`), the match is greedy: it
    /// runs from the first start marker to the last end marker.
    public static func message(in text: String) -> String? {
        guard let first = text.range(of: start), let last = text.range(of: end, options: .backwards),
            first.upperBound <= last.lowerBound
        else { return nil }
        return String(text[first.upperBound..<last.lowerBound])
    }
}
