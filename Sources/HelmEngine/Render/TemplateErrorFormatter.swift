import Foundation

/// Rewrites Go template errors into the messages Helm 4 prints, so a user's search for an error finds
/// Helm's answers (`engine.cleanupParseError` and `engine.reformatExecErrorMsg`).
enum TemplateErrorFormatter {
    /// The markers Helm's `fail` and `required` put around their message so the engine can show it alone.
    static let failStart = "HELM_ERR_START"
    static let failEnd = "HELM_ERR_END"

    /// `parse error at (FILE:LINE): MESSAGE`, from Go's `template: FILE:LINE: MESSAGE`.
    static func parseError(file: String, goMessage: String) -> String {
        let tokens = goMessage.components(separatedBy: ": ")
        guard tokens.count > 1 else { return "parse error in (\(file)): \(goMessage)" }
        return "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
    }

    /// Helm's report of an execution error, from the messages of Go's error chain, outermost first (each
    /// wrapped error's own message follows the one that wraps it, as `errors.Unwrap` walks them).
    ///
    /// A `fail`/`required` message becomes `execution error at (FILE:LINE:COL): MESSAGE`; a chain whose every
    /// message reads as a template error becomes Helm's indented trace; anything else is the outermost message.
    static func executionError(file: String, chain: [String]) -> String {
        guard let outer = chain.first else { return "" }
        let tokens = splitN(outer, separator: ": ", limit: 3)
        guard tokens.count == 3 else { return "execution error in (\(file)): \(outer)" }
        if let message = markedMessage(in: tokens[2]) {
            return "execution error at (\(tokens[1])): \(message)"
        }
        var trace: [TraceEntry] = []
        for message in chain {
            guard let entry = TraceEntry(goMessage: message) else { return outer }
            if trace.last != entry { trace.append(entry) }
        }
        return trace.map(\.text).joined().trimmingWhitespace()
    }

    /// The text between the first start marker and the last end marker, as Helm's `(?s)` regex takes it.
    private static func markedMessage(in text: String) -> String? {
        guard let start = text.range(of: failStart),
            let end = text.range(of: failEnd, options: .backwards), start.upperBound <= end.lowerBound
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// Go's `strings.SplitN`.
    private static func splitN(_ text: String, separator: String, limit: Int) -> [String] {
        var parts: [String] = []
        var rest = Substring(text)
        while parts.count < limit - 1, let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// One step of Helm's trace (`engine.TraceableError`).
    private struct TraceEntry: Equatable {
        var location = ""
        var message = ""
        var executedFunction = ""

        var text: String {
            var out = ""
            if !location.isEmpty { out += location + "\n  " }
            if !executedFunction.isEmpty { out += executedFunction + "\n    " }
            if !message.isEmpty { out += message + "\n" }
            return out
        }

        /// Reads `template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE` and the simpler forms.
        init?(goMessage: String) {
            let prefix = "template: "
            guard goMessage.hasPrefix(prefix) else { return nil }
            let remainder = goMessage.dropFirst(prefix.count)
            if remainder.hasPrefix("no template ") {
                message = goMessage
                return
            }
            if let executing = remainder.range(of: ": executing ") {
                let after = remainder[executing.upperBound...]
                guard after.first == "\"", let endQuote = after.dropFirst().firstIndex(of: "\"") else { return nil }
                let function = after[after.index(after: after.startIndex)..<endQuote]
                let afterFunction = after[after.index(after: endQuote)...]
                guard afterFunction.hasPrefix(" at <") else { return nil }
                let afterAt = afterFunction.dropFirst(" at <".count)
                guard let close = afterAt.range(of: ">: ") else { return nil }
                location = String(remainder[..<executing.lowerBound])
                executedFunction = "executing \"\(function)\" at <\(afterAt[..<close.lowerBound])>:"
                message = Self.cutAtTemplate(afterAt[close.upperBound...])
                return
            }
            guard let separator = remainder.range(of: ": ", options: .backwards) else { return nil }
            location = String(remainder[..<separator.lowerBound])
            message = Self.cutAtTemplate(remainder[separator.upperBound...])
        }

        private static func cutAtTemplate(_ text: Substring) -> String {
            if let cut = text.range(of: " template:") { return String(text[..<cut.lowerBound]) }
            return String(text)
        }
    }
}

extension String {
    /// Go's `strings.TrimSpace` for the white space Go's errors contain.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
