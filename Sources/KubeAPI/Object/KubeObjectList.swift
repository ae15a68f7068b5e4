/// One page of a list call: the items plus the list's `resourceVersion` and `continue` token.
public struct KubeObjectList: Sendable, Hashable {
    /// The objects on this page.
    public var items: [KubeObject]
    /// `metadata.resourceVersion` of the list: start a watch from here to see every later change.
    public var resourceVersion: String
    /// `metadata.continue`: pass it back in ``ListOptions/continueToken`` for the next page; empty on the last page.
    public var continueToken: String
    /// `metadata.remainingItemCount`, when the server reported it.
    public var remainingItemCount: Int64?

    /// Creates a list page.
    public init(
        items: [KubeObject], resourceVersion: String = "", continueToken: String = "",
        remainingItemCount: Int64? = nil
    ) {
        self.items = items
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
        self.remainingItemCount = remainingItemCount
    }

    /// Reads a `...List` object. Items lack `apiVersion` and `kind` on the wire; they get the list's own, with the
    /// `List` suffix removed, as client-go's unstructured list does.
    ///
    /// - Throws: ``KubeAPIError/Code/decoding`` when `items` is present but not an array.
    public init(_ json: JSONValue, context: String = "list") throws(KubeAPIError) {
        guard case .object = json else { throw .decoding("\(context): response is not a JSON object") }
        let rawItems = json["items"] ?? .array([])
        guard case .array(let elements) = rawItems else { throw .decoding("\(context): items is not an array") }
        let apiVersion = json["apiVersion"]?.stringValue
        var kind = json["kind"]?.stringValue
        if let k = kind, k.hasSuffix("List") { kind = String(k.dropLast(4)) } else { kind = nil }
        items = elements.map { element in
            var object = KubeObject(element)
            if object.apiVersion.isEmpty, let apiVersion { object.apiVersion = apiVersion }
            if object.kind.isEmpty, let kind { object.kind = kind }
            return object
        }
        resourceVersion = json["metadata", "resourceVersion"]?.stringValue ?? ""
        continueToken = json["metadata", "continue"]?.stringValue ?? ""
        remainingItemCount = json["metadata", "remainingItemCount"]?.intValue
    }
}
