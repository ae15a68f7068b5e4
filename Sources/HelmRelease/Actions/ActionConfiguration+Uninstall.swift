import HelmEngine
import KubeAPI
import Logging

extension ActionConfiguration {
    /// Uninstalls a release, as `helm uninstall` does.
    ///
    /// The latest revision is marked `uninstalling`, `pre-delete` hooks run, the release's resources are deleted
    /// in uninstall order (those annotated `helm.sh/resource-policy: keep` are kept and reported), optionally
    /// waited for (`wait`), `post-delete` hooks run, and then every record is deleted, or with `keepHistory` the
    /// latest is kept as `uninstalled` (and every `deployed` one marked `superseded`). A release already
    /// uninstalled with kept history is purged when `keepHistory` is off, an error otherwise.
    /// - Throws: ``ReleaseError``: `.notFound` (unless `ignoreNotFound`), `.invalidOperation`, `.locked`, or
    ///   `uninstallation completed with N error(s): ...` with the code of the first.
    public func uninstall(name: String, namespace: String, _ options: UninstallOptions) async throws -> UninstallResult
    {
        guard ReleaseNameValidator.isValid(name) else {
            throw ReleaseError.invalidOperation("uninstall: Release name is invalid: \(name)", release: name)
        }
        if options.ignoreNotFound, try await storage.history(name: name, namespace: namespace).isEmpty {
            return UninstallResult(release: nil)
        }
        // Without kept history no record is left, so the release's Lease goes too.
        return try await withReleaseLock(name: name, namespace: namespace, deletingLease: !options.keepHistory) { _ in
            try await self.performUninstall(name: name, namespace: namespace, options)
        }
    }

    /// The uninstall itself; the caller holds the release's lock.
    func performUninstall(name: String, namespace: String, _ options: UninstallOptions) async throws
        -> UninstallResult
    {
        let history = try await storage.history(name: name, namespace: namespace)
        guard var release = history.last else {
            if options.ignoreNotFound { return UninstallResult(release: nil) }
            throw ReleaseError(
                code: .notFound, message: "uninstall: Release not loaded: \(name): release: not found", location: name)
        }
        if release.status == .uninstalled {
            guard !options.keepHistory else {
                throw ReleaseError.invalidOperation("the release named \"\(name)\" is already deleted", release: name)
            }
            try await purge(history)
            return UninstallResult(release: release)
        }
        let original = release
        var info = release.info ?? ReleaseInfo()
        info.status = .uninstalling
        info.deleted = clock.now()
        info.description = "Deletion in progress (or silently failed)"
        release.info = info

        let hooks = HookRunner(configuration: self)
        if !options.noHooks {
            do {
                try await hooks.run(.preDelete, on: &release, timeout: options.timeout)
            } catch {
                // Nothing was deleted: put the revision back as it was (with the hook runs), not `uninstalling`.
                var restored = original
                restored.hooks = release.hooks
                await record(restored, "uninstall: failed to restore the release after a pre-delete hook failed")
                throw error
            }
        }
        await record(release, "uninstall: failed to store the uninstalling release")

        var errors: [any Error] = []
        var deleted: [ReleaseResource] = []
        var kept: [ReleaseResource] = []
        do {
            let objects = try await deletableResources(of: release.manifest, release: name, namespace: namespace)
            let ordered = KindSortOrder.uninstall.sorted(objects, kind: \.gvk.kind)
            let changes = try await applier(for: name, namespace: namespace).delete(
                ordered, propagation: options.cascade)
            deleted = changes.deleted
            kept = changes.kept
        } catch {
            throw ReleaseError.operationFailed(
                "failed to delete release: \(name): \(ReleaseError.text(of: error))", release: name, cause: error)
        }
        let info2 =
            kept.isEmpty
            ? ""
            : "These resources were kept due to the resource policy:\n"
                + kept.map { "[\($0.gvk.kind)] \($0.key.name)\n" }.joined()
        if options.wait {
            do {
                try await waiter.waitDeleted(deleted, timeout: options.timeout)
            } catch {
                errors.append(error)
            }
        }
        if !options.noHooks {
            do {
                try await hooks.run(.postDelete, on: &release, timeout: options.timeout)
            } catch {
                errors.append(error)
            }
        }
        release.setStatus(.uninstalled, options.description ?? "Uninstallation complete")
        if !options.keepHistory {
            do {
                try await purge(history)
            } catch {
                errors.append(
                    ReleaseError.operationFailed(
                        "uninstall: Failed to purge the release: \(ReleaseError.text(of: error))", release: name,
                        cause: error))
            }
        } else {
            await record(release, "uninstall: failed to store the uninstalled release")
            for var deployed in try await storage.deployedAll(name: name, namespace: namespace) {
                deployed.setStatus(.superseded, deployed.info?.description ?? "")
                await record(deployed, "uninstall: failed to supersede a deployed revision")
            }
        }
        if let first = errors.first {
            let text = errors.map { ReleaseError.text(of: $0) }.joined(separator: "; ")
            throw ReleaseError.operationFailed(
                "uninstallation completed with \(errors.count) error(s): \(text)", release: name, cause: first)
        }
        logger.info("uninstalled release", metadata: ["fluxhelm.release": "\(name)", "k8s.namespace": "\(namespace)"])
        return UninstallResult(release: release, kept: kept, info: info2)
    }

    /// The objects of a stored manifest, one document at a time: a document whose kind the cluster no longer
    /// serves (its CRD was deleted) cannot have live objects, so it is skipped with a warning instead of making
    /// the release impossible to uninstall.
    private func deletableResources(
        of manifest: String, release: String, namespace: String
    ) async throws -> [ReleaseResource] {
        let builder = ResourceBuilder(client: client, namespace: namespace)
        var resources: [ReleaseResource] = []
        for document in ManifestSorter.splitDocuments(manifest) {
            do {
                resources += try await builder.build(manifest: document)
            } catch let error as ReleaseError where (error.cause as? KubeAPIError)?.code == .noKindMatch {
                logger.warning(
                    "skipping an object whose kind the cluster does not serve",
                    metadata: ["fluxhelm.release": "\(release)", "error": "\(error.message)"])
            } catch {
                throw ReleaseError.operationFailed(
                    "unable to build kubernetes objects for delete: \(ReleaseError.text(of: error))", release: release,
                    cause: error)
            }
        }
        return resources
    }

    /// Deletes every given revision's record.
    private func purge(_ history: [Release]) async throws {
        for revision in history {
            _ = try await storage.delete(name: revision.name, version: revision.version, namespace: revision.namespace)
        }
    }
}
