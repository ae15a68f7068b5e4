import KubeAPI
import Synchronization

/// The writes an ``Informer`` makes; each keeps every index current in the same critical section.
extension Cache {
    /// Stores `object`, returning the version it replaced.
    @discardableResult
    func upsert(_ object: KubeObject) -> KubeObject? {
        state.withLock { state in Self.upsert(object, into: &state) }
    }

    /// Removes the object with `key`, returning its last cached version.
    @discardableResult
    func remove(_ key: ObjectKey) -> KubeObject? {
        state.withLock { state in Self.remove(key, from: &state) }
    }

    /// Replaces the whole content with a fresh list; call ``markSynced()`` once the events are delivered.
    ///
    /// - Returns: the changes against the previous content, as events: new objects as added, objects whose
    ///   resourceVersion changed as updated, and objects missing from the list (deleted while the watch was down)
    ///   as deleted, with their last cached state.
    func replace(with objects: [KubeObject]) -> [InformerEvent] {
        state.withLock { state -> [InformerEvent] in
            var events: [InformerEvent] = []
            var seen = Set<ObjectKey>()
            for object in objects {
                seen.insert(object.key)
                let old = Self.upsert(object, into: &state)
                if let old {
                    if old.resourceVersion != object.resourceVersion { events.append(.updated(old: old, new: object)) }
                } else {
                    events.append(.added(object))
                }
            }
            for key in state.objects.keys.sorted() where !seen.contains(key) {
                if let old = Self.remove(key, from: &state) { events.append(.deleted(old)) }
            }
            return events
        }
    }

    /// Marks the cache synced and wakes ``waitForCacheSync()`` callers. The informer calls it after delivering
    /// the first list's events, so whoever waits for the sync also sees those events handled (client-go's
    /// `HasSynced` is true only once the initial items are popped).
    func markSynced() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.synced = true
            defer { state.syncWaiters.removeAll() }
            return Array(state.syncWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    private static func upsert(_ object: KubeObject, into state: inout State) -> KubeObject? {
        let key = object.key
        let old = state.objects.updateValue(object, forKey: key)
        for (name, function) in state.indexers {
            let newValues = function.values(object)
            for value in old.map(function.values) ?? [] where !newValues.contains(value) {
                Self.unindex(key, name: name, value: value, in: &state)
            }
            for value in newValues { state.indices[name, default: [:]][value, default: []].insert(key) }
        }
        return old
    }

    private static func remove(_ key: ObjectKey, from state: inout State) -> KubeObject? {
        guard let old = state.objects.removeValue(forKey: key) else { return nil }
        for (name, function) in state.indexers {
            for value in function.values(old) { unindex(key, name: name, value: value, in: &state) }
        }
        return old
    }

    private static func unindex(_ key: ObjectKey, name: String, value: String, in state: inout State) {
        state.indices[name]?[value]?.remove(key)
        if state.indices[name]?[value]?.isEmpty == true { state.indices[name]?[value] = nil }
    }
}
