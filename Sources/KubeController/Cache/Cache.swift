public import KubeAPI
import Synchronization

/// The local store an ``Informer`` keeps of one kind: reads come from memory, never from the API server.
///
/// ``get(_:)`` and ``list(namespace:labelSelector:)`` return the objects as the last watch event left them;
/// ``byIndex(_:_:)`` finds objects through a named ``IndexFunction``. Until ``hasSynced`` is true (the first list
/// has been stored) the cache may be incomplete; ``waitForCacheSync()`` waits for it (controller-runtime's
/// `cache.Cache`).
///
/// - Important: Objects are values; change a copy and write it through a ``KubeClient``, then let the watch bring
///   the new state back.
public final class Cache: Sendable {
    /// The kind this cache holds.
    public let groupVersionKind: GroupVersionKind

    struct State: Sendable {
        var objects: [ObjectKey: KubeObject] = [:]
        var indexers: [String: IndexFunction] = [:]
        var indices: [String: [String: Set<ObjectKey>]] = [:]
        var synced = false
        var syncWaiters: [Int: CheckedContinuation<Void, any Error>] = [:]
        var cancelledWaiters: Set<Int> = []
        var nextWaiterID = 0
    }

    let state = Mutex(State())

    /// Creates an empty cache of `groupVersionKind`.
    public init(_ groupVersionKind: GroupVersionKind) { self.groupVersionKind = groupVersionKind }

    // MARK: Reads

    /// The object with `key`, or `nil` when the cache has none.
    public func get(_ key: ObjectKey) -> KubeObject? { state.withLock { $0.objects[key] } }

    /// The objects in `namespace` (all when `nil`) whose labels match `labelSelector`, ordered by key.
    public func list(namespace: String? = nil, labelSelector: LabelSelector? = nil) -> [KubeObject] {
        let objects = state.withLock { state -> [KubeObject] in
            state.objects.values.filter { object in
                if let namespace, object.namespace != namespace { return false }
                if let labelSelector, !labelSelector.matches(object.labels) { return false }
                return true
            }
        }
        return objects.sorted { $0.key < $1.key }
    }

    /// The keys of every cached object, ordered.
    public var keys: [ObjectKey] { state.withLock { Array($0.objects.keys) }.sorted() }

    /// How many objects the cache holds.
    public var count: Int { state.withLock { $0.objects.count } }

    // MARK: Indexes

    /// Adds (or replaces) the index `name`, computed at once over the objects already cached.
    public func addIndex(_ name: String, _ function: IndexFunction) {
        state.withLock { state in
            state.indexers[name] = function
            var index: [String: Set<ObjectKey>] = [:]
            for (key, object) in state.objects {
                for value in function.values(object) { index[value, default: []].insert(key) }
            }
            state.indices[name] = index
        }
    }

    /// The objects whose index `name` has `value`, ordered by key.
    ///
    /// - Throws: ``ControllerError/Code/invalidConfiguration`` when no index is called `name`.
    public func byIndex(_ name: String, _ value: String) throws(ControllerError) -> [KubeObject] {
        let found = state.withLock { state -> [KubeObject]? in
            guard let index = state.indices[name] else { return nil }
            return (index[value] ?? []).compactMap { state.objects[$0] }
        }
        guard let found else {
            throw ControllerError(
                code: .invalidConfiguration,
                message: "cache of \(groupVersionKind.kind) has no index named \"\(name)\"; add it with addIndex first")
        }
        return found.sorted { $0.key < $1.key }
    }

    /// The values index `name` has, ordered (empty when the index does not exist).
    public func indexValues(_ name: String) -> [String] {
        state.withLock { $0.indices[name].map { Array($0.keys) } ?? [] }.sorted()
    }

    // MARK: Sync

    /// Whether the first list has been stored.
    public var hasSynced: Bool { state.withLock { $0.synced } }

    /// Waits until the first list has been stored.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled first.
    public func waitForCacheSync() async throws {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Bool? in
                    if state.cancelledWaiters.remove(id) != nil { return false }
                    if state.synced { return true }
                    state.syncWaiters[id] = continuation
                    return nil
                }
                switch outcome {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                if let waiter = state.syncWaiters.removeValue(forKey: id) { return waiter }
                state.cancelledWaiters.insert(id)
                return nil
            }
            waiter?.resume(throwing: CancellationError())
        }
    }
}
