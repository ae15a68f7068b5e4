/// Options for list calls: selectors, paging and the resourceVersion to read at.
public struct ListOptions: Sendable, Hashable {
    /// Only objects whose labels match. Default: none (all objects).
    public var labelSelector: LabelSelector?
    /// A field selector such as `metadata.name=x` (the API supports `metadata.name` and `metadata.namespace` on
    /// every kind, and a few per-kind fields). Default: none.
    public var fieldSelector: String?
    /// At most this many items per page; the server returns a `continue` token when more remain. Default: no limit.
    public var limit: Int?
    /// The `continue` token from the previous page. Default: none (first page).
    public var continueToken: String?
    /// Read at this resourceVersion (`"0"` allows a cached read). Default: none (a consistent, current read).
    public var resourceVersion: String?

    /// Creates list options; every parameter defaults to "not set".
    public init(
        labelSelector: LabelSelector? = nil, fieldSelector: String? = nil, limit: Int? = nil,
        continueToken: String? = nil, resourceVersion: String? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
    }

    /// The query items these options add, in a fixed order.
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let labelSelector, !labelSelector.requirements.isEmpty {
            items.append(("labelSelector", "\(labelSelector)"))
        }
        if let fieldSelector, !fieldSelector.isEmpty { items.append(("fieldSelector", fieldSelector)) }
        if let limit { items.append(("limit", String(limit))) }
        if let continueToken, !continueToken.isEmpty { items.append(("continue", continueToken)) }
        if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
        return items
    }
}
