/// PATCH: merge, strategic merge (as merge), JSON patch and server-side apply.
extension ObjectStore {
    /// The PATCH content types kube accepts.
    enum PatchType: String, Sendable {
        /// `application/merge-patch+json` (RFC 7386).
        case merge = "application/merge-patch+json"
        /// `application/strategic-merge-patch+json`; applied as a merge patch (simplification).
        case strategic = "application/strategic-merge-patch+json"
        /// `application/json-patch+json` (RFC 6902).
        case json = "application/json-patch+json"
        /// `application/apply-patch+yaml` (server-side apply).
        case apply = "application/apply-patch+yaml"
    }

    /// What the client asked for besides the body.
    struct PatchOptions: Sendable {
        /// The `fieldManager` query parameter.
        var fieldManager: String?
        /// The `force` query parameter (apply only).
        var force: Bool = false
        /// The manager recorded for non-apply patches without a `fieldManager` (kube uses the user agent).
        var defaultManager: String = "unknown"
    }

    /// PATCH of one object. Server-side apply creates the object when it is absent.
    ///
    /// - Returns: the object and whether it was created.
    /// - Throws: 400 (unparsable body, missing fieldManager, force on a non-apply patch), 404, 409 (stale
    ///   resourceVersion in the patch, apply conflicts), 422 (JSON patch failure).
    mutating func patch(
        _ resource: ResourceType, namespace: String?, name: String, type: PatchType, body: [UInt8],
        subresource: Subresource, options: PatchOptions
    ) throws(APIError) -> (object: JSONValue, created: Bool) {
        if type != .apply && options.force {
            throw APIError.badRequest("force may not be specified for non-apply patch")
        }
        if type == .apply {
            guard let manager = options.fieldManager, !manager.isEmpty else {
                throw APIError.badRequest(
                    "PATCH, application/apply-patch+yaml: fieldManager is required for apply requests")
            }
            return try apply(
                resource, namespace: namespace, name: name, body: body, subresource: subresource,
                manager: manager, force: options.force)
        }
        guard let current = stored(resource, namespace: namespace, name: name) else {
            throw APIError.notFound(resource, name: name)
        }
        let patchDocument: JSONValue
        do {
            patchDocument = try JSONParser.parse(body)
        } catch {
            throw APIError.badRequest("error decoding patch: \(error)")
        }
        let base = served(current, as: resource)
        var patched: JSONValue
        switch type {
        case .merge, .strategic:
            guard case .object = patchDocument else {
                throw APIError.badRequest(
                    "json: cannot unmarshal \(patchDocument.typeName) into Go value of type map[string]interface {}")
            }
            patched = MergePatch.apply(patchDocument, to: base)
        case .json:
            do {
                patched = try JSONPatch.apply(patchDocument, to: base)
            } catch {
                throw APIError(code: 422, reason: "Invalid", message: error.message, details: nil)
            }
        case .apply:
            patched = base  // Unreachable: apply returned above.
        }
        patched = try Self.checkTypeMeta(patched, resource)
        try Self.checkName(&patched, name: name)
        try Self.checkNamespace(&patched, resource, namespace: namespace)
        if let given = patched[path: ["metadata", "resourceVersion"]]?.stringValue, !given.isEmpty,
            given != current[path: ["metadata", "resourceVersion"]]?.stringValue
        {
            throw APIError.staleResourceVersion(resource, name: name)
        }
        let manager = options.fieldManager ?? options.defaultManager
        let object = try replace(
            current, with: patched, resource, subresource: subresource,
            ownership: .update(manager: manager))
        return (object, false)
    }

    /// Server-side apply: create-or-merge with field ownership (see ``ServerSideApply``).
    private mutating func apply(
        _ resource: ResourceType, namespace: String?, name: String, body: [UInt8], subresource: Subresource,
        manager: String, force: Bool
    ) throws(APIError) -> (object: JSONValue, created: Bool) {
        var applied: JSONValue
        do {
            applied = try JSONValue.parseYAML(String(decoding: body, as: UTF8.self))
        } catch {
            throw APIError.badRequest(error.message)
        }
        guard case .object = applied else {
            throw APIError.badRequest("error decoding YAML: expected an object, got \(applied.typeName)")
        }
        guard let kind = applied["kind"]?.stringValue, !kind.isEmpty else {
            throw APIError.badRequest("invalid object type: /, Kind=")
        }
        _ = kind
        applied = try Self.checkTypeMeta(applied, resource)
        try Self.checkName(&applied, name: name)
        try Self.checkNamespace(&applied, resource, namespace: namespace)
        let now = timestamp()
        guard let current = stored(resource, namespace: namespace, name: name) else {
            guard subresource == .main else { throw APIError.notFound(resource, name: name) }
            let created = try ServerSideApply.apply(
                applied, to: nil, manager: manager, force: force, resource: resource, now: now)
            return (
                try create(resource, namespace: namespace, body: created, manager: manager, ownership: .applied), true
            )
        }
        if let given = applied[path: ["metadata", "resourceVersion"]]?.stringValue, !given.isEmpty,
            given != current[path: ["metadata", "resourceVersion"]]?.stringValue
        {
            throw APIError.staleResourceVersion(resource, name: name)
        }
        let merged = try ServerSideApply.apply(
            applied, to: served(current, as: resource), manager: manager, force: force, resource: resource, now: now)
        return (try replace(current, with: merged, resource, subresource: subresource, ownership: .applied), false)
    }
}
