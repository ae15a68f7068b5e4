/// Options for a watch.
public struct WatchOptions: Sendable, Hashable {
    /// Only objects whose labels match. Default: none.
    public var labelSelector: LabelSelector?
    /// A field selector such as `metadata.name=x`. Default: none.
    public var fieldSelector: String?
    /// Start after this version (usually a list's ``KubeObjectList/resourceVersion`` or the last event's). An old
    /// version fails with ``KubeAPIError/Code/gone``. Default: none (the server first sends ADDED for every
    /// existing object).
    public var resourceVersion: String?
    /// Ask for BOOKMARK events, which advance the resourceVersion to resume from. Default: `true`.
    public var allowBookmarks: Bool
    /// Ask the server to end the watch after this long (it ends cleanly; start a new one). Default: none (the
    /// server's own limit, minutes on kube-apiserver).
    public var timeoutSeconds: Int?

    /// Creates watch options; every parameter has the default listed on its property.
    public init(
        labelSelector: LabelSelector? = nil, fieldSelector: String? = nil, resourceVersion: String? = nil,
        allowBookmarks: Bool = true, timeoutSeconds: Int? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
        self.allowBookmarks = allowBookmarks
        self.timeoutSeconds = timeoutSeconds
    }

    var queryItems: [(String, String)] {
        var items: [(String, String)] = [("watch", "true")]
        if let labelSelector, !labelSelector.requirements.isEmpty {
            items.append(("labelSelector", "\(labelSelector)"))
        }
        if let fieldSelector, !fieldSelector.isEmpty { items.append(("fieldSelector", fieldSelector)) }
        if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
        if allowBookmarks { items.append(("allowWatchBookmarks", "true")) }
        if let timeoutSeconds { items.append(("timeoutSeconds", String(timeoutSeconds))) }
        return items
    }
}
