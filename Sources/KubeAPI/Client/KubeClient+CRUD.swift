extension KubeClient {
    // MARK: Reads

    /// Reads one object (or one of its subresources, such as `status`).
    ///
    /// - Parameters:
    ///   - gvk: the object's type.
    ///   - key: namespace and name; an empty namespace means the client's default namespace for namespaced kinds.
    ///   - subresource: e.g. `status`. Default: none.
    ///   - timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Throws: ``KubeAPIError`` (``KubeAPIError/Code/notFound`` when absent).
    public func get(_ gvk: GroupVersionKind, _ key: ObjectKey, subresource: String? = nil, timeout: Duration? = nil)
        async throws -> KubeObject
    {
        let mapping = try await resourceMapping(for: gvk, timeout: timeout)
        let path = mapping.path(namespace: namespace(for: key.namespace), name: key.name, subresource: subresource)
        let action = "get \(gvk.kind) \(describe(key, mapping))\(subresource.map { " \($0)" } ?? "")"
        return try await objectCall(APICall(method: "GET", path: path, action: action), timeout)
    }

    /// Lists one page of objects.
    ///
    /// - Parameters:
    ///   - gvk: the type.
    ///   - namespace: the namespace; `nil` or empty lists across all namespaces (and is ignored for
    ///     cluster-scoped kinds).
    ///   - options: selectors, `limit`, `continue` and `resourceVersion`.
    ///   - timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Throws: ``KubeAPIError`` (``KubeAPIError/Code/gone`` when a `continue` token has expired).
    public func list(
        _ gvk: GroupVersionKind, namespace: String? = nil, options: ListOptions = ListOptions(),
        timeout: Duration? = nil
    ) async throws -> KubeObjectList {
        let mapping = try await resourceMapping(for: gvk, timeout: timeout)
        let action = "list \(gvk.kind) in \(namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "all namespaces")"
        let call = APICall(
            method: "GET", path: mapping.path(namespace: namespace), query: options.queryItems, action: action)
        let response = try await perform(call, timeout: timeout)
        let json = try JSONParser.parse(response.body, context: action)
        return try KubeObjectList(json, context: action)
    }

    /// Lists every object, following `continue` tokens page by page.
    ///
    /// - Parameters:
    ///   - gvk: the type.
    ///   - namespace: as for ``list(_:namespace:options:timeout:)``.
    ///   - options: selectors; `limit` is the page size (default 500); `continueToken` is ignored.
    ///   - timeout: the limit for each page. Default: ``Configuration/timeout``.
    /// - Returns: all items, with the `resourceVersion` of the first page (a consistent snapshot, as the API keeps
    ///   every page at the first page's version).
    public func listAll(
        _ gvk: GroupVersionKind, namespace: String? = nil, options: ListOptions = ListOptions(),
        timeout: Duration? = nil
    ) async throws -> KubeObjectList {
        var pageOptions = options
        pageOptions.limit = options.limit ?? 500
        pageOptions.continueToken = nil
        var all = KubeObjectList(items: [])
        var first = true
        while true {
            let page = try await list(gvk, namespace: namespace, options: pageOptions, timeout: timeout)
            all.items.append(contentsOf: page.items)
            if first {
                all.resourceVersion = page.resourceVersion
                first = false
            }
            if page.continueToken.isEmpty { return all }
            pageOptions.continueToken = page.continueToken
            // A continued list must not name a resourceVersion; the token carries it.
            pageOptions.resourceVersion = nil
        }
    }

    // MARK: Writes

    /// Creates an object.
    ///
    /// - Parameters:
    ///   - object: the object, with `apiVersion`, `kind` and `metadata.name` (or `generateName`); an empty
    ///     namespace means the client's default namespace for namespaced kinds.
    ///   - dryRun: validate without persisting. Default: `false`.
    ///   - fieldManager: recorded as the owner of the fields set. Default: none.
    ///   - timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Returns: the object as stored, with `uid`, `resourceVersion` and defaults.
    /// - Throws: ``KubeAPIError`` (``KubeAPIError/Code/alreadyExists``, ``KubeAPIError/Code/invalid``, ...).
    public func create(
        _ object: KubeObject, dryRun: Bool = false, fieldManager: String? = nil, timeout: Duration? = nil
    ) async throws -> KubeObject {
        let gvk = object.groupVersionKind
        let mapping = try await resourceMapping(for: gvk, timeout: timeout)
        let call = APICall(
            method: "POST", path: mapping.path(namespace: namespace(for: object.namespace)),
            query: writeQuery(dryRun: dryRun, fieldManager: fieldManager), body: object.json.serialized(),
            action: "create \(gvk.kind) \(describe(object.key, mapping))")
        return try await objectCall(call, timeout)
    }

    /// Replaces an object (or its `status` subresource).
    ///
    /// When `object` carries `metadata.resourceVersion`, the write succeeds only if the stored object is still at
    /// that version; otherwise it fails with ``KubeAPIError/Code/conflict`` (optimistic concurrency).
    ///
    /// - Parameters:
    ///   - object: the full new state.
    ///   - subresource: e.g. `status`. Default: none.
    ///   - dryRun: validate without persisting. Default: `false`.
    ///   - fieldManager: recorded as the owner of the fields set. Default: none.
    ///   - timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Returns: the object as stored.
    public func update(
        _ object: KubeObject, subresource: String? = nil, dryRun: Bool = false, fieldManager: String? = nil,
        timeout: Duration? = nil
    ) async throws -> KubeObject {
        let gvk = object.groupVersionKind
        let mapping = try await resourceMapping(for: gvk, timeout: timeout)
        let path = mapping.path(
            namespace: namespace(for: object.namespace), name: object.name, subresource: subresource)
        let call = APICall(
            method: "PUT", path: path, query: writeQuery(dryRun: dryRun, fieldManager: fieldManager),
            body: object.json.serialized(),
            action: "update \(gvk.kind) \(describe(object.key, mapping))\(subresource.map { " \($0)" } ?? "")")
        return try await objectCall(call, timeout)
    }

    /// Deletes an object.
    ///
    /// - Parameters:
    ///   - gvk: the type.
    ///   - key: namespace and name.
    ///   - options: propagation policy, preconditions, grace period, dry run.
    ///   - timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Returns: the object when it still exists because finalizers hold it (it now has a
    ///   `deletionTimestamp`), or `nil` when it is gone.
    /// - Throws: ``KubeAPIError`` (``KubeAPIError/Code/notFound``; ``KubeAPIError/Code/conflict`` when a
    ///   precondition fails).
    @discardableResult
    public func delete(
        _ gvk: GroupVersionKind, _ key: ObjectKey, options: DeleteOptions = DeleteOptions(), timeout: Duration? = nil
    ) async throws -> KubeObject? {
        let mapping = try await resourceMapping(for: gvk, timeout: timeout)
        let call = APICall(
            method: "DELETE", path: mapping.path(namespace: namespace(for: key.namespace), name: key.name),
            body: options.json.serialized(), action: "delete \(gvk.kind) \(describe(key, mapping))")
        let response = try await perform(call, timeout: timeout)
        let json = try JSONParser.parse(response.body, context: call.action)
        if json["kind"]?.stringValue == "Status" { return nil }
        let object = KubeObject(json)
        return object.deletionTimestamp != nil ? object : nil
    }

    /// Patches an object (or a subresource such as `status`).
    ///
    /// - Parameters:
    ///   - gvk: the type.
    ///   - key: namespace and name.
    ///   - patch: a merge, JSON, strategic-merge or apply patch.
    ///   - subresource: e.g. `status`. Default: none.
    ///   - timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Returns: the object as stored.
    /// - Throws: ``KubeAPIError`` (``KubeAPIError/Code/conflict`` for an apply that touches fields another
    ///   manager owns without `force`; ``KubeAPIError/Code/unsupportedMediaType`` for a strategic merge patch of a
    ///   custom resource).
    public func patch(
        _ gvk: GroupVersionKind, _ key: ObjectKey, patch: Patch, subresource: String? = nil, timeout: Duration? = nil
    ) async throws -> KubeObject {
        let mapping = try await resourceMapping(for: gvk, timeout: timeout)
        var query: [(String, String)] = []
        var verb = "patch"
        if case .apply(let fieldManager, let force) = patch.kind {
            query.append(("fieldManager", fieldManager))
            if force { query.append(("force", "true")) }
            verb = "apply"
        }
        let call = APICall(
            method: "PATCH",
            path: mapping.path(namespace: namespace(for: key.namespace), name: key.name, subresource: subresource),
            query: query, body: patch.body.serialized(), contentType: patch.contentType,
            action: "\(verb) \(gvk.kind) \(describe(key, mapping))\(subresource.map { " \($0)" } ?? "")")
        return try await objectCall(call, timeout)
    }

    /// Server-side apply: creates the object or updates the fields `fieldManager` owns.
    ///
    /// - Parameters:
    ///   - object: the desired fields, with `apiVersion`, `kind` and `metadata.name`.
    ///   - fieldManager: the owner of the applied fields.
    ///   - force: take over fields other managers own instead of failing with Conflict. Default: `false`.
    ///   - subresource: e.g. `status`. Default: none.
    ///   - timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Returns: the object as stored.
    public func apply(
        _ object: KubeObject, fieldManager: String, force: Bool = false, subresource: String? = nil,
        timeout: Duration? = nil
    ) async throws -> KubeObject {
        try await patch(
            object.groupVersionKind, object.key, patch: .apply(object, fieldManager: fieldManager, force: force),
            subresource: subresource, timeout: timeout)
    }

    // MARK: Helpers

    /// Sends a call whose response is one object.
    func objectCall(_ call: APICall, _ timeout: Duration?) async throws -> KubeObject {
        let response = try await perform(call, timeout: timeout)
        return KubeObject(try JSONParser.parse(response.body, context: call.action))
    }

    /// The namespace to use: the given one, or the configured default when empty.
    func namespace(for namespace: String) -> String { namespace.isEmpty ? config.namespace : namespace }

    /// `ns/name` for namespaced kinds, `name` otherwise, for messages.
    func describe(_ key: ObjectKey, _ mapping: ResourceMapping) -> String {
        mapping.namespaced ? "\(namespace(for: key.namespace))/\(key.name)" : key.name
    }

    private func writeQuery(dryRun: Bool, fieldManager: String?) -> [(String, String)] {
        var query: [(String, String)] = []
        if dryRun { query.append(("dryRun", "All")) }
        if let fieldManager { query.append(("fieldManager", fieldManager)) }
        return query
    }
}
