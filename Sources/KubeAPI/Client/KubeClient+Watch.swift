extension KubeClient {
    /// Starts a watch and returns its events as an async sequence.
    ///
    /// To follow a collection without missing changes, list first and watch from the list's
    /// ``KubeObjectList/resourceVersion``; after the sequence ends, watch again from the last event's
    /// `metadata.resourceVersion`; on ``KubeAPIError/Code/gone``, list again.
    ///
    /// ```swift
    /// let list = try await client.list(.configMap, namespace: "ns")
    /// var version = list.resourceVersion
    /// for try await event in try await client.watch(.configMap, namespace: "ns",
    ///                                              options: WatchOptions(resourceVersion: version)) {
    ///     version = event.object.resourceVersion
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - gvk: the type.
    ///   - namespace: the namespace; `nil` or empty watches all namespaces.
    ///   - options: selectors, the version to start after, bookmarks and the server-side timeout.
    ///   - timeout: the limit for starting the watch (receiving the response head); the stream itself runs until
    ///     the server ends it or the iteration is cancelled. Default: ``Configuration/timeout``.
    /// - Throws: ``KubeAPIError`` (``KubeAPIError/Code/gone`` when the version is too old, on servers that reject
    ///   it up front rather than with an ERROR event).
    public func watch(
        _ gvk: GroupVersionKind, namespace: String? = nil, options: WatchOptions = WatchOptions(),
        timeout: Duration? = nil
    ) async throws -> WatchEventStream {
        let mapping = try await resourceMapping(for: gvk, timeout: timeout)
        let action = "watch \(gvk.kind) in \(namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "all namespaces")"
        let call = APICall(
            method: "GET", path: mapping.path(namespace: namespace), query: options.queryItems, action: action)
        let response = try await performStreaming(call, timeout: timeout)
        return WatchEventStream(
            body: response.body, maximumLineBytes: configuration.maximumWatchLineBytes, context: action)
    }
}
