/// A template failed to parse or execute, or broke an execution limit.
///
/// `message` is exactly Go's error text, for example
/// `template: a.yaml:3:12: executing "a.yaml" at <.Values.x.y>: nil pointer evaluating interface {}.y`
/// or `template: a.yaml:1: unexpected "}" in operand`, so a user's search for it finds Go and Helm answers.
/// The parts of that text are also available separately (``location``, ``executing``, ``context``,
/// ``detail``). Errors compare equal by ``code`` alone.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; don't switch over them exhaustively.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable { case parse, execute, limitExceeded }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The text is not a valid template (Go's parse errors).
        public static let parse = Code(.parse)
        /// Execution failed (Go's exec errors, including errors returned by functions).
        public static let execute = Code(.execute)
        /// Execution broke one of ``ExecuteOptions``' limits (output size, depth, steps).
        public static let limitExceeded = Code(.limitExceeded)

        /// A short fixed string for metric labels.
        public var shortDescription: String {
            switch base {
            case .parse: "parse"
            case .execute: "execute"
            case .limitExceeded: "limit_exceeded"
            }
        }
        public var description: String { shortDescription }
    }

    /// The kind of failure.
    public var code: Code
    /// Go's complete error text (see the type's summary).
    public var message: String
    /// `NAME:LINE` (parse) or `NAME:LINE:COL` (execute), where NAME is the template's parse name.
    public var location: String?
    /// The name of the template being executed (`executing "NAME"`), for execution errors.
    public var executing: String?
    /// Go's `String()` of the failing node.
    public var context: String?
    /// The text after the location and context, for example `nil pointer evaluating interface {}.y`.
    public var detail: String
    /// The underlying error, such as the error a template function threw.
    public var cause: (any Error & Sendable)?

    /// Creates an error; prefer the factory functions in this module.
    public init(
        code: Code, message: String, location: String? = nil, executing: String? = nil, context: String? = nil,
        detail: String, cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.executing = executing
        self.context = context
        self.detail = detail
        self.cause = cause
    }

    /// Go's error text.
    public var description: String { message }

    /// A multi-line form: the message, then the cause if there is one.
    public func detailedDescription() -> String {
        guard let cause else { return message }
        return "\(message)\n  caused by: \(String(describing: cause))"
    }

    public static func == (lhs: TemplateError, rhs: TemplateError) -> Bool { lhs.code == rhs.code }
}

extension TemplateError {
    /// A parse error: `template: NAME:LINE: DETAIL`.
    static func parse(name: String, line: Int, _ detail: String) -> TemplateError {
        TemplateError(
            code: .parse, message: "template: \(name):\(line): \(detail)", location: "\(name):\(line)",
            detail: detail)
    }

    /// A parse error that Go reports without a line (`template: NAME: DETAIL`).
    static func parseNoLine(name: String, _ detail: String) -> TemplateError {
        TemplateError(code: .parse, message: "template: \(name): \(detail)", location: name, detail: detail)
    }
}
