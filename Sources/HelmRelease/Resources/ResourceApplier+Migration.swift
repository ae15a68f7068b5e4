import KubeAPI
import Logging

/// Moving field ownership that `helm`'s client-side apply recorded (an `Update` entry of the field manager) to the
/// field manager's server-side `Apply` entry, as Helm 4 does when it first upgrades a Helm 3 release
/// (`upgradeClientSideFieldManager`, after client-go's `csaupgrade`). Without it, fields a new chart version
/// drops would stay forever: server-side apply only removes fields its own `Apply` entry owned.
extension ResourceApplier {
    /// Rewrites `live`'s managedFields when they hold an `Update` entry of ``fieldManager``: its fields join the
    /// manager's `Apply` entry (which it becomes when there is none). Best effort: a failure (the object changed
    /// meanwhile, say) is logged and the apply goes ahead.
    func migrateClientSideOwnership(of resource: ReleaseResource, live: KubeObject) async {
        guard let entries = Self.migratedManagedFields(live["metadata", "managedFields"], manager: fieldManager)
        else { return }
        let patch = Patch.json([
            ["op": "test", "path": "/metadata/resourceVersion", "value": .string(live.resourceVersion)],
            ["op": "replace", "path": "/metadata/managedFields", "value": entries],
        ])
        do {
            _ = try await client.patch(resource.gvk, resource.key, patch: patch)
            logger.debug(
                "moved client-side field ownership to server-side apply",
                metadata: ["object": "\(resource.identity)", "manager": "\(fieldManager)"])
        } catch {
            logger.debug(
                "could not move client-side field ownership",
                metadata: ["object": "\(resource.identity)", "error": "\(error)"])
        }
    }

    /// The managedFields with every `Update` entry of `manager` merged into its `Apply` entry, or nil when there is
    /// no such `Update` entry.
    static func migratedManagedFields(_ managedFields: JSONValue?, manager: String) -> JSONValue? {
        guard let entries = managedFields?.arrayValue else { return nil }
        func isUpdate(_ entry: JSONValue) -> Bool {
            entry["manager"]?.stringValue == manager && entry["operation"]?.stringValue == "Update"
        }
        let updates = entries.filter(isUpdate)
        guard let firstUpdate = updates.first else { return nil }
        var kept = entries.filter { !isUpdate($0) }
        var updateFields: JSONValue = .object([:])
        for entry in updates { updateFields = unionFields(updateFields, entry["fieldsV1"] ?? .object([:])) }
        let applyIndex = kept.firstIndex {
            $0["manager"]?.stringValue == manager && $0["operation"]?.stringValue == "Apply"
        }
        if let applyIndex {
            var apply = kept[applyIndex]
            apply["fieldsV1"] = unionFields(apply["fieldsV1"] ?? .object([:]), updateFields)
            kept[applyIndex] = apply
        } else {
            var apply = firstUpdate
            apply["operation"] = "Apply"
            apply["fieldsV1"] = updateFields
            apply["fieldsType"] = "FieldsV1"
            kept.append(apply)
        }
        return .array(kept)
    }

    /// The union of two FieldsV1 trees (objects merge key by key; a field set is a tree of `f:`/`k:`/`v:` keys).
    static func unionFields(_ left: JSONValue, _ right: JSONValue) -> JSONValue {
        guard case .object(var members) = left, case .object(let others) = right else { return left }
        for (key, value) in others {
            members[key] = members[key].map { unionFields($0, value) } ?? value
        }
        return .object(members)
    }
}
