/// Field ownership as recorded in `metadata.managedFields`.
///
/// Simplification of kube's structured-merge-diff: a field is a path of object keys; every object is descended
/// into (an empty one owns nothing) and everything else (scalars, lists) is one atomic field. So a list such as
/// `spec.containers` is owned as a whole, where kube would own each element by its merge key. Entries are encoded
/// as kube's `FieldsV1` (`{"f:data":{"f:key":{}}}`), so clients read them the same way.
struct ManagedFields: Sendable, Equatable {
    /// One manager's entry.
    struct Entry: Sendable, Equatable {
        /// The `fieldManager` name.
        var manager: String
        /// `Apply` or `Update`.
        var operation: String
        /// The apiVersion the manager used.
        var apiVersion: String
        /// RFC 3339 time of the last write by this entry.
        var time: String
        /// The fields owned.
        var fields: Set<[String]>
    }

    /// Entries in the order kube keeps them (oldest first).
    var entries: [Entry]

    /// Wraps entries.
    init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads `metadata.managedFields` of `object`; unreadable entries are dropped.
    init(of object: JSONValue) {
        entries = (object[path: ["metadata", "managedFields"]]?.arrayValue ?? []).compactMap { raw in
            guard let manager = raw["manager"]?.stringValue, let operation = raw["operation"]?.stringValue else {
                return nil
            }
            return Entry(
                manager: manager, operation: operation, apiVersion: raw["apiVersion"]?.stringValue ?? "",
                time: raw["time"]?.stringValue ?? "", fields: Self.decode(raw["fieldsV1"] ?? .object([:]), prefix: []))
        }
    }

    /// Writes these entries into `object`'s `metadata.managedFields` (removing the key when empty).
    func write(into object: inout JSONValue) {
        let live = entries.filter { !$0.fields.isEmpty }
        if live.isEmpty {
            object[path: ["metadata", "managedFields"]] = nil
            return
        }
        object[path: ["metadata", "managedFields"]] = .array(
            live.map { entry in
                .object([
                    "manager": .string(entry.manager), "operation": .string(entry.operation),
                    "apiVersion": .string(entry.apiVersion), "time": .string(entry.time),
                    "fieldsType": "FieldsV1", "fieldsV1": Self.encode(entry.fields),
                ])
            })
    }

    // MARK: Field sets

    /// Metadata fields a manager can own; the rest of metadata is server-managed.
    private static let ownableMetadata: Set<String> = ["labels", "annotations", "finalizers", "ownerReferences"]

    /// The owned fields of `object`: leaf paths, skipping apiVersion/kind, server-managed metadata and, when the
    /// resource has a status subresource, status.
    static func fields(of object: JSONValue, excludingStatus: Bool) -> Set<[String]> {
        var result: Set<[String]> = []
        guard case .object(let members) = object else { return result }
        for (key, value) in members {
            switch key {
            case "apiVersion", "kind": continue
            case "status" where excludingStatus: continue
            case "metadata":
                for (metaKey, metaValue) in value.objectValue ?? [:] where ownableMetadata.contains(metaKey) {
                    collect(metaValue, prefix: ["metadata", metaKey], into: &result)
                }
            default: collect(value, prefix: [key], into: &result)
            }
        }
        return result
    }

    /// Empty objects own nothing: applying `data: {}` must not contest the keys other managers set.
    private static func collect(_ value: JSONValue, prefix: [String], into result: inout Set<[String]>) {
        if case .object(let members) = value {
            for (key, child) in members { collect(child, prefix: prefix + [key], into: &result) }
        } else {
            result.insert(prefix)
        }
    }

    /// The fields of `after` that are new or hold a different value than in `before`.
    static func changedFields(from before: JSONValue?, to after: JSONValue, excludingStatus: Bool) -> Set<[String]> {
        fields(of: after, excludingStatus: excludingStatus).filter { path in
            guard let before, let old = before[path: path] else { return true }
            return !(after[path: path] ?? .null).semanticallyEquals(old)
        }
    }

    /// Whether two paths overlap (equal, or one is a prefix of the other).
    static func overlaps(_ left: [String], _ right: [String]) -> Bool {
        let count = min(left.count, right.count)
        return Array(left.prefix(count)) == Array(right.prefix(count))
    }

    // MARK: FieldsV1

    private static func encode(_ fields: Set<[String]>) -> JSONValue {
        var root = JSONValue.object([:])
        for path in fields.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let keys = path.map { "f:" + $0 }
            if root[path: keys] == nil { root[path: keys] = .object([:]) }
        }
        // A path that is both owned and a parent of owned paths gets kube's "." marker.
        for path in fields {
            let keys = path.map { "f:" + $0 }
            if let node = root[path: keys]?.objectValue, !node.isEmpty, node["."] == nil {
                root[path: keys + ["."]] = .object([:])
            }
        }
        return root
    }

    private static func decode(_ node: JSONValue, prefix: [String]) -> Set<[String]> {
        guard case .object(let members) = node else { return [] }
        if members.isEmpty { return prefix.isEmpty ? [] : [prefix] }
        var result: Set<[String]> = []
        for (key, child) in members {
            if key == "." {
                result.insert(prefix)
            } else if key.hasPrefix("f:") {
                result.formUnion(decode(child, prefix: prefix + [String(key.dropFirst(2))]))
            } else if !prefix.isEmpty {
                // "k:"/"v:"/"i:" list-element keys: this server owns lists whole.
                result.insert(prefix)
            }
        }
        return result
    }
}
