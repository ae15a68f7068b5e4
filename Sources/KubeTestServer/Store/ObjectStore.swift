import Foundation

/// All objects, the resourceVersion counter and the watch history: the server's etcd.
///
/// A value type with no I/O, so it is tested directly. The server keeps one inside a lock and, after each write,
/// hands the events from ``drainEvents()`` to its ``WatchHub``.
///
/// Semantics mirror kube-apiserver's generic registry (`k8s.io/apiserver/pkg/registry/generic/registry.Store`) for
/// what fluxhelm depends on; simplifications are listed in Docs.docc.
struct ObjectStore: Sendable {
    /// A stored write, as a watch sees it.
    struct Event: Sendable, Equatable {
        /// `ADDED`, `MODIFIED` or `DELETED`.
        var type: String
        /// Which group/resource the object belongs to.
        var storageKey: StorageKey
        /// The object's namespace ("" when cluster-scoped).
        var namespace: String
        /// The object after the write (for DELETED, the final state with the deletion's resourceVersion).
        var object: JSONValue
        /// The resourceVersion of the write.
        var resourceVersion: Int64
        /// The object before a MODIFIED write, so selector watches can turn it into ADDED/DELETED like kube's cacher.
        var previous: JSONValue?
    }

    /// Namespace and name of a stored object.
    struct ObjectKey: Sendable, Hashable, Comparable {
        var namespace: String
        var name: String

        static func < (left: ObjectKey, right: ObjectKey) -> Bool {
            (left.namespace, left.name) < (right.namespace, right.name)
        }
    }

    /// Every served resource: built-ins plus those of established CRDs.
    private(set) var resources: [ResourceType] = ResourceType.builtIns
    /// Objects by group/resource and key.
    var objects: [StorageKey: [ObjectKey: JSONValue]] = [:]
    /// The last resourceVersion handed out.
    private(set) var resourceVersion: Int64 = 0
    /// Retained events, oldest first.
    private(set) var history: [Event] = []
    /// Every event with a resourceVersion above this is in ``history``.
    private(set) var historyStart: Int64 = 0
    /// How many events ``history`` keeps.
    let historyLimit: Int
    /// Events of writes not yet handed to watchers.
    private var pendingEvents: [Event] = []
    /// When true, new CRDs are accepted but not established or served until ``establishHeldCRDs()``.
    var holdsCRDEstablishment = false
    /// Source of timestamps; injected so tests can fix time.
    let now: @Sendable () -> Date

    /// Creates a store holding the default namespaces (`default`, `kube-system`, `kube-public`, `kube-node-lease`).
    init(historyLimit: Int = 1000, now: @escaping @Sendable () -> Date = { Date() }) {
        self.historyLimit = max(1, historyLimit)
        self.now = now
        let namespaces = ResourceType.builtIns[0]
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            _ = try? create(
                namespaces, namespace: nil,
                body: .object(["apiVersion": "v1", "kind": "Namespace", "metadata": .object(["name": .string(name)])]),
                manager: "kube-apiserver")
        }
        pendingEvents.removeAll()
    }

    // MARK: Resources

    /// The resource served at group/version/plural, if any.
    func resource(group: String, version: String, plural: String) -> ResourceType? {
        resources.first { $0.group == group && $0.version == version && $0.plural == plural }
    }

    /// Starts serving `resource` (from a CRD).
    mutating func register(_ resource: ResourceType) {
        resources.removeAll {
            $0.group == resource.group && $0.version == resource.version && $0.plural == resource.plural
        }
        resources.append(resource)
    }

    /// Stops serving every version of `storageKey`.
    mutating func unregister(_ storageKey: StorageKey) {
        resources.removeAll { $0.storageKey == storageKey && $0.isCustom }
    }

    // MARK: Time, identity, versions

    /// The current time as RFC 3339 with second precision, like kube's `metav1.Time`.
    func timestamp() -> String {
        let seconds = Int64(now().timeIntervalSince1970.rounded(.down))
        return Self.rfc3339(seconds)
    }

    /// Formats Unix seconds as `2006-01-02T15:04:05Z`.
    static func rfc3339(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        // Civil-from-days (Howard Hinnant's algorithm).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    /// Hands out the next resourceVersion.
    mutating func nextResourceVersion() -> Int64 {
        resourceVersion += 1
        return resourceVersion
    }

    // MARK: Events and history

    /// Records an event in the history and for the watchers.
    mutating func record(
        _ type: String, _ resource: ResourceType, object: JSONValue, resourceVersion: Int64, previous: JSONValue? = nil
    ) {
        let event = Event(
            type: type, storageKey: resource.storageKey,
            namespace: object[path: ["metadata", "namespace"]]?.stringValue ?? "", object: object,
            resourceVersion: resourceVersion, previous: previous)
        history.append(event)
        if history.count > historyLimit {
            let overflow = history.count - historyLimit
            historyStart = history[overflow - 1].resourceVersion
            history.removeFirst(overflow)
        }
        pendingEvents.append(event)
    }

    /// Returns and forgets the events of writes since the last call.
    mutating func drainEvents() -> [Event] {
        defer { pendingEvents.removeAll() }
        return pendingEvents
    }

    /// Drops the history, so every earlier resourceVersion is too old to watch from (like an etcd compaction).
    mutating func compact() {
        history.removeAll()
        historyStart = resourceVersion
    }

    /// The retained events after `resourceVersion` for `storageKey`.
    ///
    /// - Throws: 410 Expired (`too old resource version: X (Y)`) when events after it were dropped.
    func events(after resourceVersion: Int64, for storageKey: StorageKey) throws(APIError) -> [Event] {
        guard resourceVersion >= historyStart else {
            // kube's watch cache reports the version just before its oldest retained event (`oldest-1`).
            throw APIError.tooOldResourceVersion(resourceVersion, oldest: historyStart)
        }
        return history.filter { $0.resourceVersion > resourceVersion && $0.storageKey == storageKey }
    }

    // MARK: Reads

    /// The object as served at `resource`'s version (apiVersion rewritten; versions share storage).
    func served(_ object: JSONValue, as resource: ResourceType) -> JSONValue {
        var copy = object
        copy["apiVersion"] = .string(resource.apiVersion)
        return copy
    }

    /// Checks that the namespace in a path exists.
    func requireNamespace(_ namespace: String) throws(APIError) {
        let key = StorageKey(group: "", plural: "namespaces")
        guard objects[key]?[ObjectKey(namespace: "", name: namespace)] != nil else {
            throw APIError.namespaceNotFound(namespace)
        }
    }

    /// The stored object, unconverted.
    func stored(_ resource: ResourceType, namespace: String?, name: String) -> JSONValue? {
        objects[resource.storageKey]?[ObjectKey(namespace: resource.namespaced ? namespace ?? "" : "", name: name)]
    }

    /// GET of one object.
    func get(_ resource: ResourceType, namespace: String?, name: String) throws(APIError) -> JSONValue {
        guard let object = stored(resource, namespace: namespace, name: name) else {
            throw APIError.notFound(resource, name: name)
        }
        return served(object, as: resource)
    }
}
