import HelmEngine
import Logging

extension ActionConfiguration {
    /// Installs a chart as a new release, as `helm install` does.
    ///
    /// The name is checked (valid, not in use unless `replace` and the latest revision failed or was
    /// uninstalled), the chart's CRDs are created first (unless `skipCRDs`) and waited for, the chart is
    /// rendered for revision 1, revision 1 is recorded `pending-install`, `pre-install` hooks run, the resources
    /// are created in install order, waited for (`wait`, `atomic`), `post-install` hooks run, and the revision is
    /// recorded `deployed` (`Install complete`) or `failed` (`Release "NAME" failed: ...`). With `atomic`, a
    /// failed install is uninstalled. A chart that fails to render writes nothing; a dry run writes nothing.
    /// - Returns: the release as recorded.
    /// - Throws: ``ReleaseError``: `.invalidOperation` (name), `.locked` (another operation), `.renderFailed`,
    ///   or the failure that made the revision `failed`, with its code (`.timeout`, `.hookFailed`, ...).
    public func install(_ options: InstallOptions) async throws -> Release {
        try ReleaseNameValidator.validate(
            options.name, prefix: "release name check failed: release name \"\(options.name)\": ")
        try ReleaseNameValidator.validateLabels(options.labels)
        if options.dryRun {
            return try await dryRunInstall(options)
        }
        if options.createNamespace {
            try await createNamespace(options.namespace)
        }
        return try await withReleaseLock(name: options.name, namespace: options.namespace) { _ in
            try await self.performInstall(options)
        }
    }

    /// Renders and resolves everything an install would create, without writing.
    private func dryRunInstall(_ options: InstallOptions) async throws -> Release {
        let (prepared, rendered) = try await render(
            chart: options.chart, values: options.values, name: options.name, namespace: options.namespace,
            revision: 1, isUpgrade: false, skipSchemaValidation: options.skipSchemaValidation)
        _ = try await resources(of: rendered, release: options.name, namespace: options.namespace)
        return try newRelease(
            name: options.name, namespace: options.namespace, version: 1, prepared: prepared, rendered: rendered,
            config: options.values, labels: options.labels, status: .pendingInstall,
            description: options.description ?? "Dry run complete")
    }

    /// The install itself; the caller holds the release's lock.
    func performInstall(_ options: InstallOptions) async throws -> Release {
        let name = options.name
        let namespace = options.namespace
        let history = try await storage.history(name: name, namespace: namespace)
        if let last = history.last, !(options.replace && (last.status == .uninstalled || last.status == .failed)) {
            throw ReleaseError.invalidOperation(
                "release name check failed: cannot reuse a name that is still in use", release: name)
        }
        let prepared = try prepare(
            chart: options.chart, values: options.values, name: name,
            skipSchemaValidation: options.skipSchemaValidation)
        if !options.skipCRDs {
            // CRDs (of the chart after dependency processing) come before rendering: templates may use them.
            try await installCRDs(
                prepared.chart.allCRDs(), release: name, namespace: namespace, timeout: options.timeout)
        }
        let rendered = try await render(prepared, name: name, namespace: namespace, revision: 1, isUpgrade: false)
        let resources = try await resources(of: rendered, release: name, namespace: namespace)
        // Helm checks ownership before it records anything: an object owned by something else stops the install
        // with nothing written.
        _ = try await applier(for: name, namespace: namespace)
            .existing(resources, takeOwnership: options.takeOwnership, operation: "install")
        var release = try newRelease(
            name: name, namespace: namespace, version: 1, prepared: prepared, rendered: rendered,
            config: options.values, labels: options.labels, status: .pendingInstall,
            description: "Initial install underway")
        if options.replace, var last = history.last {
            release.version = last.version + 1
            if last.status != .failed {
                last.setStatus(.superseded, "superseded by new release")
                try await storage.update(last)
            }
        }
        try await storage.create(release)
        logger.info("installing release", metadata: ["fluxhelm.release": "\(release.storageKey)"])

        let hooks = HookRunner(configuration: self)
        do {
            if !options.noHooks {
                do {
                    try await hooks.run(.preInstall, on: &release, timeout: options.timeout)
                } catch {
                    throw Self.wrap(error, "failed pre-install: ", release: name)
                }
            }
            if !resources.isEmpty {
                _ = try await applier(for: name, namespace: namespace)
                    .create(resources, takeOwnership: options.takeOwnership)
            }
            if options.wait || options.atomic {
                try await waiter.waitReady(resources, timeout: options.timeout, waitForJobs: options.waitForJobs)
            }
            if !options.noHooks {
                do {
                    try await hooks.run(.postInstall, on: &release, timeout: options.timeout)
                } catch {
                    throw Self.wrap(error, "failed post-install: ", release: name)
                }
            }
        } catch {
            try await failInstall(&release, options: options, error: error)
        }
        release.setStatus(.deployed, options.description ?? "Install complete")
        await record(release, "failed to record the installed release")
        return release
    }

    /// Records the failed install (or uninstalls it with `atomic`) and throws the failure.
    private func failInstall(_ release: inout Release, options: InstallOptions, error: any Error) async throws -> Never
    {
        let text = ReleaseError.text(of: error)
        release.setStatus(.failed, "Release \"\(options.name)\" failed: \(text)")
        await record(release, "failed to record the failed install")
        logger.warning("install failed", metadata: ["fluxhelm.release": "\(release.storageKey)", "error": "\(text)"])
        guard options.atomic else {
            throw ReleaseError.operationFailed(text, release: options.name, cause: error)
        }
        var uninstall = UninstallOptions()
        uninstall.noHooks = options.noHooks
        uninstall.timeout = options.timeout
        // Helm's rollback-on-failure waits with the status watcher, for the deletions too.
        uninstall.wait = true
        do {
            _ = try await performUninstall(name: options.name, namespace: options.namespace, uninstall)
        } catch let uninstallError {
            throw ReleaseError.operationFailed(
                "an error occurred while uninstalling the release. original install error: \(text): "
                    + ReleaseError.text(of: uninstallError), release: options.name, cause: error)
        }
        throw ReleaseError.operationFailed(
            "release \(options.name) failed, and has been uninstalled due to rollback-on-failure being set: \(text)",
            release: options.name, cause: error)
    }

    /// Wraps an error in Helm's prefix, keeping its code.
    static func wrap(_ error: any Error, _ prefix: String, release: String) -> ReleaseError {
        ReleaseError.operationFailed(prefix + ReleaseError.text(of: error), release: release, cause: error)
    }

    /// Stores a revision's new state; a failure is logged (as Helm does) since the cluster already changed.
    func record(_ release: Release, _ what: String) async {
        do {
            try await storage.update(release)
        } catch {
            logger.error("\(what)", metadata: ["fluxhelm.release": "\(release.storageKey)", "error": "\(error)"])
        }
    }
}
