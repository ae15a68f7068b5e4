/// A patch to send with ``KubeClient/patch(_:key:patch:subresource:timeout:)``.
public struct Patch: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case merge, json, strategicMerge, apply(fieldManager: String, force: Bool)
    }
    let kind: Kind
    /// The patch document.
    public let body: JSONValue

    private init(_ kind: Kind, _ body: JSONValue) {
        self.kind = kind
        self.body = body
    }

    /// A JSON merge patch (RFC 7386): objects merge, `null` deletes, arrays replace.
    public static func merge(_ body: JSONValue) -> Patch { Patch(.merge, body) }

    /// A JSON patch (RFC 6902): a list of operations such as `{"op":"replace","path":"/data/a","value":"1"}`.
    public static func json(_ operations: [JSONValue]) -> Patch { Patch(.json, .array(operations)) }

    /// A strategic merge patch: like a merge patch, but lists merge by key where the built-in type says so.
    /// Custom resources do not support it (the server answers 415).
    public static func strategicMerge(_ body: JSONValue) -> Patch { Patch(.strategicMerge, body) }

    /// Server-side apply: the object is the desired state of the fields `fieldManager` owns.
    ///
    /// - Parameters:
    ///   - object: the fields to own, with `apiVersion`, `kind` and `metadata.name`.
    ///   - fieldManager: who owns the fields (required by the API).
    ///   - force: take fields other managers own instead of failing with Conflict.
    public static func apply(_ object: KubeObject, fieldManager: String, force: Bool = false) -> Patch {
        Patch(.apply(fieldManager: fieldManager, force: force), object.json)
    }

    /// The `Content-Type` the API expects for this kind of patch.
    var contentType: String {
        switch kind {
        case .merge: "application/merge-patch+json"
        case .json: "application/json-patch+json"
        case .strategicMerge: "application/strategic-merge-patch+json"
        case .apply: "application/apply-patch+yaml"
        }
    }
}
