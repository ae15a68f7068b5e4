/// A typed, read-only view of an object's `metadata`.
public struct ObjectMeta: Sendable, Hashable {
    /// `name`.
    public var name: String
    /// `namespace`, empty for cluster-scoped objects.
    public var namespace: String
    /// `uid`.
    public var uid: String
    /// `resourceVersion`.
    public var resourceVersion: String
    /// `generation`, 0 when absent.
    public var generation: Int64
    /// `labels`.
    public var labels: [String: String]
    /// `annotations`.
    public var annotations: [String: String]
    /// `finalizers`.
    public var finalizers: [String]
    /// `creationTimestamp` (RFC 3339).
    public var creationTimestamp: String?
    /// `deletionTimestamp` (RFC 3339), set once deletion has begun.
    public var deletionTimestamp: String?
    /// `ownerReferences`.
    public var ownerReferences: [OwnerReference]

    /// An entry of `ownerReferences`.
    public struct OwnerReference: Sendable, Hashable {
        /// The owner's `apiVersion`.
        public var apiVersion: String
        /// The owner's `kind`.
        public var kind: String
        /// The owner's name.
        public var name: String
        /// The owner's uid.
        public var uid: String
        /// Whether this owner is the managing controller.
        public var controller: Bool
    }

    /// Reads a `metadata` object; missing fields take empty values.
    public init(_ json: JSONValue) {
        func strings(_ key: String) -> [String: String] {
            (json[key]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        }
        name = json["name"]?.stringValue ?? ""
        namespace = json["namespace"]?.stringValue ?? ""
        uid = json["uid"]?.stringValue ?? ""
        resourceVersion = json["resourceVersion"]?.stringValue ?? ""
        generation = json["generation"]?.intValue ?? 0
        labels = strings("labels")
        annotations = strings("annotations")
        finalizers = json["finalizers"]?.arrayValue?.compactMap(\.stringValue) ?? []
        creationTimestamp = json["creationTimestamp"]?.stringValue
        deletionTimestamp = json["deletionTimestamp"]?.stringValue
        ownerReferences = (json["ownerReferences"]?.arrayValue ?? []).map { ref in
            OwnerReference(
                apiVersion: ref["apiVersion"]?.stringValue ?? "", kind: ref["kind"]?.stringValue ?? "",
                name: ref["name"]?.stringValue ?? "", uid: ref["uid"]?.stringValue ?? "",
                controller: ref["controller"]?.boolValue ?? false)
        }
    }
}
