/// One thing that did not sync: a document that did not parse, an object defined twice, or an object the server
/// rejected or that could not be pruned.
public struct SyncFailure: Sendable, Hashable, CustomStringConvertible {
    /// The file and document, when the failure is about one.
    public var origin: ManifestOrigin?
    /// The object, when known.
    public var object: ObjectID?
    /// What went wrong: the parser's or the API server's message.
    public var message: String
    /// The kind of failure (`parse`, `invalid_object`, `duplicate`, `apply`, `prune`).
    public var code: AgentError.Code

    /// Creates a failure.
    public init(origin: ManifestOrigin?, object: ObjectID?, message: String, code: AgentError.Code) {
        self.origin = origin
        self.object = object
        self.message = message
        self.code = code
    }

    /// A failure from an error about a document.
    init(_ error: AgentError, object: ObjectID? = nil) {
        self.init(origin: error.origin, object: object, message: error.message, code: error.code)
    }

    /// `file (document N): Kind ns/name: message`.
    public var description: String {
        var parts: [String] = []
        if let origin { parts.append(origin.description) }
        if let object { parts.append(object.description) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
