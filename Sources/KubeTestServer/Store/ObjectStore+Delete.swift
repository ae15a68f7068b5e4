/// DELETE: finalizers, preconditions, owner-reference garbage collection and namespace cleanup.
extension ObjectStore {
    /// The parts of kube's `DeleteOptions` the server honours.
    struct DeleteOptions: Sendable, Equatable {
        /// `Orphan`, `Background` (default) or `Foreground`.
        var propagationPolicy: String?
        /// `preconditions.uid`.
        var preconditionUID: String?
        /// `preconditions.resourceVersion`.
        var preconditionResourceVersion: String?
        /// The deprecated `orphanDependents` flag (true means Orphan).
        var orphanDependents: Bool?
    }

    /// What a DELETE did.
    enum DeleteOutcome: Sendable, Equatable {
        /// The object is gone; the final state.
        case deleted(JSONValue)
        /// The object waits for finalizers; its state with `deletionTimestamp`.
        case pending(JSONValue)
    }

    /// DELETE of one object.
    ///
    /// With finalizers the object gets `deletionTimestamp` (and `deletionGracePeriodSeconds: 0`, generation + 1)
    /// and stays until an update removes the last finalizer. Otherwise it is removed at once.
    ///
    /// - Throws: 404, 409 Conflict (failed precondition), 422 (unknown propagation policy).
    mutating func delete(
        _ resource: ResourceType, namespace: String?, name: String, options: DeleteOptions
    )
        throws(APIError) -> DeleteOutcome
    {
        guard var object = stored(resource, namespace: namespace, name: name) else {
            throw APIError.notFound(resource, name: name)
        }
        let policy = options.propagationPolicy ?? (options.orphanDependents == true ? "Orphan" : "Background")
        guard ["Orphan", "Background", "Foreground"].contains(policy) else {
            throw APIError.invalid(
                kind: "DeleteOptions", group: "meta.k8s.io", name: "",
                causes: [
                    APIError.Cause(
                        reason: "FieldValueNotSupported",
                        message: "Unsupported value: \"\(policy)\": supported values: \"Foreground\", \"Background\", "
                            + "\"Orphan\", \"nil\"",
                        field: "propagationPolicy")
                ])
        }
        let conflictResource = ResourceType(
            group: resource.group, version: resource.version, plural: resource.kind, singular: "", kind: resource.kind,
            namespaced: true, hasStatus: false, hasGeneration: false)
        let uid = object[path: ["metadata", "uid"]]?.stringValue ?? ""
        if let expected = options.preconditionUID, expected != uid {
            throw APIError.conflict(
                conflictResource, name: name,
                because: "the UID in the precondition (\(expected)) does not match the UID in record (\(uid)). "
                    + "The object might have been deleted and then recreated")
        }
        let version = object[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if let expected = options.preconditionResourceVersion, expected != version {
            throw APIError.conflict(
                conflictResource, name: name,
                because: "the ResourceVersion in the precondition (\(expected)) does not match the ResourceVersion in "
                    + "record (\(version)). The object might have been modified")
        }
        if object[path: ["metadata", "deletionTimestamp"]] != nil { return .pending(served(object, as: resource)) }

        let isNamespace = resource.group == "" && resource.plural == "namespaces"
        let hasFinalizers = !(object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty
        if hasFinalizers || isNamespace {
            let previous = object
            object[path: ["metadata", "deletionTimestamp"]] = .string(timestamp())
            object[path: ["metadata", "deletionGracePeriodSeconds"]] = .int(0)
            if let generation = object[path: ["metadata", "generation"]]?.intValue {
                object[path: ["metadata", "generation"]] = .int(generation + 1)
            }
            if isNamespace { object[path: ["status", "phase"]] = "Terminating" }
            let next = nextResourceVersion()
            object[path: ["metadata", "resourceVersion"]] = .string(String(next))
            let key = ObjectKey(namespace: resource.namespaced ? namespace ?? "" : "", name: name)
            objects[resource.storageKey, default: [:]][key] = object
            record("MODIFIED", resource, object: object, resourceVersion: next, previous: previous)
            if isNamespace {
                emptyNamespace(name)
                if let finished = finishNamespaceIfEmpty(name) { return .deleted(finished) }
                if stored(resource, namespace: nil, name: name) == nil { return .deleted(served(object, as: resource)) }
            }
            return .pending(served(object, as: resource))
        }
        if policy == "Foreground" { collectDependents(of: uid, policy: "Background") }
        return .deleted(finishDeletion(object, resource, policy: policy))
    }

    /// Removes an object for good: records DELETED with a fresh resourceVersion, then runs the cascades
    /// (namespace contents, CRD objects, owner-reference dependents).
    @discardableResult
    mutating func finishDeletion(_ object: JSONValue, _ resource: ResourceType, policy: String) -> JSONValue {
        var object = object
        let namespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        objects[resource.storageKey]?[ObjectKey(namespace: resource.namespaced ? namespace : "", name: name)] = nil
        let version = nextResourceVersion()
        object[path: ["metadata", "resourceVersion"]] = .string(String(version))
        record("DELETED", resource, object: object, resourceVersion: version)
        if resource.group == "apiextensions.k8s.io", resource.plural == "customresourcedefinitions" { retire(object) }
        if let uid = object[path: ["metadata", "uid"]]?.stringValue {
            if policy == "Orphan" { orphanDependents(of: uid) } else { collectDependents(of: uid, policy: policy) }
        }
        if resource.namespaced, !namespace.isEmpty { _ = finishNamespaceIfEmpty(namespace) }
        return served(object, as: resource)
    }

    /// The resource to use when deleting an object of `storageKey` internally.
    private func anyResource(for storageKey: StorageKey) -> ResourceType? {
        resources.first { $0.storageKey == storageKey }
    }

    /// Every stored object whose ownerReferences name `uid`.
    private func dependents(of uid: String) -> [(ResourceType, JSONValue)] {
        var result: [(ResourceType, JSONValue)] = []
        for (storageKey, byKey) in objects {
            guard let resource = anyResource(for: storageKey) else { continue }
            for key in byKey.keys.sorted() {
                guard let object = byKey[key] else { continue }
                let owners = object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
                if owners.contains(where: { $0["uid"]?.stringValue == uid }) { result.append((resource, object)) }
            }
        }
        return result
    }

    /// Garbage collection: deletes dependents none of whose owners exist any more.
    private mutating func collectDependents(of uid: String, policy: String) {
        let liveUIDs = Set(
            objects.values.flatMap { $0.values.compactMap { $0[path: ["metadata", "uid"]]?.stringValue } })
        for (resource, object) in dependents(of: uid) {
            let owners = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).compactMap {
                $0["uid"]?.stringValue
            }
            guard owners.allSatisfy({ $0 == uid || !liveUIDs.contains($0) }) else { continue }
            let namespace = object[path: ["metadata", "namespace"]]?.stringValue
            let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
            _ = try? delete(
                resource, namespace: namespace, name: name, options: DeleteOptions(propagationPolicy: policy))
        }
    }

    /// Orphan policy: strips the owner's reference from its dependents.
    private mutating func orphanDependents(of uid: String) {
        for (resource, object) in dependents(of: uid) {
            var updated = object
            let remaining = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter {
                $0["uid"]?.stringValue != uid
            }
            updated[path: ["metadata", "ownerReferences"]] = remaining.isEmpty ? nil : .array(remaining)
            _ = try? replace(
                object, with: updated, resource, subresource: .main,
                ownership: .update(manager: "kube-controller-manager"))
        }
    }

    /// Namespace deletion: deletes every object in it (objects with finalizers stay until released).
    private mutating func emptyNamespace(_ namespace: String) {
        for storageKey in objects.keys.sorted(by: { ($0.group, $0.plural) < ($1.group, $1.plural) }) {
            guard let resource = anyResource(for: storageKey), resource.namespaced else { continue }
            for key in (objects[storageKey] ?? [:]).keys.sorted() where key.namespace == namespace {
                _ = try? delete(resource, namespace: namespace, name: key.name, options: DeleteOptions())
            }
        }
    }

    /// Removes a terminating namespace once nothing is left in it and it has no metadata finalizers.
    private mutating func finishNamespaceIfEmpty(_ namespace: String) -> JSONValue? {
        let namespaces = ResourceType.builtIns[0]
        guard let object = stored(namespaces, namespace: nil, name: namespace),
            object[path: ["metadata", "deletionTimestamp"]] != nil,
            (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty
        else { return nil }
        let occupied = objects.contains { storageKey, byKey in
            anyResource(for: storageKey)?.namespaced == true && byKey.keys.contains { $0.namespace == namespace }
        }
        if occupied { return nil }
        return finishDeletion(object, namespaces, policy: "Background")
    }
}
