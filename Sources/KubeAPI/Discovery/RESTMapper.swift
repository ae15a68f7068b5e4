import Synchronization

/// A cache from apiVersion + kind to resource, filled from discovery one group version at a time.
///
/// ``KubeClient/resourceMapping(for:)`` fills it: a kind missing from the cache makes the client fetch its group
/// version's resource list once, so CRDs created after the client started become mappable. Entries are never
/// stale in a harmful way: a deleted CRD's kind stays mapped and the server answers 404 for it.
public final class RESTMapper: Sendable {
    private struct State {
        var mappings: [GroupVersionKind: ResourceMapping] = [:]
        var fetched: Set<String> = []
    }
    private let state = Mutex(State())

    init() {}

    /// The cached mapping for a kind, if its group version was discovered.
    public func cachedMapping(for gvk: GroupVersionKind) -> ResourceMapping? {
        state.withLock { $0.mappings[gvk] }
    }

    /// Adds a mapping by hand, e.g. for a kind discovery does not list.
    public func add(_ mapping: ResourceMapping) {
        state.withLock { $0.mappings[mapping.groupVersionKind] = mapping }
    }

    /// Drops everything, so the next call rediscovers.
    public func reset() {
        state.withLock { $0 = State() }
    }

    /// Records a group version's resources (subresources are skipped).
    func store(group: String, version: String, resources: [APIResource]) {
        state.withLock { state in
            state.fetched.insert(GroupVersionKind(group: group, version: version, kind: "").apiVersion)
            for r in resources where !r.isSubresource && !r.kind.isEmpty {
                let gvk = GroupVersionKind(group: group, version: version, kind: r.kind)
                state.mappings[gvk] = ResourceMapping(groupVersionKind: gvk, resource: r.name, namespaced: r.namespaced)
            }
        }
    }
}
