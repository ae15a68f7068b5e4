/// Server-side apply (`application/apply-patch+yaml`) over ``ManagedFields``.
///
/// Simplified from kube's structured-merge-diff, documented in Docs.docc:
/// - A field is a leaf path of object keys; lists are atomic (owned and replaced whole).
/// - Applying sets every field of the applied object (maps merge, everything else replaces) and then removes the
///   fields this manager applied last time, left out now, and owned by no other manager.
/// - A conflict is a field the applied object gives a different value than the live object while another manager
///   (Apply or Update entry) owns that field (or an overlapping parent/child path). Without `force` that is a 409 with
///   kube's `Apply failed with N conflict(s)` message; with `force` ownership moves to the applier.
/// - Fields whose values match are shared; nobody loses them.
enum ServerSideApply {
    /// One contested field.
    struct Conflict: Sendable, Equatable {
        /// The other manager's entry.
        var entry: ManagedFields.Entry
        /// The contested path.
        var path: [String]
    }

    /// Merges `applied` into `live` (nil when creating) for `manager`.
    ///
    /// - Returns: the new object with `metadata.managedFields` updated.
    /// - Throws: a 409 Conflict ``APIError`` listing conflicts when `force` is false.
    static func apply(
        _ applied: JSONValue, to live: JSONValue?, manager: String, force: Bool, resource: ResourceType, now: String
    ) throws(APIError) -> JSONValue {
        var applied = applied
        applied[path: ["metadata", "managedFields"]] = nil
        let excludeStatus = resource.hasStatus
        let appliedFields = ManagedFields.fields(of: applied, excludingStatus: excludeStatus)
        var managed = live.map(ManagedFields.init(of:)) ?? ManagedFields(entries: [])
        let base = live ?? .object([:])

        var conflicts: [Conflict] = []
        for entry in managed.entries where entry.manager != manager {
            for owned in entry.fields {
                for path in appliedFields where ManagedFields.overlaps(owned, path) {
                    let shorter = owned.count <= path.count ? owned : path
                    let liveValue = base[path: shorter] ?? .null
                    let newValue = applied[path: shorter] ?? .null
                    if !liveValue.semanticallyEquals(newValue) {
                        conflicts.append(Conflict(entry: entry, path: owned))
                        break
                    }
                }
            }
        }
        if !conflicts.isEmpty && !force {
            throw conflictError(conflicts, resource: resource, name: applied[path: ["metadata", "name"]]?.stringValue)
        }

        // Fields this manager applied before, omits now, and nobody else owns are removed.
        var merged = base
        let previous = managed.entries.first { $0.manager == manager && $0.operation == "Apply" }?.fields ?? []
        let othersOwn = managed.entries.filter { $0.manager != manager || $0.operation != "Apply" }
            .reduce(into: Set<[String]>()) { $0.formUnion($1.fields) }
        for path in previous where !appliedFields.contains(path) && !othersOwn.contains(path) {
            if !appliedFields.contains(where: { ManagedFields.overlaps($0, path) }) {
                merged[path: path] = nil
            }
        }
        merged = deepMerge(applied, into: merged)

        // Forced or changed fields leave the other managers.
        var changed = ManagedFields.changedFields(from: live, to: merged, excludingStatus: excludeStatus)
        changed.formIntersection(appliedFields)
        for index in managed.entries.indices where managed.entries[index].manager != manager {
            managed.entries[index].fields = managed.entries[index].fields.filter { owned in
                !changed.contains { ManagedFields.overlaps($0, owned) }
            }
        }
        let apiVersion = applied["apiVersion"]?.stringValue ?? resource.apiVersion
        if let index = managed.entries.firstIndex(where: { $0.manager == manager && $0.operation == "Apply" }) {
            managed.entries[index].fields = appliedFields
            managed.entries[index].time = now
            managed.entries[index].apiVersion = apiVersion
        } else {
            managed.entries.append(
                ManagedFields.Entry(
                    manager: manager, operation: "Apply", apiVersion: apiVersion, time: now, fields: appliedFields))
        }
        managed.entries.removeAll { $0.fields.isEmpty }
        managed.write(into: &merged)
        return merged
    }

    /// Records a non-apply write (create, update, patch) by `manager` as kube does: the fields it changed move to
    /// its `Update` entry.
    static func recordUpdate(
        from before: JSONValue?, to after: inout JSONValue, manager: String, resource: ResourceType, now: String
    ) {
        var managed = ManagedFields(of: before ?? .object([:]))
        let changed = ManagedFields.changedFields(from: before, to: after, excludingStatus: resource.hasStatus)
        let present = ManagedFields.fields(of: after, excludingStatus: resource.hasStatus)
        for index in managed.entries.indices {
            managed.entries[index].fields = managed.entries[index].fields.filter { owned in
                present.contains(owned) && !changed.contains { ManagedFields.overlaps($0, owned) }
            }
        }
        if !changed.isEmpty {
            let apiVersion = after["apiVersion"]?.stringValue ?? resource.apiVersion
            if let index = managed.entries.firstIndex(where: { $0.manager == manager && $0.operation == "Update" }) {
                managed.entries[index].fields.formUnion(changed)
                managed.entries[index].time = now
            } else {
                managed.entries.append(
                    ManagedFields.Entry(
                        manager: manager, operation: "Update", apiVersion: apiVersion, time: now, fields: changed))
            }
        }
        managed.entries.removeAll { $0.fields.isEmpty }
        managed.write(into: &after)
    }

    /// Objects merge member by member; any other value replaces.
    static func deepMerge(_ source: JSONValue, into target: JSONValue) -> JSONValue {
        guard case .object(let sourceMembers) = source, case .object(var targetMembers) = target else { return source }
        for (key, value) in sourceMembers {
            targetMembers[key] = targetMembers[key].map { deepMerge(value, into: $0) } ?? value
        }
        return .object(targetMembers)
    }

    /// kube's `NewApplyConflict` message and causes.
    static func conflictError(_ conflicts: [Conflict], resource: ResourceType, name: String?) -> APIError {
        func describe(_ entry: ManagedFields.Entry) -> String {
            entry.operation == "Update"
                ? "\"\(entry.manager)\" using \(entry.apiVersion) at \(entry.time)" : "\"\(entry.manager)\""
        }
        func render(_ path: [String]) -> String { path.map { "." + $0 }.joined() }
        let message: String
        if conflicts.count == 1 {
            message =
                "Apply failed with 1 conflict: conflict with \(describe(conflicts[0].entry)): "
                + render(conflicts[0].path)
        } else {
            var lines: [String] = []
            let managers = Set(conflicts.map { describe($0.entry) }).sorted()
            for manager in managers {
                lines.append("conflicts with \(manager):")
                for conflict in conflicts where describe(conflict.entry) == manager {
                    lines.append("- \(render(conflict.path))")
                }
            }
            message = "Apply failed with \(conflicts.count) conflicts: " + lines.joined(separator: "\n")
        }
        let causes: [JSONValue] = conflicts.map {
            .object([
                "reason": "FieldManagerConflict", "message": .string("conflict with \(describe($0.entry))"),
                "field": .string(render($0.path)),
            ])
        }
        return APIError(code: 409, reason: "Conflict", message: message, details: .object(["causes": .array(causes)]))
    }
}
