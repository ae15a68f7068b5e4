/// The open watches and the routing of store events to them.
///
/// Lives inside the server's lock next to the ``ObjectStore``, so an event is queued to every watcher in the same
/// critical section as the write that caused it; each watcher's stream therefore sees events in resourceVersion
/// order with no gaps.
struct WatchHub: Sendable {
    /// What a watch stream carries.
    enum Message: Sendable, Equatable {
        /// A watch event line: type and the object as served.
        case event(type: String, object: JSONValue)
        /// A terminal ERROR event with a Status, after which the stream ends.
        case error(APIError)
    }

    /// What one watch selects.
    struct Filter: Sendable {
        /// The resource (and version) watched.
        var resource: ResourceType
        /// One namespace, or nil for all.
        var namespace: String?
        /// Label selector.
        var labelSelector: LabelSelector
        /// Field selector.
        var fieldSelector: FieldSelector
        /// Whether BOOKMARK events were asked for (`allowWatchBookmarks=true`).
        var bookmarks: Bool

        /// Whether the stored object passes the namespace and selectors.
        func matches(_ object: JSONValue) -> Bool {
            if let namespace, resource.namespaced,
                object[path: ["metadata", "namespace"]]?.stringValue != namespace
            {
                return false
            }
            return labelSelector.matches(ObjectStore.labels(of: object)) && fieldSelector.matches(object)
        }

        /// The event(s) a store event becomes for this watch, as kube's cacher does: a MODIFIED object that starts
        /// (stops) matching arrives as ADDED (DELETED).
        func translate(_ event: ObjectStore.Event) -> Message? {
            guard event.storageKey == resource.storageKey else { return nil }
            let nowMatches = matches(event.object)
            switch event.type {
            case "MODIFIED":
                let before = event.previous.map(matches) ?? nowMatches
                switch (before, nowMatches) {
                case (true, true): return .event(type: "MODIFIED", object: serve(event.object))
                case (false, true): return .event(type: "ADDED", object: serve(event.object))
                case (true, false):
                    var gone = event.previous ?? event.object
                    gone[path: ["metadata", "resourceVersion"]] = .string(String(event.resourceVersion))
                    return .event(type: "DELETED", object: serve(gone))
                case (false, false): return nil
                }
            default:
                return nowMatches ? .event(type: event.type, object: serve(event.object)) : nil
            }
        }

        /// The object at the watched version.
        func serve(_ object: JSONValue) -> JSONValue {
            var copy = object
            copy["apiVersion"] = .string(resource.apiVersion)
            return copy
        }

        /// A BOOKMARK event at `resourceVersion` (an object with only kind, apiVersion and resourceVersion).
        func bookmark(_ resourceVersion: Int64, annotations: [String: JSONValue] = [:]) -> Message {
            var metadata: [String: JSONValue] = ["resourceVersion": .string(String(resourceVersion))]
            if !annotations.isEmpty { metadata["annotations"] = .object(annotations) }
            return .event(
                type: "BOOKMARK",
                object: .object([
                    "kind": .string(resource.kind), "apiVersion": .string(resource.apiVersion),
                    "metadata": .object(metadata),
                ]))
        }
    }

    private struct Subscriber: Sendable {
        var filter: Filter
        var continuation: AsyncStream<Message>.Continuation
    }

    private var subscribers: [Int: Subscriber] = [:]
    private var nextID = 0

    /// Number of open watches.
    var count: Int { subscribers.count }

    /// Registers a watch; returns its id for ``remove(_:)``.
    mutating func add(_ filter: Filter, continuation: AsyncStream<Message>.Continuation) -> Int {
        nextID += 1
        subscribers[nextID] = Subscriber(filter: filter, continuation: continuation)
        return nextID
    }

    /// Forgets a watch (its stream has ended or its client left).
    mutating func remove(_ id: Int) {
        subscribers.removeValue(forKey: id)?.continuation.finish()
    }

    /// Queues each event to every watch that selects it.
    func dispatch(_ events: [ObjectStore.Event]) {
        guard !events.isEmpty else { return }
        for subscriber in subscribers.values {
            for event in events {
                if let message = subscriber.filter.translate(event) { subscriber.continuation.yield(message) }
            }
        }
    }

    /// Sends a BOOKMARK at `resourceVersion` to every watch that allows bookmarks.
    func bookmarkAll(_ resourceVersion: Int64) {
        for subscriber in subscribers.values where subscriber.filter.bookmarks {
            subscriber.continuation.yield(subscriber.filter.bookmark(resourceVersion))
        }
    }

    /// Sends a BOOKMARK to one watch.
    func bookmark(_ id: Int, _ resourceVersion: Int64) {
        guard let subscriber = subscribers[id], subscriber.filter.bookmarks else { return }
        subscriber.continuation.yield(subscriber.filter.bookmark(resourceVersion))
    }

    /// Ends every watch stream; clients see the response end.
    mutating func cutAll() {
        for subscriber in subscribers.values { subscriber.continuation.finish() }
        subscribers.removeAll()
    }
}
