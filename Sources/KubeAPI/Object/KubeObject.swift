/// A Kubernetes object in dynamic ("unstructured") form: its JSON plus typed accessors for the common fields.
///
/// Any kind works, built-in or custom; read and write fields not covered by an accessor through ``json`` or the
/// subscript.
///
/// ```swift
/// var cm = KubeObject(.configMap, key: ObjectKey(namespace: "ns", name: "demo"))
/// cm["data"] = ["greeting": "hello"]
/// cm.labels["app"] = "demo"
/// ```
public struct KubeObject: Sendable, Hashable, CustomStringConvertible {
    /// The object's JSON; always an object.
    public var json: JSONValue

    /// Wraps JSON; a non-object becomes an empty object.
    public init(_ json: JSONValue) {
        if case .object = json { self.json = json } else { self.json = .object([:]) }
    }

    /// Creates an empty object of a kind with the given namespace and name.
    public init(_ gvk: GroupVersionKind, key: ObjectKey) {
        json = .object(["apiVersion": .string(gvk.apiVersion), "kind": .string(gvk.kind)])
        name = key.name
        if !key.namespace.isEmpty { namespace = key.namespace }
    }

    /// A top-level field, e.g. `obj["spec"]`; setting `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { json[key] }
        set { json[key] = newValue }
    }

    /// A nested field by path of keys, e.g. `obj["spec", "replicas"]`.
    public subscript(first: String, rest: String...) -> JSONValue? {
        get { json.value(at: [first] + rest) }
        set { json.setValue(newValue, at: [first] + rest) }
    }

    /// `apiVersion`, or empty.
    public var apiVersion: String {
        get { json["apiVersion"]?.stringValue ?? "" }
        set { json["apiVersion"] = .string(newValue) }
    }

    /// `kind`, or empty.
    public var kind: String {
        get { json["kind"]?.stringValue ?? "" }
        set { json["kind"] = .string(newValue) }
    }

    /// The group, version and kind from `apiVersion` and `kind`.
    public var groupVersionKind: GroupVersionKind { GroupVersionKind(apiVersion: apiVersion, kind: kind) }

    /// `metadata.name`, or empty.
    public var name: String {
        get { metaString("name") }
        set { setMeta("name", .string(newValue)) }
    }

    /// `metadata.namespace`, or empty (cluster-scoped objects have none).
    public var namespace: String {
        get { metaString("namespace") }
        set { setMeta("namespace", newValue.isEmpty ? nil : .string(newValue)) }
    }

    /// Namespace and name.
    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    /// `metadata.resourceVersion`, or empty. Set it to make an update conditional on it.
    public var resourceVersion: String {
        get { metaString("resourceVersion") }
        set { setMeta("resourceVersion", newValue.isEmpty ? nil : .string(newValue)) }
    }

    /// `metadata.uid`, or empty.
    public var uid: String { metaString("uid") }

    /// `metadata.generation`, or 0.
    public var generation: Int64 { json["metadata", "generation"]?.intValue ?? 0 }

    /// `metadata.labels`; setting an empty map removes the field.
    public var labels: [String: String] {
        get { stringMap("labels") }
        set { setMeta("labels", newValue.isEmpty ? nil : .object(newValue.mapValues { .string($0) })) }
    }

    /// `metadata.annotations`; setting an empty map removes the field.
    public var annotations: [String: String] {
        get { stringMap("annotations") }
        set { setMeta("annotations", newValue.isEmpty ? nil : .object(newValue.mapValues { .string($0) })) }
    }

    /// `metadata.finalizers`; setting an empty list removes the field.
    public var finalizers: [String] {
        get { json["metadata", "finalizers"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        set { setMeta("finalizers", newValue.isEmpty ? nil : .array(newValue.map { .string($0) })) }
    }

    /// `metadata.deletionTimestamp` as sent (RFC 3339), when the object is being deleted.
    public var deletionTimestamp: String? { json["metadata", "deletionTimestamp"]?.stringValue }

    /// `metadata.creationTimestamp` as sent (RFC 3339).
    public var creationTimestamp: String? { json["metadata", "creationTimestamp"]?.stringValue }

    /// The typed view of `metadata`.
    public var metadata: ObjectMeta { ObjectMeta(json["metadata"] ?? .object([:])) }

    /// `kind namespace/name`, for messages.
    public var description: String { "\(kind.isEmpty ? "object" : kind) \(key)" }

    private func metaString(_ field: String) -> String { json["metadata", field]?.stringValue ?? "" }

    private func stringMap(_ field: String) -> [String: String] {
        (json["metadata", field]?.objectValue ?? [:]).compactMapValues(\.stringValue)
    }

    private mutating func setMeta(_ field: String, _ value: JSONValue?) {
        json.setValue(value, at: ["metadata", field])
    }
}
