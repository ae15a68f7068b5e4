/// What an apply, update or delete did to a release's objects.
public struct ResourceChanges: Sendable, Hashable {
    /// Objects that did not exist and were created.
    public var created: [ReleaseResource]
    /// Objects that existed and were applied (changed or not).
    public var updated: [ReleaseResource]
    /// Objects that were deleted.
    public var deleted: [ReleaseResource]
    /// Objects left in place because of `helm.sh/resource-policy: keep`.
    public var kept: [ReleaseResource]

    /// Creates a change set; every list defaults to empty.
    public init(
        created: [ReleaseResource] = [], updated: [ReleaseResource] = [], deleted: [ReleaseResource] = [],
        kept: [ReleaseResource] = []
    ) {
        self.created = created
        self.updated = updated
        self.deleted = deleted
        self.kept = kept
    }
}
