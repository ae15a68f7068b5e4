import Synchronization
import KubeAPI
import Logging

extension Informer {
    /// The reflector loop: list when there is no version to resume from, then watch; back off on failure.
    ///
    /// | state            | event                          | next                                   |
    /// |------------------|--------------------------------|----------------------------------------|
    /// | no version       | list succeeds                  | watch from the list's version          |
    /// | no version       | list fails                     | back off, list again                   |
    /// | version          | watch ends cleanly             | watch again from the last version      |
    /// | version          | 410 Gone (start or ERROR event)| no version (relist at once)            |
    /// | version          | any other failure              | back off, watch again from the version |
    func runListWatch() async {
        var version: String?
        var failures = 0
        let logger = configuration.logger
        while !Task.isCancelled {
            do {
                if version == nil {
                    version = try await listAndReplace()
                    failures = 0
                }
                if let start = version {
                    let sawEvent = try await watch(from: start) { version = $0 }
                    if sawEvent { failures = 0 }
                }
            } catch let error as KubeAPIError where error.code == .gone {
                logger.debug(
                    "watch version expired; relisting",
                    metadata: ["k8s.kind": "\(groupVersionKind.kind)", "error": "\(error.message)"])
                version = nil
            } catch {
                if Task.isCancelled { return }
                failures += 1
                progress.withLock { $0.failures += 1 }
                let delay = configuration.backoff(afterFailures: failures)
                logger.warning(
                    "list/watch failed; retrying",
                    metadata: [
                        "k8s.kind": "\(groupVersionKind.kind)", "error": "\(error)", "retry.after": "\(delay)",
                    ])
                do { try await clock.sleep(delay) } catch { return }
            }
        }
    }

    /// Lists everything, replaces the cache with it and delivers the differences.
    ///
    /// - Returns: the list's resourceVersion.
    private func listAndReplace() async throws -> String {
        let options = ListOptions(
            labelSelector: configuration.labelSelector, fieldSelector: configuration.fieldSelector,
            limit: configuration.pageSize)
        let list = try await client.listAll(groupVersionKind, namespace: configuration.namespace, options: options)
        let items = list.items.map { object -> KubeObject in
            var object = object
            if object.apiVersion.isEmpty { object.apiVersion = groupVersionKind.apiVersion }
            if object.kind.isEmpty { object.kind = groupVersionKind.kind }
            return object
        }
        let events = cache.replace(with: items)
        progress.withLock {
            $0.lists += 1
            $0.resourceVersion = list.resourceVersion
        }
        deliver(events)
        cache.markSynced()
        return list.resourceVersion
    }

    /// Watches from `version` until the stream ends, applying each event to the cache.
    ///
    /// - Parameter advance: called with each event's resourceVersion, so a later watch resumes after it.
    /// - Returns: whether any event (bookmarks included) arrived.
    private func watch(from version: String, advance: (String) -> Void) async throws -> Bool {
        let timeout = configuration.watchTimeout.map { Int($0.components.seconds) } ?? Int.random(in: 300...600)
        let options = WatchOptions(
            labelSelector: configuration.labelSelector, fieldSelector: configuration.fieldSelector,
            resourceVersion: version, allowBookmarks: true, timeoutSeconds: max(timeout, 1))
        let stream = try await client.watch(groupVersionKind, namespace: configuration.namespace, options: options)
        progress.withLock { $0.watches += 1 }
        var sawEvent = false
        for try await event in stream {
            sawEvent = true
            var object = event.object
            if !object.resourceVersion.isEmpty {
                advance(object.resourceVersion)
                progress.withLock { $0.resourceVersion = object.resourceVersion }
            }
            if object.apiVersion.isEmpty { object.apiVersion = groupVersionKind.apiVersion }
            if object.kind.isEmpty { object.kind = groupVersionKind.kind }
            switch event.type {
            case .added, .modified:
                if let old = cache.upsert(object) {
                    deliver([.updated(old: old, new: object)])
                } else {
                    deliver([.added(object)])
                }
            case .deleted:
                let old = cache.remove(object.key)
                deliver([.deleted(old ?? object)])
            default:
                // BOOKMARK: only the version moves.
                break
            }
        }
        return sawEvent
    }
}
