import Foundation
import KubeAPI

// The errors of building and applying a release's objects (Sources/HelmRelease/Resources).
extension ReleaseError {
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
            location: source.nilIfEmpty, cause: sendable(cause))
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

// MARK: Applying

extension ReleaseError {
    /// The message of a KubeAPIError without the client's `VERB Kind ns/name: HTTP 409: ` prefix, i.e. what the
    /// server said; the whole message when it did not come from a response.
    static func serverMessage(_ error: any Error) -> String {
        guard let error = error as? KubeAPIError else { return "\(error)" }
        if let status = error.statusCode, let range = error.message.range(of: ": HTTP \(status): ") {
            return String(error.message[range.upperBound...])
        }
        return error.message
    }

    /// Go's `GroupVersionKind.String()`: `apps/v1, Kind=Deployment`, `/v1, Kind=ConfigMap`.
    private static func goGVK(_ resource: ReleaseResource) -> String {
        "\(resource.gvk.group)/\(resource.gvk.version), Kind=\(resource.gvk.kind)"
    }

    private static func location(_ resource: ReleaseResource) -> String? {
        resource.sourcePath.isEmpty ? nil : resource.sourcePath
    }

    static func sendable(_ error: any Error) -> (any Error & Sendable)? {
        error
    }

    static func ownershipConflict(_ resource: ReleaseResource, operation: String, problem: String) -> ReleaseError {
        ReleaseError(
            code: .resourceConflict,
            message: "unable to continue with \(operation): \(resource.helmResourceString) exists and cannot be "
                + "imported into the current release: \(problem)",
            location: location(resource))
    }

    static func unreadable(_ resource: ReleaseResource, operation: String, cause: any Error) -> ReleaseError {
        ReleaseError(
            code: .resourceFailed,
            message: "unable to continue with \(operation): could not get information about the resource "
                + "\(resource.helmResourceString): \(serverMessage(cause))",
            location: location(resource), cause: sendable(cause))
    }

    /// Helm's `patchResourceServerSide` messages.
    static func applyFailed(_ resource: ReleaseResource, cause: KubeAPIError) -> ReleaseError {
        let what = cause.code == .conflict ? "conflict occurred while applying" : "server-side apply failed for"
        return ReleaseError(
            code: .resourceFailed,
            message: "\(what) object \(resource.key.namespace)/\(resource.key.name) \(goGVK(resource)): "
                + serverMessage(cause),
            location: location(resource), cause: cause)
    }

    static func createFailed(_ resource: ReleaseResource, cause: KubeAPIError) -> ReleaseError {
        var error = applyFailed(resource, cause: cause)
        error.message = "failed to create resource: " + error.message
        return error
    }

    static func replaceBlocked(_ resource: ReleaseResource, finalizers: [String]) -> ReleaseError {
        ReleaseError(
            code: .resourceFailed,
            message: "failed to replace \(resource.helmResourceString): it is still being deleted, held by "
                + "finalizers \(finalizers.joined(separator: ", "))",
            location: location(resource))
    }

    static func replaceFailed(_ resource: ReleaseResource, cause: KubeAPIError) -> ReleaseError {
        ReleaseError(
            code: .resourceFailed,
            message: "failed to replace object: \(resource.helmResourceString) was deleted but could not be "
                + "created again: \(serverMessage(cause))",
            location: location(resource), cause: cause)
    }

    static func deleteFailed(_ resource: ReleaseResource, cause: any Error) -> ReleaseError {
        ReleaseError(
            code: .resourceFailed,
            message: "failed to delete \(resource.helmResourceString): \(serverMessage(cause))",
            location: location(resource), cause: sendable(cause))
    }

    /// Helm's message for an object an upgrade failed to remove.
    static func staleDeleteFailed(_ resource: ReleaseResource, cause: any Error) -> ReleaseError {
        ReleaseError(
            code: .resourceFailed,
            message: "failed to delete resource namespace=\(resource.key.namespace), name=\(resource.key.name), "
                + "kind=\(resource.gvk.kind): \(serverMessage(cause))",
            location: location(resource), cause: sendable(cause))
    }

    static func crdFailed(_ crd: ReleaseResource, cause: any Error) -> ReleaseError {
        ReleaseError(
            code: .resourceFailed, message: "failed to install CRD \(crd.object.name): \(serverMessage(cause))",
            location: location(crd), cause: sendable(cause))
    }

    static func crdTimeout(_ crd: ReleaseResource, timeout: Duration) -> ReleaseError {
        ReleaseError(
            code: .timeout,
            message: "timed out after \(timeout) waiting for CRD \(crd.object.name) to be established",
            location: location(crd))
    }

    /// Several errors as one: the first's code and cause, every message joined by `separator` (Helm joins write
    /// errors with ` && `); nil for none.
    static func combined(_ errors: [ReleaseError], separator: String) -> ReleaseError? {
        guard let first = errors.first else { return nil }
        if errors.count == 1 { return first }
        var combined = first
        combined.message = errors.map(\.message).joined(separator: separator)
        combined.location = nil
        return combined
    }
}
