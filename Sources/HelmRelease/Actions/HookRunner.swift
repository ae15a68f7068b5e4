import HelmEngine
import KubeAPI
import Logging

/// Runs a release's hooks for one lifecycle event, as Helm's `execHook` does.
///
/// Hooks of the event run one at a time, ordered by weight, then name (Helm's `hookByWeight`; hooks of equal
/// weight and name keep the kind order the renderer gave them). For each: a hook without a delete policy gets
/// `before-hook-creation` (recorded in the release, as Helm does); a `before-hook-creation` hook's previous
/// object is deleted and waited for; the object is applied as rendered (server-side, never forcing conflicts, no
/// ownership metadata, as Helm creates hooks); a Job is waited for until complete and a Pod until it succeeded.
/// `last_run` is recorded in the release when the hook starts and when it ends. When every hook succeeded,
/// `hook-succeeded` hooks are deleted (last first); when one fails, it is deleted if it has `hook-failed`, the
/// hooks that succeeded before it are deleted if they have `hook-succeeded`, and the failure is thrown.
/// CustomResourceDefinition hooks are never deleted.
struct HookRunner: Sendable {
    var configuration: ActionConfiguration
    /// Whether to store the release as each hook starts (false for a dry run, which writes nothing).
    var recordsProgress = true

    private var logger: Logger { configuration.logger }

    /// Runs the hooks of `event` in `release`, updating their `last_run`.
    /// - Throws: ``ReleaseError`` (`.hookFailed`, or `.timeout` from a wait) naming the hook's template.
    func run(_ event: HookEvent, on release: inout Release, timeout: Duration) async throws {
        let ordered = release.hooks.indices.filter { release.hooks[$0].events.contains(event) }
            .enumerated().sorted { lhs, rhs in
                let (a, b) = (release.hooks[lhs.element], release.hooks[rhs.element])
                if a.weight != b.weight { return a.weight < b.weight }
                if a.name != b.name { return a.name < b.name }
                return lhs.offset < rhs.offset
            }.map(\.element)
        guard !ordered.isEmpty else { return }
        let builder = ResourceBuilder(client: configuration.client, namespace: release.namespace)
        let waiter = configuration.waiter
        for (position, index) in ordered.enumerated() {
            if release.hooks[index].deletePolicies.isEmpty {
                release.hooks[index].deletePolicies = [.beforeHookCreation]
            }
            let hook = release.hooks[index]
            try await delete(hook, ifPolicy: .beforeHookCreation, namespace: release.namespace, timeout: timeout)
            let resources: [ReleaseResource]
            do {
                resources = try await builder.build(manifest: hook.manifest)
            } catch {
                throw ReleaseError.hookFailed(
                    "unable to build kubernetes object for \(event) hook \(hook.path): \(ReleaseError.text(of: error))",
                    release: release.name, cause: error)
            }
            release.hooks[index].lastRun = HookExecution(startedAt: configuration.clock.now(), phase: .running)
            await record(release)
            release.hooks[index].lastRun.phase = .unknown
            logger.debug(
                "running hook",
                metadata: ["fluxhelm.release": "\(release.name)", "hook": "\(hook.path)", "event": "\(event)"])
            do {
                _ = try await configuration.applier(for: release.name, namespace: release.namespace)
                    .applyHook(resources)
            } catch {
                release.hooks[index].lastRun.completedAt = configuration.clock.now()
                release.hooks[index].lastRun.phase = .failed
                throw ReleaseError.hookFailed(
                    "warning: Hook \(event) \(hook.path) failed: \(ReleaseError.text(of: error))",
                    release: release.name, cause: error)
            }
            do {
                for resource in resources {
                    try await waiter.waitHookCompleted(resource, timeout: timeout)
                }
            } catch {
                release.hooks[index].lastRun.completedAt = configuration.clock.now()
                release.hooks[index].lastRun.phase = .failed
                do {
                    try await delete(hook, ifPolicy: .hookFailed, namespace: release.namespace, timeout: timeout)
                } catch {
                    logger.warning(
                        "error deleting the hook resource on hook failure",
                        metadata: ["hook": "\(hook.path)", "error": "\(error)"])
                }
                for earlier in ordered[..<position] {
                    try await delete(
                        release.hooks[earlier], ifPolicy: .hookSucceeded, namespace: release.namespace, timeout: timeout
                    )
                }
                let code = (error as? ReleaseError)?.code == .timeout ? ReleaseError.Code.timeout : .hookFailed
                throw ReleaseError(
                    code: code, message: ReleaseError.text(of: error), location: release.name, cause: error)
            }
            release.hooks[index].lastRun.completedAt = configuration.clock.now()
            release.hooks[index].lastRun.phase = .succeeded
        }
        for index in ordered.reversed() {
            try await delete(
                release.hooks[index], ifPolicy: .hookSucceeded, namespace: release.namespace, timeout: timeout)
        }
    }

    /// Deletes a hook's objects when it has `policy`, then waits until they are gone.
    func delete(_ hook: Hook, ifPolicy policy: HookDeletePolicy, namespace: String, timeout: Duration) async throws {
        guard hook.kind != "CustomResourceDefinition", hook.deletePolicies.contains(policy) else { return }
        let resources: [ReleaseResource]
        do {
            resources = try await ResourceBuilder(client: configuration.client, namespace: namespace)
                .build(manifest: hook.manifest)
        } catch {
            throw ReleaseError.hookFailed(
                "unable to build kubernetes object for deleting hook \(hook.path): \(ReleaseError.text(of: error))",
                release: hook.name, cause: error)
        }
        var failures: [String] = []
        for resource in resources {
            do {
                try await configuration.client.delete(
                    resource.gvk, resource.key, options: DeleteOptions(propagationPolicy: .background))
            } catch let error as KubeAPIError where error.code == .notFound {
                continue
            } catch {
                failures.append(ReleaseError.text(of: error))
            }
        }
        guard failures.isEmpty else {
            throw ReleaseError.hookFailed(failures.joined(separator: "; "), release: hook.name, cause: nil)
        }
        try await configuration.waiter.waitDeleted(resources, timeout: timeout)
    }

    /// Stores the release (a hook's start); a failure is logged, as Helm does, since the hook still runs.
    private func record(_ release: Release) async {
        guard recordsProgress else { return }
        do {
            try await configuration.storage.update(release)
        } catch {
            logger.warning(
                "failed to record hook start",
                metadata: ["fluxhelm.release": "\(release.storageKey)", "error": "\(error)"])
        }
    }
}

extension ActionConfiguration {
    /// The readiness waiter of this configuration.
    var waiter: ResourceWaiter {
        ResourceWaiter(
            client: client, pollInterval: pollInterval, clock: timer,
            logger: logger)
    }

    /// The applier of this configuration for one release.
    func applier(for release: String, namespace: String) -> ResourceApplier {
        ResourceApplier(
            client: client, fieldManager: fieldManager, releaseName: release, releaseNamespace: namespace,
            logger: logger)
    }
}
