/// The places AgentErrors are built, so messages keep one form.
extension AgentError {
    static func parse(_ origin: ManifestOrigin, _ detail: String, cause: (any Error)? = nil) -> AgentError {
        AgentError(code: .parse, message: "not valid YAML or JSON: \(detail)", origin: origin, cause: cause)
    }

    static func invalidObject(_ origin: ManifestOrigin, _ detail: String) -> AgentError {
        AgentError(code: .invalidObject, message: "not a Kubernetes object: \(detail)", origin: origin)
    }

    static func duplicate(_ id: ObjectID, _ origin: ManifestOrigin, others: String) -> AgentError {
        AgentError(
            code: .duplicate, message: "\(id) is also defined in \(others); no copy is applied", origin: origin)
    }

    static func source(_ what: String, cause: (any Error)? = nil) -> AgentError {
        AgentError(code: .source, message: what, cause: cause)
    }

    static func inventory(_ what: String, cause: (any Error)? = nil) -> AgentError {
        AgentError(code: .inventory, message: what, cause: cause)
    }

    static func configuration(_ what: String) -> AgentError {
        AgentError(code: .configuration, message: what)
    }
}
