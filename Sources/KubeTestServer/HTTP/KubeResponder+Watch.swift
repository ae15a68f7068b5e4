import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// `?watch=true`: a chunked stream of JSON event lines.
extension KubeResponder {
    /// Opens a watch.
    ///
    /// Without `resourceVersion` (or with `0`, or with `sendInitialEvents=true`) the stream starts with a synthetic
    /// ADDED per current object; with a resourceVersion it replays the retained events after it, or sends one ERROR
    /// event with a 410 Expired Status when they are gone. Live events follow. `timeoutSeconds` ends the stream;
    /// `allowWatchBookmarks=true` adds BOOKMARK events every ``KubeTestServer/Configuration/bookmarkInterval`` and
    /// on ``KubeTestServer/sendBookmarks()``.
    func watch(_ request: APIRequest, target: ResourceTarget) throws(APIError) -> Response {
        let options = try Self.listOptions(request, target.resource)
        let bookmarks = request.flag("allowWatchBookmarks")
        let filter = WatchHub.Filter(
            resource: target.resource, namespace: target.namespace, labelSelector: options.labelSelector,
            fieldSelector: options.fieldSelector, bookmarks: bookmarks)
        let requested = request.query["resourceVersion"] ?? ""
        let sendInitial = request.flag("sendInitialEvents")
        var startVersion: Int64?
        if !requested.isEmpty && requested != "0" {
            guard let version = Int64(requested), version >= 0 else {
                throw APIError.badRequest("resourceVersion: Invalid value: \"\(requested)\": must be a valid integer")
            }
            startVersion = version
        }
        var timeout: Duration?
        if let text = request.query["timeoutSeconds"], !text.isEmpty {
            guard let seconds = Int64(text), seconds >= 0 else {
                throw APIError.badRequest("timeoutSeconds: Invalid value: \"\(text)\": must be a non-negative integer")
            }
            timeout = .seconds(seconds)
        }
        let (stream, continuation) = AsyncStream<WatchHub.Message>.makeStream()
        let id: Int? = server.state.withLock { state -> Int? in
            if let startVersion, !sendInitial {
                do throws(APIError) {
                    for event in try state.store.events(after: startVersion, for: target.resource.storageKey) {
                        if let message = filter.translate(event) { continuation.yield(message) }
                    }
                } catch {
                    continuation.yield(.error(error))
                    continuation.finish()
                    return nil
                }
            } else {
                let current = state.store.objects[target.resource.storageKey] ?? [:]
                for key in current.keys.sorted() {
                    guard let object = current[key], filter.matches(object) else { continue }
                    continuation.yield(.event(type: "ADDED", object: filter.serve(object)))
                }
                if sendInitial && bookmarks {
                    continuation.yield(
                        filter.bookmark(state.store.resourceVersion, annotations: ["k8s.io/initial-events-end": "true"])
                    )
                }
            }
            return state.hub.add(filter, continuation: continuation)
        }
        let server = self.server
        let timeoutDuration = timeout
        let interval = server.configuration.bookmarkInterval
        let body = ResponseBody { writer in
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    if let timeoutDuration {
                        group.addTask {
                            try await Task.sleep(for: timeoutDuration)
                            continuation.finish()
                        }
                    }
                    if bookmarks, let id {
                        group.addTask {
                            while true {
                                try await Task.sleep(for: interval)
                                server.state.withLock { $0.hub.bookmark(id, $0.store.resourceVersion) }
                            }
                        }
                    }
                    for await message in stream {
                        try await writer.write(ByteBuffer(bytes: Self.eventLine(message)))
                        if case .error = message { break }
                    }
                    group.cancelAll()
                }
            } catch {
                if let id { server.state.withLock { $0.hub.remove(id) } }
                throw error
            }
            if let id { server.state.withLock { $0.hub.remove(id) } }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: body)
    }

    /// One event as a JSON line: `{"type":"ADDED","object":{...}}`.
    static func eventLine(_ message: WatchHub.Message) -> [UInt8] {
        let event: JSONValue
        switch message {
        case .event(let type, let object): event = .object(["type": .string(type), "object": object])
        case .error(let error): event = .object(["type": "ERROR", "object": error.statusObject()])
        }
        return event.serializedBytes() + [UInt8(ascii: "\n")]
    }
}
