import Synchronization

/// The identity of one Go map while templates execute.
///
/// Go maps are references: `$x := .Values.a` then `set $x "k" 1` changes `.Values.a` too, and so does `set .m`
/// in an `include` whose argument holds the caller's map. ``Value`` is a value type, so the executor tags each map
/// it meets with a reference (``MapKind/shared(_:)``) that holds the map's current entries; reads go through the
/// reference and `set`, `unset` and `merge` replace its entries. Functions receive snapshots refreshed from the
/// references, cached until that map or one inside it changes, so read-only templates pay one tagging pass.
///
/// References are used by one execution (or one ``SharedData``) at a time; the lock keeps them memory-safe
/// regardless.
public final class MapReference: Sendable {
    /// The map's Go type (never ``MapKind/shared(_:)``).
    public let kind: MapKind
    private let state: Mutex<State>

    private struct State: Sendable {
        var entries: [String: Value]
        /// The entries with every nested tagged map refreshed; `nil` once this map or one inside it changed.
        var snapshot: [String: Value]?
        /// Maps whose snapshot contains this one's, to invalidate with it.
        var parents: [WeakReference] = []
        /// Set while the snapshot is being built: meeting it again means the map contains itself, and the inner
        /// occurrence keeps its entries as they are (Go would recurse without end printing such a map).
        var refreshing = false
    }

    init(entries: [String: Value], kind: MapKind) {
        self.kind = kind.base
        self.state = Mutex(State(entries: entries))
    }

    /// The map's current entries (nested maps as tagged, possibly stale, snapshots).
    public var entries: [String: Value] { state.withLock { $0.entries } }

    var isEmpty: Bool { state.withLock { $0.entries.isEmpty } }

    /// The entry `name`, with a nested map tagged (and remembered) so that every path to it shares its identity.
    func member(_ name: String) -> Value? {
        state.withLock { state in
            guard let value = state.entries[name] else { return nil }
            guard let tagged = Self.tagged(value) else { return value }
            state.entries[name] = tagged
            return tagged
        }
    }

    /// All entries with nested maps tagged, for `range`.
    func taggedEntries() -> [String: Value] {
        state.withLock { state in
            for (key, value) in state.entries {
                if let tagged = Self.tagged(value) { state.entries[key] = tagged }
            }
            return state.entries
        }
    }

    /// Replaces the entries, as a Go map changed in place by `set`, `unset` or `merge`.
    func replace(_ entries: [String: Value]) {
        state.withLock { $0.entries = entries }
        invalidate()
    }

    /// Drops this map's snapshot and those of the maps that contain it.
    private func invalidate() {
        let parents: [WeakReference]? = state.withLock { state in
            guard state.snapshot != nil else { return nil }
            state.snapshot = nil
            return state.parents
        }
        for parent in parents ?? [] { parent.reference?.invalidate() }
    }

    private func addParent(_ parent: MapReference) {
        state.withLock { state in
            guard !state.parents.contains(where: { $0.reference === parent }) else { return }
            state.parents.removeAll { $0.reference == nil }
            state.parents.append(WeakReference(reference: parent))
        }
    }

    /// The entries with every nested map tagged and refreshed from its reference: what a function sees.
    func snapshot() -> [String: Value] {
        enum Start { case done([String: Value]), build([String: Value]) }
        let start: Start = state.withLock { state in
            if let snapshot = state.snapshot { return .done(snapshot) }
            if state.refreshing { return .done(state.entries) }
            state.refreshing = true
            return .build(state.entries)
        }
        guard case .build(let entries) = start else {
            if case .done(let entries) = start { return entries }
            return [:]
        }
        defer { state.withLock { $0.refreshing = false } }
        var tagged = entries
        var fresh = entries
        for (key, value) in entries {
            var current = value
            if let t = Self.tagged(value) {
                tagged[key] = t
                current = t
            }
            Self.forEachReference(in: current) { $0.addParent(self) }
            fresh[key] = Self.refreshed(current)
        }
        state.withLock { state in
            state.entries = tagged
            state.snapshot = fresh
        }
        return fresh
    }

    // MARK: Value walking

    /// `value` with its maps tagged (lists are searched for maps; a tagged map's own entries are tagged on
    /// access), or `nil` when nothing needed tagging.
    static func tagged(_ value: Value) -> Value? {
        switch value {
        case .map(_, .shared):
            return nil
        case .map(let entries, let kind):
            return .map(entries, .shared(MapReference(entries: entries, kind: kind)))
        case .list(let items, let kind):
            guard items.contains(where: \.needsTagging) else { return nil }
            return .list(items.map { tagged($0) ?? $0 }, kind)
        default:
            return nil
        }
    }

    /// Calls `body` with each reference directly inside `value` (the value itself, or the elements of lists).
    private static func forEachReference(in value: Value, _ body: (MapReference) -> Void) {
        switch value {
        case .map(_, .shared(let reference)): body(reference)
        case .list(let items, _):
            for item in items where item.isCollection { forEachReference(in: item, body) }
        default: break
        }
    }

    /// `value` with every tagged map's payload replaced by its reference's current snapshot.
    static func refreshed(_ value: Value) -> Value {
        switch value {
        case .map(_, .shared(let reference)):
            return .map(reference.snapshot(), .shared(reference))
        case .map(let entries, let kind):
            guard entries.values.contains(where: \.isCollection) else { return value }
            var fresh = entries
            for (key, entry) in entries { fresh[key] = refreshed(entry) }
            return .map(fresh, kind)
        case .list(let items, let kind):
            guard items.contains(where: \.isCollection) else { return value }
            var fresh: [Value] = []
            fresh.reserveCapacity(items.count)
            for item in items { fresh.append(refreshed(item)) }
            return .list(fresh, kind)
        default:
            return value
        }
    }
}

/// A parent link that does not keep the parent alive (parents hold their children).
private struct WeakReference: Sendable {
    weak var reference: MapReference?
}

extension Value {
    fileprivate var needsTagging: Bool {
        switch self {
        case .map(_, .shared): false
        case .map: true
        case .list(let items, _): items.contains(where: \.needsTagging)
        default: false
        }
    }

    fileprivate var isCollection: Bool {
        switch self {
        case .map, .list: true
        default: false
        }
    }

    /// The value as a fresh Go value with no map identity shared with anything: what Sprig's `deepCopy` returns.
    /// Payloads are taken as they are, so pass values a function received (they are refreshed at the call).
    public var detachingReferences: Value {
        switch self {
        case .map(let entries, let kind):
            return .map(entries.mapValues(\.detachingReferences), kind.base)
        case .list(let items, let kind):
            guard items.contains(where: \.isCollection) else { return self }
            return .list(items.map(\.detachingReferences), kind)
        default:
            return self
        }
    }
}
