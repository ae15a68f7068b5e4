public import KubeAPI

/// What one sync did: the commit, how many objects were applied, unchanged, pruned or failed, and every failure.
public struct SyncResult: Sendable, Hashable, CustomStringConvertible {
    /// The revision synced (a commit hash, or a content digest for a directory that is not a git checkout).
    public var revision: String
    /// Objects sent to the API server (created or changed).
    public var applied: Int
    /// Objects whose last applied state already matched git, so nothing was sent.
    public var unchanged: Int
    /// Objects deleted because they left git.
    public var pruned: Int
    /// Failures of every kind; see ``failures``.
    public var failed: Int { failures.count }
    /// Every failure, in file and document order.
    public var failures: [SyncFailure]
    /// Why pruning did not run (disabled, or parse errors), `nil` when it ran.
    public var pruneSkipped: String?
    /// Objects left in the cluster because they no longer carry the agent's label (someone took them over).
    public var pruneDisowned: [ObjectID]

    /// Creates a result.
    public init(
        revision: String, applied: Int = 0, unchanged: Int = 0, pruned: Int = 0, failures: [SyncFailure] = [],
        pruneSkipped: String? = nil, pruneDisowned: [ObjectID] = []
    ) {
        self.revision = revision
        self.applied = applied
        self.unchanged = unchanged
        self.pruned = pruned
        self.failures = failures
        self.pruneSkipped = pruneSkipped
        self.pruneDisowned = pruneDisowned
    }

    /// Whether everything synced.
    public var succeeded: Bool { failures.isEmpty }

    /// `revision abc123: 3 applied, 10 unchanged, 1 pruned, 0 failed`, plus why prune was skipped.
    public var description: String {
        var text =
            "revision \(revision): \(applied) applied, \(unchanged) unchanged, \(pruned) pruned, \(failed) failed"
        if let pruneSkipped { text += "; prune skipped: \(pruneSkipped)" }
        return text
    }

    /// The summary stored with the sync marker: counts, revision and the failures, as JSON.
    public var json: JSONValue {
        [
            "revision": .string(revision), "applied": JSONValue(integerLiteral: Int64(applied)),
            "unchanged": JSONValue(integerLiteral: Int64(unchanged)),
            "pruned": JSONValue(integerLiteral: Int64(pruned)), "failed": JSONValue(integerLiteral: Int64(failed)),
            "pruneSkipped": pruneSkipped.map { .string($0) } ?? nil,
            "failures": .array(
                failures.map { failure in
                    [
                        "file": failure.origin.map { .string($0.file) } ?? nil,
                        "document": failure.origin.map { JSONValue(integerLiteral: Int64($0.document)) } ?? nil,
                        "object": failure.object.map { .string($0.description) } ?? nil,
                        "message": .string(failure.message), "code": .string(failure.code.description),
                    ]
                }),
        ]
    }
}
