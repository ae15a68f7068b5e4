import HelmEngine
import Logging

extension ActionConfiguration {
    /// Rolls a release back to an earlier revision, as `helm rollback` does.
    ///
    /// A new revision (latest + 1) is recorded `pending-rollback` with the target revision's chart, config,
    /// manifest, hooks, labels and notes and the description `Rollback to N`; `pre-rollback` hooks run, the
    /// objects are applied (removed ones deleted unless kept), waited for, `post-rollback` hooks run, every
    /// `deployed` revision becomes `superseded` and the new one `deployed`. On failure the new revision is
    /// `failed` (`Rollback "NAME" failed: ...` or `Release "NAME" failed: ...`). Nothing is rendered: the target's
    /// stored manifest is applied as it is.
    /// - Parameter options: ``RollbackOptions/version`` 0 rolls back to the revision before the latest.
    /// - Throws: ``ReleaseError``: `.notFound`, `.invalidOperation` (no such revision), `.locked`, or the failure.
    public func rollback(name: String, namespace: String, _ options: RollbackOptions) async throws -> Release {
        guard ReleaseNameValidator.isValid(name) else {
            throw ReleaseError.invalidOperation("prepareRollback: Release name is invalid: \(name)", release: name)
        }
        guard options.version >= 0 else {
            throw ReleaseError.invalidOperation("invalid release revision", release: name)
        }
        if options.dryRun {
            return try await performRollback(name: name, namespace: namespace, options)
        }
        return try await withReleaseLock(name: name, namespace: namespace) { _ in
            try await self.performRollback(name: name, namespace: namespace, options)
        }
    }

    /// The rollback itself; the caller holds the release's lock (or it is a dry run).
    func performRollback(name: String, namespace: String, _ options: RollbackOptions) async throws -> Release {
        let history = try await storage.history(name: name, namespace: namespace)
        guard var current = history.last else {
            throw ReleaseError.releaseNotFound(name: name, namespace: namespace)
        }
        let version = options.version == 0 ? current.version - 1 : options.version
        guard let previous = history.first(where: { $0.version == version }) else {
            throw ReleaseError.invalidOperation("release has no \(version) version", release: name)
        }
        var target = Release(
            name: name,
            info: ReleaseInfo(
                firstDeployed: current.info?.firstDeployed ?? .zero, lastDeployed: clock.now(),
                status: .pendingRollback, description: "Rollback to \(version)", notes: previous.info?.notes ?? ""),
            chart: previous.chart, config: previous.config, manifest: previous.manifest, hooks: previous.hooks,
            version: current.version + 1, namespace: current.namespace, labels: previous.labels, applyMethod: "ssa")
        let currentResources = try await resources(
            of: current.manifest, release: name, namespace: current.namespace, what: "current release manifest")
        let targetResources = try await resources(
            of: target.manifest, release: name, namespace: current.namespace, what: "new release manifest")
        if options.dryRun { return target }
        try await storage.create(target)
        logger.info("rolling back release", metadata: ["fluxhelm.release": "\(target.storageKey)", "to": "\(version)"])

        let hooks = HookRunner(configuration: self)
        if !options.noHooks {
            do {
                try await hooks.run(.preRollback, on: &target, timeout: options.timeout)
            } catch {
                // Helm leaves the revision pending here; fluxhelm records the failure so the release stays usable.
                try await fail(&target, "Rollback \"\(name)\" failed: ", error)
            }
        }
        do {
            _ = try await applier(for: name, namespace: current.namespace).update(
                current: currentResources, target: targetResources, force: options.force,
                forceConflicts: options.forceConflicts || (previous.applyMethod != "ssa" && !options.force))
        } catch {
            let text = ReleaseError.text(of: error)
            current.setStatus(.superseded, current.info?.description ?? "")
            await record(current, "failed to supersede the previous revision")
            target.setStatus(.failed, "Rollback \"\(name)\" failed: \(text)")
            await record(target, "failed to record the failed rollback")
            throw ReleaseError.operationFailed(text, release: name, cause: error)
        }
        do {
            if options.wait {
                try await waiter.waitReady(targetResources, timeout: options.timeout, waitForJobs: options.waitForJobs)
            }
        } catch {
            try await fail(&target, "Release \"\(name)\" failed: ", error, thrownPrefix: "release \(name) failed: ")
        }
        if !options.noHooks {
            do {
                try await hooks.run(.postRollback, on: &target, timeout: options.timeout)
            } catch {
                try await fail(&target, "Rollback \"\(name)\" failed: ", error)
            }
        }
        for var deployed in try await storage.deployedAll(name: name, namespace: current.namespace) {
            deployed.setStatus(.superseded, deployed.info?.description ?? "")
            await record(deployed, "failed to supersede a deployed revision")
        }
        target.setStatus(.deployed, target.info?.description ?? "Rollback to \(version)")
        await record(target, "failed to record the rolled back release")
        return target
    }

    /// Records `release` as failed with `prefix` + the error, and throws.
    private func fail(
        _ release: inout Release, _ prefix: String, _ error: any Error, thrownPrefix: String = ""
    ) async throws -> Never {
        let text = ReleaseError.text(of: error)
        release.setStatus(.failed, prefix + text)
        await record(release, "failed to record the failed rollback")
        throw ReleaseError.operationFailed(thrownPrefix + text, release: release.name, cause: error)
    }
}
