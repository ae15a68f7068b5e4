/// What the agent has applied and the last commit it synced: the state that makes prune safe and a restart cheap.
///
/// Stored in Secrets in the agent's namespace (see ``InventoryStore``). Only objects listed here are ever pruned,
/// and only while they still carry the agent's owner label.
public struct Inventory: Sendable, Hashable {
    /// The applied objects by ID.
    public var entries: [ObjectID: InventoryEntry]
    /// The last commit synced (the sync marker), empty before the first sync.
    public var revision: String
    /// The last sync's ``SyncResult/json`` summary, serialized; empty before the first sync.
    public var result: String

    /// Creates an inventory.
    public init(entries: [ObjectID: InventoryEntry] = [:], revision: String = "", result: String = "") {
        self.entries = entries
        self.revision = revision
        self.result = result
    }

    /// The entries in a stable order.
    public var sortedEntries: [InventoryEntry] { entries.values.sorted { $0.id < $1.id } }

    /// The inventory as text lines, split into chunks of at most `limit` bytes each (one per stored Secret).
    func chunks(limit: Int) -> [String] {
        var chunks: [String] = []
        var current = ""
        for entry in sortedEntries {
            let line = entry.line
            if !current.isEmpty, current.utf8.count + line.utf8.count + 1 > limit {
                chunks.append(current)
                current = ""
            }
            current += line + "\n"
        }
        if !current.isEmpty || chunks.isEmpty { chunks.append(current) }
        return chunks
    }

    /// Adds the entries of a chunk written by ``chunks(limit:)``.
    ///
    /// - Returns: `false` when a line is not an entry (the inventory is corrupt).
    mutating func add(chunk: String) -> Bool {
        for line in chunk.split(separator: "\n") where !line.isEmpty {
            guard let entry = InventoryEntry(line: line) else { return false }
            entries[entry.id] = entry
        }
        return true
    }
}
