public import KubeAPI

// The errors of building and applying a release's objects (Sources/HelmRelease/Resources).
extension ReleaseError {
    static func unimplemented(_ what: String) -> ReleaseError {
        ReleaseError(code: .invalidOperation, message: "\(what) is not implemented yet")
    }

    static func badDocument(source: String, _ what: String, cause: (any Error & Sendable)? = nil) -> ReleaseError {
        ReleaseError(
            code: .invalidManifest,
            message: "error parsing \(source.isEmpty ? "manifest" : source): \(what)",
            location: source.nilIfEmpty, cause: cause)
    }

    static func tooManyObjects(limit: Int, source: String) -> ReleaseError {
        ReleaseError(
            code: .invalidManifest, message: "the manifest holds more than \(limit) objects (at \(source))",
            location: source.nilIfEmpty)
    }

    /// Helm's (cli-runtime's) message for a kind discovery does not know.
    static func noMapping(_ object: KubeObject, source: String, cause: KubeAPIError) -> ReleaseError {
        let gvk = object.groupVersionKind
        return ReleaseError(
            code: .invalidManifest,
            message: "resource mapping not found for name: \"\(object.name)\" namespace: \"\(object.namespace)\" "
                + "from \"\(source)\": no matches for kind \"\(gvk.kind)\" in version \"\(gvk.apiVersion)\"\n"
                + "ensure CRDs are installed first",
            location: source.nilIfEmpty, cause: cause)
    }

    static func discoveryFailed(_ object: KubeObject, source: String, cause: any Error) -> ReleaseError {
        ReleaseError(
            code: .resourceFailed,
            message: "could not resolve \(object.groupVersionKind) of \"\(object.name)\" from \"\(source)\": \(cause)",
            location: source.nilIfEmpty, cause: cause as? any Error & Sendable)
    }

    /// One error for several (Kubernetes' aggregate form `[a, b]`), the error itself for one, nil for none.
    static func aggregate(_ errors: [ReleaseError]) -> ReleaseError? {
        guard let first = errors.first else { return nil }
        if errors.count == 1 { return first }
        var combined = first
        combined.message = "[" + errors.map(\.message).joined(separator: ", ") + "]"
        combined.location = nil
        return combined
    }
}
