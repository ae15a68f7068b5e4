/// A failure the server reports to the client as a kube `Status` object.
///
/// Reasons, codes and message texts follow kube-apiserver's `k8s.io/apimachinery/pkg/api/errors` constructors
/// (`NewNotFound`, `NewAlreadyExists`, `NewConflict`, `NewInvalid`, `NewBadRequest`, ...).
struct APIError: Error, Sendable, Equatable {
    /// HTTP status code, also the Status `code`.
    var code: Int
    /// The Status `reason` (`NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, ...).
    var reason: String
    /// The Status `message`.
    var message: String
    /// The Status `details`, when kube sends them.
    var details: JSONValue?

    /// The `Status` object (kind Status, apiVersion v1, status Failure).
    func statusObject() -> JSONValue {
        var members: [String: JSONValue] = [
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Failure",
            "message": .string(message), "code": .int(Int64(code)),
        ]
        if !reason.isEmpty { members["reason"] = .string(reason) }
        if let details { members["details"] = details }
        return .object(members)
    }

    private static func details(_ resource: ResourceType, name: String) -> JSONValue {
        var members: [String: JSONValue] = ["name": .string(name), "kind": .string(resource.plural)]
        if !resource.group.isEmpty { members["group"] = .string(resource.group) }
        return .object(members)
    }

    /// 404 `configmaps "x" not found`.
    static func notFound(_ resource: ResourceType, name: String) -> APIError {
        APIError(
            code: 404, reason: "NotFound", message: "\(resource.groupResource) \"\(name)\" not found",
            details: details(resource, name: name))
    }

    /// 404 for a namespace named in a path that does not exist.
    static func namespaceNotFound(_ name: String) -> APIError {
        APIError(
            code: 404, reason: "NotFound", message: "namespaces \"\(name)\" not found",
            details: .object(["name": .string(name), "kind": "namespaces"]))
    }

    /// 409 `configmaps "x" already exists`.
    static func alreadyExists(_ resource: ResourceType, name: String) -> APIError {
        APIError(
            code: 409, reason: "AlreadyExists", message: "\(resource.groupResource) \"\(name)\" already exists",
            details: details(resource, name: name))
    }

    /// 409 Conflict for a stale resourceVersion or a failed precondition.
    static func conflict(_ resource: ResourceType, name: String, because reason: String) -> APIError {
        APIError(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(resource.groupResource) \"\(name)\": \(reason)",
            details: details(resource, name: name))
    }

    /// The conflict message kube uses for a stale resourceVersion.
    static let modifiedReason =
        "the object has been modified; please apply your changes to the latest version and try again"

    /// 409 Conflict for a stale resourceVersion.
    static func staleResourceVersion(_ resource: ResourceType, name: String) -> APIError {
        conflict(resource, name: name, because: modifiedReason)
    }

    /// One cause of a 422 Invalid.
    struct Cause: Sendable, Equatable {
        /// `FieldValueRequired`, `FieldValueInvalid`, `FieldValueForbidden`, ...
        var reason: String
        /// The cause text, e.g. `Required value: name or generateName is required`.
        var message: String
        /// The field path, e.g. `metadata.name`.
        var field: String
    }

    /// 422 `ConfigMap "x" is invalid: metadata.name: Required value: ...` with causes, like `NewInvalid`.
    static func invalid(kind: String, group: String, name: String, causes: [Cause]) -> APIError {
        let summary: String
        if causes.count == 1 {
            summary = "\(causes[0].field): \(causes[0].message)"
        } else {
            summary = "[" + causes.map { "\($0.field): \($0.message)" }.joined(separator: ", ") + "]"
        }
        var detailMembers: [String: JSONValue] = [
            "name": .string(name), "kind": .string(kind),
            "causes": .array(
                causes.map {
                    .object(["reason": .string($0.reason), "message": .string($0.message), "field": .string($0.field)])
                }),
        ]
        if !group.isEmpty { detailMembers["group"] = .string(group) }
        return APIError(
            code: 422, reason: "Invalid", message: "\(kind) \"\(name)\" is invalid: \(summary)",
            details: .object(detailMembers))
    }

    /// 400 BadRequest with a message.
    static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message, details: nil)
    }

    /// 405 MethodNotAllowed.
    static func methodNotAllowed(_ method: String) -> APIError {
        APIError(
            code: 405, reason: "MethodNotAllowed",
            message: "the server does not allow this method on the requested resource", details: nil)
    }

    /// 404 for a path that names no resource.
    static func pathNotFound() -> APIError {
        APIError(
            code: 404, reason: "NotFound", message: "the server could not find the requested resource", details: nil)
    }

    /// 401 for a missing or wrong bearer token.
    static let unauthorized = APIError(code: 401, reason: "Unauthorized", message: "Unauthorized", details: nil)

    /// 410 Expired for a watch older than the retained history (`too old resource version: X (Y)`).
    static func tooOldResourceVersion(_ requested: Int64, oldest: Int64) -> APIError {
        APIError(
            code: 410, reason: "Expired", message: "too old resource version: \(requested) (\(oldest))", details: nil)
    }

    /// 410 Expired for a continue token whose snapshot is gone.
    static let continueExpired = APIError(
        code: 410, reason: "Expired",
        message: "The provided continue parameter is too old to display a consistent list result. You can start a "
            + "new list without the continue parameter, or use the continue token in this response to retrieve the "
            + "remainder of the results. Continuing with the provided token results in an inconsistent list - objects "
            + "that were created, modified, or deleted between the time the first chunk was returned and now may show "
            + "up in the list.",
        details: nil)

    /// 415 for an unsupported PATCH content type.
    static func unsupportedMediaType(_ contentType: String) -> APIError {
        APIError(
            code: 415, reason: "UnsupportedMediaType",
            message: "the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, "
                + "application/strategic-merge-patch+json",
            details: nil)
    }

    /// 413 for a body over the cap.
    static let requestTooLarge = APIError(
        code: 413, reason: "RequestEntityTooLarge", message: "Request entity too large: limit is 3145728",
        details: nil)
}

extension JSONValue: ExpressibleByStringLiteral {
    init(stringLiteral value: String) {
        self = .string(value)
    }
}
