/// UPDATE (PUT) of the main resource and the status subresource.
extension ObjectStore {
    /// Which part of an object a write addresses.
    enum Subresource: Sendable, Equatable {
        /// The object itself; status changes are ignored when the resource has a status subresource.
        case main
        /// `/status`: only status changes are kept.
        case status
    }

    /// How a write records field ownership.
    enum Ownership: Sendable, Equatable {
        /// A non-apply write by this manager (operation Update).
        case update(manager: String)
        /// The object already carries the managedFields server-side apply computed.
        case applied
    }

    /// PUT: replaces an object, honouring an optimistic-concurrency resourceVersion.
    ///
    /// - Throws: 404, 400 (name/namespace/kind mismatch), 409 Conflict (stale resourceVersion), 422 (custom
    ///   resources require a resourceVersion; no new finalizers while deleting).
    mutating func update(
        _ resource: ResourceType, namespace: String?, name: String, body: JSONValue, subresource: Subresource,
        manager: String
    ) throws(APIError) -> JSONValue {
        guard let current = stored(resource, namespace: namespace, name: name) else {
            throw APIError.notFound(resource, name: name)
        }
        var object = try Self.checkTypeMeta(body, resource)
        try Self.checkName(&object, name: name)
        try Self.checkNamespace(&object, resource, namespace: namespace)
        let given = object[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if given.isEmpty {
            if resource.isCustom {
                throw APIError.invalid(
                    kind: resource.kind, group: resource.group, name: name,
                    causes: [
                        APIError.Cause(
                            reason: "FieldValueInvalid", message: "Invalid value: 0x0: must be specified for an update",
                            field: "metadata.resourceVersion")
                    ])
            }
        } else if given != current[path: ["metadata", "resourceVersion"]]?.stringValue {
            throw APIError.staleResourceVersion(resource, name: name)
        }
        return try replace(
            current, with: object, resource, subresource: subresource, ownership: .update(manager: manager))
    }

    /// 400 when the body names another object than the URL; fills in an empty name.
    static func checkName(_ object: inout JSONValue, name: String) throws(APIError) {
        let bodyName = object[path: ["metadata", "name"]]?.stringValue ?? ""
        if bodyName.isEmpty {
            object[path: ["metadata", "name"]] = .string(name)
        } else if bodyName != name {
            throw APIError.badRequest(
                "the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
    }

    /// Server-owned metadata a write cannot change.
    private static let systemMetadata = [
        "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace",
        "name",
        "resourceVersion",
    ]

    /// Turns a proposed object into the stored one: keeps server-owned fields, splits status, bumps generation,
    /// records ownership, stores and records MODIFIED (or deletes when the last finalizer went away).
    /// A write that changes nothing keeps the resourceVersion and records no event, as in kube.
    mutating func replace(
        _ current: JSONValue, with proposed: JSONValue, _ resource: ResourceType, subresource: Subresource,
        ownership: Ownership
    ) throws(APIError) -> JSONValue {
        var object = proposed
        for field in Self.systemMetadata { object[path: ["metadata", field]] = current[path: ["metadata", field]] }
        // kube lets a non-apply write set managedFields: when they differ from the stored ones they are taken as
        // sent (how clients migrate client-side ownership to server-side apply, or reset it with `[{}]`), and the
        // write records no ownership of its own. Otherwise the stored ones stay.
        var ownershipSetByClient = false
        if ownership != .applied {
            let stored = current[path: ["metadata", "managedFields"]]
            if let sent = object[path: ["metadata", "managedFields"]], !sent.semanticallyEquals(stored ?? .null) {
                ownershipSetByClient = true
                ManagedFields(of: object).write(into: &object)
            } else {
                object[path: ["metadata", "managedFields"]] = stored
            }
        }
        switch subresource {
        case .main:
            if resource.hasStatus { object["status"] = current["status"] }
            try Self.checkImmutableFields(current: current, proposed: &object, resource)
        case .status:
            var next = current
            next["apiVersion"] = .string(resource.apiVersion)
            next["status"] = object["status"]
            object = next
        }
        if resource.group == "", resource.plural == "namespaces" {
            object[path: ["spec", "finalizers"]] = current[path: ["spec", "finalizers"]]
        }
        let name = current[path: ["metadata", "name"]]?.stringValue ?? ""
        if current[path: ["metadata", "deletionTimestamp"]] != nil {
            let old = Set((current[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue))
            let new = (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
            let added = new.filter { !old.contains($0) }
            if !added.isEmpty {
                throw APIError.invalid(
                    kind: resource.kind, group: resource.group, name: name,
                    causes: [
                        APIError.Cause(
                            reason: "FieldValueForbidden",
                            message: "Forbidden: no new finalizers can be added if the object is being deleted, "
                                + "found new finalizers []string{\(added.map { "\"\($0)\"" }.joined(separator: ", "))}",
                            field: "metadata.finalizers")
                    ])
            }
        }
        if resource.hasGeneration, subresource == .main,
            Self.specChanged(from: current, to: object, ignoringStatus: resource.hasStatus),
            let generation = current[path: ["metadata", "generation"]]?.intValue
        {
            object[path: ["metadata", "generation"]] = .int(generation + 1)
        }
        let now = timestamp()
        if case .update(let manager) = ownership, !ownershipSetByClient {
            ServerSideApply.recordUpdate(from: current, to: &object, manager: manager, resource: resource, now: now)
        }
        var comparable = current
        comparable["apiVersion"] = object["apiVersion"]
        if Self.sameIgnoringManagedTimes(comparable, object) { return served(current, as: resource) }

        if object[path: ["metadata", "deletionTimestamp"]] != nil,
            (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty
        {
            return finishDeletion(object, resource, policy: "Background")
        }
        let version = nextResourceVersion()
        object[path: ["metadata", "resourceVersion"]] = .string(String(version))
        let key = ObjectKey(namespace: current[path: ["metadata", "namespace"]]?.stringValue ?? "", name: name)
        objects[resource.storageKey, default: [:]][key] = object
        record("MODIFIED", resource, object: object, resourceVersion: version, previous: current)
        if resource.group == "apiextensions.k8s.io", resource.plural == "customresourcedefinitions" { serve(object) }
        return served(object, as: resource)
    }

    /// Whether anything but metadata (and status, when split off) differs; drives `metadata.generation`.
    static func specChanged(from old: JSONValue, to new: JSONValue, ignoringStatus: Bool) -> Bool {
        var left = old
        var right = new
        for key in ["metadata", "apiVersion", "kind"] + (ignoringStatus ? ["status"] : []) {
            left[key] = nil
            right[key] = nil
        }
        return !left.semanticallyEquals(right)
    }

    /// Equality that ignores the timestamps inside managedFields (a no-op write must stay a no-op).
    private static func sameIgnoringManagedTimes(_ left: JSONValue, _ right: JSONValue) -> Bool {
        func strip(_ value: JSONValue) -> JSONValue {
            var copy = value
            if let entries = copy[path: ["metadata", "managedFields"]]?.arrayValue {
                copy[path: ["metadata", "managedFields"]] = .array(
                    entries.map { entry in
                        var entry = entry
                        entry["time"] = nil
                        return entry
                    })
            }
            return copy
        }
        return strip(left).semanticallyEquals(strip(right))
    }
}
