public import KubeAPI

/// One object the agent applied: enough to find it again (for prune) and to tell whether git changed it.
public struct InventoryEntry: Sendable, Hashable {
    /// The object.
    public var id: ObjectID
    /// The `apiVersion` it was applied with (used to address it when pruning).
    public var apiVersion: String
    /// The digest of the exact body last applied (``AppliedDigest``); equal digests mean nothing to send.
    public var digest: String
    /// The file and document it came from.
    public var origin: ManifestOrigin

    /// Creates an entry.
    public init(id: ObjectID, apiVersion: String, digest: String, origin: ManifestOrigin) {
        self.id = id
        self.apiVersion = apiVersion
        self.digest = digest
        self.origin = origin
    }

    /// The object's type with the version it was applied with.
    public var groupVersionKind: GroupVersionKind { GroupVersionKind(apiVersion: apiVersion, kind: id.kind) }

    /// One line of the stored inventory: a compact JSON array, so any character in a path survives.
    var line: String {
        let array: JSONValue = [
            .string(id.group), .string(id.kind), .string(id.namespace), .string(id.name), .string(apiVersion),
            .string(digest), .string(origin.file), JSONValue(integerLiteral: Int64(origin.document)),
        ]
        return array.serializedString()
    }

    /// Reads a line written by ``line``; `nil` when it is not one.
    init?(line: Substring) {
        guard let value = try? JSONValue(parsing: String(line)), let items = value.arrayValue, items.count == 8,
            let group = items[0].stringValue, let kind = items[1].stringValue, let namespace = items[2].stringValue,
            let name = items[3].stringValue, let apiVersion = items[4].stringValue,
            let digest = items[5].stringValue, let file = items[6].stringValue, let document = items[7].intValue
        else { return nil }
        self.init(
            id: ObjectID(group: group, kind: kind, namespace: namespace, name: name), apiVersion: apiVersion,
            digest: digest, origin: ManifestOrigin(file: file, document: Int(document)))
    }
}
