public import KubeAPI
public import Logging

/// Writes and deletes a release's objects with server-side apply, Helm's ownership metadata and Helm's
/// ownership checks.
///
/// Every object it writes carries the label `app.kubernetes.io/managed-by: Helm` and the annotations
/// `meta.helm.sh/release-name` and `meta.helm.sh/release-namespace`, and is applied with ``fieldManager``
/// (`helm` by default, so fluxhelm and helm share field ownership).
public struct ResourceApplier: Sendable {
    /// The cluster.
    public let client: KubeClient
    /// The server-side apply field manager.
    public let fieldManager: String
    /// The release the objects belong to.
    public let releaseName: String
    /// The release's namespace (recorded in the ownership annotation).
    public let releaseNamespace: String
    /// Where the applier logs (debug: each object written or deleted).
    public let logger: Logger
    /// The clock CRD establishment waits on.
    public let clock: any Clock<Duration>
    /// How often CRDs are re-read while waiting for `Established`.
    public var pollInterval: Duration = .milliseconds(500)
    /// At most this many objects of one kind are written at once (Helm writes a kind's objects in parallel).
    public var maxConcurrentWrites: Int = 8

    /// Creates an applier for one release.
    public init(
        client: KubeClient, fieldManager: String = "helm", releaseName: String, releaseNamespace: String,
        logger: Logger = Logger(label: "fluxhelm.apply"), clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.client = client
        self.fieldManager = fieldManager
        self.releaseName = releaseName
        self.releaseNamespace = releaseNamespace
        self.logger = logger
        self.clock = clock
    }

    /// Install: checks that none of the resources exists unowned (Helm's `unable to continue with install: ...
    /// exists and cannot be imported into the current release: invalid ownership metadata; ...`; objects already
    /// owned by this release are adopted, and with `takeOwnership` every existing object is), then applies them in
    /// the given order (callers pass install order) with ownership metadata.
    ///
    /// - Throws: ``ReleaseError`` ``ReleaseError/Code/resourceConflict`` for an object owned by something else,
    ///   ``ReleaseError/Code/resourceFailed`` (cause: the KubeAPIError) for a write the cluster refused.
    public func create(
        _ resources: [ReleaseResource], takeOwnership: Bool = false, forceConflicts: Bool = false
    ) async throws -> ResourceChanges {
        let found = try await existing(resources, takeOwnership: takeOwnership, operation: "install")
        let results = await perform(resources) { resource in
            do throws(KubeAPIError) {
                _ = try await write(resource, forceConflicts: forceConflicts)
                return .success(())
            } catch {
                return .failure(ReleaseError.applyFailed(resource, cause: error))
            }
        }
        var changes = ResourceChanges()
        var errors: [ReleaseError] = []
        for (resource, result) in zip(resources, results) {
            switch result {
            case .success:
                if found.contains(resource.identity) {
                    changes.updated.append(resource)
                } else {
                    changes.created.append(resource)
                }
            case .failure(let error): errors.append(error)
            }
        }
        if let error = ReleaseError.combined(errors, separator: "\n") { throw error }
        logger.debug(
            "installed release objects",
            metadata: [
                "release": "\(releaseName)", "created": "\(changes.created.count)",
                "adopted": "\(changes.updated.count)",
            ])
        return changes
    }

    /// Hooks: applies objects as rendered, in the given order, without ownership metadata or ownership checks, as
    /// Helm creates hook resources (they are not part of the release's objects).
    ///
    /// - Returns: which objects were created and which existed and were applied.
    /// - Throws: ``ReleaseError`` ``ReleaseError/Code/resourceFailed`` naming every object that failed.
    public func applyHook(_ resources: [ReleaseResource], forceConflicts: Bool = false) async throws -> ResourceChanges
    {
        let results = await perform(resources) { resource -> Result<WriteOutcome, ReleaseError> in
            var exists = false
            if !resource.object.name.isEmpty {
                do {
                    _ = try await client.get(resource.gvk, resource.key)
                    exists = true
                } catch let error as KubeAPIError where error.code == .notFound {
                    exists = false
                } catch {
                    return .failure(ReleaseError.unreadable(resource, operation: "hook", cause: error))
                }
            }
            do throws(KubeAPIError) {
                _ = try await write(resource, forceConflicts: forceConflicts, ownershipMetadata: false)
                return .success(exists ? .updated : .created)
            } catch {
                return .failure(ReleaseError.applyFailed(resource, cause: error))
            }
        }
        var changes = ResourceChanges()
        var errors: [ReleaseError] = []
        for (resource, result) in zip(resources, results) {
            switch result {
            case .success(.created): changes.created.append(resource)
            case .success(.updated): changes.updated.append(resource)
            case .failure(let error): errors.append(error)
            }
        }
        if let error = ReleaseError.combined(errors, separator: "\n") { throw error }
        return changes
    }

    /// The objects of `resources` that exist in the cluster, after Helm's ownership check: what an install (or,
    /// for objects new to a release, an upgrade) would adopt. Writes nothing, so a dry run can call it.
    ///
    /// - Parameters:
    ///   - takeOwnership: skip the ownership check (`--take-ownership`).
    ///   - operation: `install` or `update`, for the `unable to continue with ...` prefix of errors.
    /// - Throws: as ``create(_:takeOwnership:forceConflicts:)`` before it writes.
    public func existingObjects(
        _ resources: [ReleaseResource], takeOwnership: Bool = false, operation: String = "install"
    ) async throws -> [ReleaseResource] {
        let found = try await existing(resources, takeOwnership: takeOwnership, operation: operation)
        return resources.filter { found.contains($0.identity) }
    }

    /// Upgrade/rollback: applies `target` (new objects created, existing ones applied), then deletes what is in
    /// `current` but not in `target` (unless the live object says `helm.sh/resource-policy: keep`), in reverse
    /// install order.
    ///
    /// Objects new to the release go through the same ownership check as on install (`unable to continue with
    /// update: ...`) unless `takeOwnership`. Fields ``fieldManager`` owns through client-side apply (a release
    /// Helm 3 wrote) are first moved to its server-side apply entry, as Helm 4 does, so fields the new chart drops
    /// are removed. With `force`, an object whose apply the cluster rejects as Invalid
    /// (an immutable field) is deleted and created again. `forceConflicts` takes over fields other managers own.
    ///
    /// - Throws: ``ReleaseError``: ``ReleaseError/Code/invalidOperation`` for `force` with `forceConflicts`,
    ///   ``ReleaseError/Code/resourceConflict``, or ``ReleaseError/Code/resourceFailed`` naming every object that
    ///   failed.
    public func update(
        current: [ReleaseResource], target: [ReleaseResource], force: Bool = false, forceConflicts: Bool = false,
        takeOwnership: Bool = false
    ) async throws -> ResourceChanges {
        if force && forceConflicts {
            throw ReleaseError(
                code: .invalidOperation,
                message: "invalid operation: cannot use force conflicts and force replace together")
        }
        let currentIdentities = Set(current.map(\.identity))
        let added = target.filter { !currentIdentities.contains($0.identity) }
        let adopted = try await existing(added, takeOwnership: takeOwnership, operation: "update")
        let addedIdentities = Set(added.map(\.identity))
        let results = await perform(target) { resource in
            // Objects new to the release were looked up by the ownership check; the others are read now, as an
            // object the release had may have been deleted by hand.
            let known: Bool? = addedIdentities.contains(resource.identity) ? adopted.contains(resource.identity) : nil
            return await upsert(resource, knownToExist: known, force: force, forceConflicts: forceConflicts)
        }
        var changes = ResourceChanges()
        var errors: [ReleaseError] = []
        for (resource, result) in zip(target, results) {
            switch result {
            case .success(.created): changes.created.append(resource)
            case .success(.updated): changes.updated.append(resource)
            case .failure(let error): errors.append(error)
            }
        }
        // Like Helm, nothing is deleted once a write failed: the old objects may still be needed.
        if let error = ReleaseError.combined(errors, separator: " && ") { throw error }

        let targetIdentities = Set(target.map(\.identity))
        for resource in current.reversed() where !targetIdentities.contains(resource.identity) {
            switch await removeStale(resource) {
            case .success(true): changes.deleted.append(resource)
            case .success(false): changes.kept.append(resource)
            case .success(nil): break
            case .failure(let error): errors.append(error)
            }
        }
        if let error = ReleaseError.combined(errors, separator: " && ") { throw error }
        logger.debug(
            "updated release objects",
            metadata: [
                "release": "\(releaseName)", "created": "\(changes.created.count)",
                "updated": "\(changes.updated.count)", "deleted": "\(changes.deleted.count)",
                "kept": "\(changes.kept.count)",
            ])
        return changes
    }

    /// Uninstall: deletes in the given order (callers pass uninstall order), skipping kept ones and already-absent
    /// ones; returns what it deleted and what it kept; errors are collected and thrown once at the end naming each.
    ///
    /// - Throws: ``ReleaseError`` ``ReleaseError/Code/resourceFailed`` listing every delete that failed.
    public func delete(
        _ resources: [ReleaseResource], propagation: DeleteOptions.PropagationPolicy = .background
    ) async throws -> ResourceChanges {
        let (changes, errors) = await deleteReporting(resources, propagation: propagation)
        if let error = ReleaseError.combined(errors, separator: "; ") { throw error }
        return changes
    }

    /// CRDs from `crds/`: created if absent (never updated or deleted, as Helm), then waits until each is
    /// `Established`.
    ///
    /// - Throws: ``ReleaseError``: ``ReleaseError/Code/resourceFailed`` when a create fails,
    ///   ``ReleaseError/Code/timeout`` naming the first CRD not established within `timeout`.
    public func installCRDs(_ crds: [ReleaseResource], timeout: Duration) async throws {
        try await installAndWaitForCRDs(crds, timeout: timeout)
    }

    /// Applies one object of an upgrade: created when absent, applied when present, replaced when `force` and the
    /// cluster refuses the change as Invalid.
    private func upsert(
        _ resource: ReleaseResource, knownToExist: Bool?, force: Bool, forceConflicts: Bool
    ) async -> Result<WriteOutcome, ReleaseError> {
        var exists = knownToExist ?? false
        if knownToExist == nil, !resource.object.name.isEmpty {
            do {
                let live = try await client.get(resource.gvk, resource.key)
                exists = true
                await migrateClientSideOwnership(of: resource, live: live)
            } catch let error as KubeAPIError where error.code == .notFound {
                exists = false
            } catch {
                return .failure(ReleaseError.unreadable(resource, operation: "update", cause: error))
            }
        }
        do throws(KubeAPIError) {
            _ = try await write(resource, forceConflicts: forceConflicts)
            return .success(exists ? .updated : .created)
        } catch {
            if !exists { return .failure(ReleaseError.createFailed(resource, cause: error)) }
            guard force, error.code == .invalid else {
                return .failure(ReleaseError.applyFailed(resource, cause: error))
            }
        }
        do throws(ReleaseError) {
            try await replace(resource, forceConflicts: forceConflicts)
            return .success(.updated)
        } catch {
            return .failure(error)
        }
    }
}
