import GoTemplate
import HelmEngine
import Logging

extension ActionConfiguration {
    /// Upgrades a release to a new chart or new values, as `helm upgrade` does.
    ///
    /// The current revision is the latest if `deployed`, else the highest `deployed` one, else a latest `failed`
    /// or `superseded` one. Values follow Helm 4's rules (``UpgradeOptions/resetValues``,
    /// ``UpgradeOptions/reuseValues``, ``UpgradeOptions/resetThenReuseValues``; with none of them and no new
    /// values, the current config is reused). The new revision is recorded `pending-upgrade`, `pre-upgrade` hooks
    /// run, the objects are applied (new ones created, removed ones deleted unless kept), waited for, and
    /// `post-upgrade` hooks run; then the current revision becomes `superseded` and the new one `deployed`
    /// (`Upgrade complete`). On failure the new revision is `failed` (`Upgrade "NAME" failed: ...`) and the
    /// current one stays `deployed`; `cleanupOnFail` deletes the objects this upgrade created, and `atomic` rolls
    /// back to the last `deployed` or `superseded` revision. With `install`, a release that does not exist (or
    /// was uninstalled with kept history) is installed.
    /// - Throws: ``ReleaseError``: `.noDeployedRelease`, `.invalidOperation`, `.locked`, `.renderFailed`, or the
    ///   failure with its code.
    public func upgrade(_ options: UpgradeOptions) async throws -> Release {
        guard ReleaseNameValidator.isValid(options.name) else {
            throw ReleaseError.invalidOperation("release name is invalid: \(options.name)", release: options.name)
        }
        try ReleaseNameValidator.validateLabels(options.labels)
        if options.dryRun {
            let history = try await storage.history(name: options.name, namespace: options.namespace)
            if options.install, history.isEmpty || history.last?.status == .uninstalled {
                return try await install(installOptions(options, replace: !history.isEmpty))
            }
            return try await performUpgrade(options, history: history)
        }
        if options.install && options.createNamespace {
            try await createNamespace(options.namespace)
        }
        return try await withReleaseLock(name: options.name, namespace: options.namespace) { _ in
            let history = try await self.storage.history(name: options.name, namespace: options.namespace)
            if options.install, history.isEmpty || history.last?.status == .uninstalled {
                return try await self.performInstall(self.installOptions(options, replace: !history.isEmpty))
            }
            return try await self.performUpgrade(options, history: history)
        }
    }

    /// The install `upgrade --install` runs.
    private func installOptions(_ options: UpgradeOptions, replace: Bool) -> InstallOptions {
        var install = InstallOptions(
            name: options.name, namespace: options.namespace, chart: options.chart, values: options.values)
        install.createNamespace = options.createNamespace
        install.wait = options.wait
        install.waitForJobs = options.waitForJobs
        install.timeout = options.timeout
        install.atomic = options.atomic
        install.noHooks = options.noHooks
        install.skipCRDs = options.skipCRDs
        install.replace = replace
        install.takeOwnership = options.takeOwnership
        install.forceConflicts = options.forceConflicts
        install.description = options.description
        install.labels = options.labels
        install.dryRun = options.dryRun
        install.skipSchemaValidation = options.skipSchemaValidation
        return install
    }

    /// The upgrade itself; the caller holds the release's lock (or it is a dry run).
    func performUpgrade(_ options: UpgradeOptions, history: [Release]) async throws -> Release {
        let name = options.name
        guard let last = history.last else {
            throw ReleaseError(
                code: .noDeployedRelease, message: "\"\(name)\" has no deployed releases", location: name)
        }
        if last.status.isPending {
            throw ReleaseError(
                code: .locked, message: "another operation (install/upgrade/rollback) is in progress", location: name)
        }
        var current: Release
        if last.status == .deployed {
            current = last
        } else if let deployed = history.last(where: { $0.status == .deployed }) {
            current = deployed
        } else if last.status == .failed || last.status == .superseded {
            current = last
        } else {
            throw ReleaseError(
                code: .noDeployedRelease, message: "\"\(name)\" has no deployed releases", location: name)
        }
        let namespace = current.namespace

        var chart = options.chart
        let values = try reusedValues(options, current: current, chart: &chart)
        let revision = last.version + 1
        let (prepared, rendered) = try await render(
            chart: chart, values: values, name: name, namespace: namespace, revision: revision, isUpgrade: true,
            skipSchemaValidation: options.skipSchemaValidation)
        var labels = last.labels.merging(options.labels) { _, new in new }
        labels = labels.filter { $0.value != "null" }
        var upgraded = try newRelease(
            name: name, namespace: namespace, version: revision, prepared: prepared, rendered: rendered,
            config: values, labels: labels, status: .pendingUpgrade, description: "Preparing upgrade",
            firstDeployed: current.info?.firstDeployed ?? .zero)
        let currentResources = try await resources(
            of: current.manifest, release: name, namespace: namespace, what: "current release manifest")
        let target = try await resources(of: rendered, release: name, namespace: namespace)
        // Objects new to the release must not belong to something else; checked before anything is recorded.
        let known = Set(currentResources.map(\.identity))
        _ = try await applier(for: name, namespace: namespace).existing(
            target.filter { !known.contains($0.identity) }, takeOwnership: options.takeOwnership, operation: "update")
        if options.dryRun {
            upgraded.setStatus(.pendingUpgrade, options.description ?? "Dry run complete")
            return upgraded
        }
        try await storage.create(upgraded)
        logger.info("upgrading release", metadata: ["fluxhelm.release": "\(upgraded.storageKey)"])

        let hooks = HookRunner(configuration: self)
        var created: [ReleaseResource] = []
        do {
            if !options.noHooks {
                do {
                    try await hooks.run(.preUpgrade, on: &upgraded, timeout: options.timeout)
                } catch {
                    throw Self.wrap(error, "pre-upgrade hooks failed: ", release: name)
                }
            }
            // Releases Helm applied client-side (Helm 3) are taken over: their fields belong to other managers.
            let takeOver = current.applyMethod != "ssa"
            let changes = try await applier(for: name, namespace: namespace).update(
                current: currentResources, target: target, force: options.force,
                forceConflicts: options.forceConflicts || (takeOver && !options.force),
                takeOwnership: options.takeOwnership)
            created = changes.created
            if options.wait || options.atomic {
                try await waiter.waitReady(target, timeout: options.timeout, waitForJobs: options.waitForJobs)
            }
            if !options.noHooks {
                do {
                    try await hooks.run(.postUpgrade, on: &upgraded, timeout: options.timeout)
                } catch {
                    throw Self.wrap(error, "post-upgrade hooks failed: ", release: name)
                }
            }
        } catch {
            try await failUpgrade(&upgraded, options: options, created: created, error: error)
        }
        current.setStatus(.superseded, current.info?.description ?? "")
        await record(current, "failed to supersede the previous revision")
        upgraded.setStatus(.deployed, options.description ?? "Upgrade complete")
        await record(upgraded, "failed to record the upgraded release")
        return upgraded
    }

    /// The values of the new revision, and the chart defaults they apply over (Helm 4's `reuseValues`).
    private func reusedValues(
        _ options: UpgradeOptions, current: Release, chart: inout HelmEngine.Chart
    ) throws -> [String: GoTemplate.Value] {
        if options.resetValues { return options.values }
        let previous = try LosslessJSON.templateValues(current.config)
        if options.reuseValues {
            // The previous chart's defaults coalesced with the previous config become the defaults.
            if let stored = current.chart {
                var warnings: [String] = []
                do {
                    chart.values = try Values.coalesce(
                        chart: try stored.engineChart(), values: previous, warnings: &warnings)
                } catch {
                    throw ReleaseError.renderFailed(release: options.name, chart: chart.name, cause: error)
                }
            }
            return Values.coalesceTables(options.values, previous)
        }
        if options.resetThenReuseValues {
            return Values.coalesceTables(options.values, previous)
        }
        if options.values.isEmpty && !previous.isEmpty {
            return previous
        }
        return options.values
    }

    /// Records the failed upgrade, cleans up, rolls back with `atomic`, and throws the failure.
    private func failUpgrade(
        _ release: inout Release, options: UpgradeOptions, created: [ReleaseResource], error: any Error
    ) async throws -> Never {
        let name = options.name
        let text = ReleaseError.text(of: error)
        release.setStatus(.failed, "Upgrade \"\(name)\" failed: \(text)")
        await record(release, "failed to record the failed upgrade")
        logger.warning("upgrade failed", metadata: ["fluxhelm.release": "\(release.storageKey)", "error": "\(text)"])
        if options.cleanupOnFail, !created.isEmpty {
            let (_, errors) = await applier(for: name, namespace: release.namespace).deleteReporting(created)
            if !errors.isEmpty {
                throw ReleaseError.operationFailed(
                    "an error occurred while cleaning up resources. original upgrade error: \(text): unable to "
                        + "cleanup resources: " + errors.map(\.message).joined(separator: ", "),
                    release: name, cause: error)
            }
        }
        guard options.atomic else {
            throw ReleaseError.operationFailed(text, release: name, cause: error)
        }
        let history = try await storage.history(name: name, namespace: release.namespace)
        guard
            let target = history.last(where: { $0.status == .superseded || $0.status == .deployed })
        else {
            throw ReleaseError.operationFailed(
                "unable to find a previously successful release when attempting to rollback. original upgrade error: "
                    + text, release: name, cause: error)
        }
        var rollback = RollbackOptions()
        rollback.version = target.version
        rollback.wait = options.wait || options.atomic
        rollback.waitForJobs = options.waitForJobs
        rollback.noHooks = options.noHooks
        rollback.force = options.force
        rollback.forceConflicts = options.forceConflicts
        rollback.timeout = options.timeout
        do {
            _ = try await performRollback(name: name, namespace: release.namespace, rollback)
        } catch let rollbackError {
            throw ReleaseError.operationFailed(
                "an error occurred while rolling back the release. original upgrade error: \(text): "
                    + ReleaseError.text(of: rollbackError), release: name, cause: error)
        }
        throw ReleaseError.operationFailed(
            "release \(name) failed, and has been rolled back due to rollback-on-failure being set: \(text)",
            release: name, cause: error)
    }
}
