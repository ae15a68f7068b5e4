/// An error a reconciler throws when retrying cannot help (invalid spec, a chart that does not render): the
/// controller records it (log, metric) and does not requeue the key until the next event.
///
/// Wraps the underlying error, as controller-runtime's `reconcile.TerminalError` does.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    /// The error that retrying will not fix.
    public var cause: any Error

    /// Wraps `cause`.
    public init(_ cause: any Error) { self.cause = cause }

    /// `terminal error: ` and the cause.
    public var description: String { "terminal error: \(cause)" }
}
