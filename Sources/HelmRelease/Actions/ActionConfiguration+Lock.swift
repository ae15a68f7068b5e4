import Logging

extension ActionConfiguration {
    /// Runs `body` holding the release's lock: takes the lease (recovering a stale pending record), renews it
    /// every third of the lease duration on ``timer`` while `body` runs, and gives it back at the end, also on
    /// failure.
    ///
    /// If a renewal fails, another process may take the release over, so `body` is cancelled and the renewal
    /// error is thrown. A cancelled operation leaves its lease to expire (see the comment in the catch).
    /// - Throws: ``ReleaseError/Code/locked`` naming the holder when another live operation holds the release.
    /// - Parameter deletingLease: delete the Lease at the end instead of giving it back, when `body` succeeded
    ///   (an uninstall that removed every record leaves nothing for it to guard).
    func withReleaseLock<T: Sendable>(
        name: String, namespace: String, deletingLease: Bool = false,
        _ body: @Sendable @escaping (ReleaseLock.Start) async throws -> T
    ) async throws -> T {
        let start: ReleaseLock.Start
        do {
            start = try await lock.beginOperation(release: name, namespace: namespace, storage: storage)
        } catch let error as ReleaseError where error.code == .locked {
            throw ReleaseError(
                code: .locked,
                message: "another operation (install/upgrade/rollback) is in progress on release \(name): "
                    + error.message,
                location: name, cause: error)
        }
        if let recovered = start.recovered {
            logger.warning(
                "recovered interrupted release operation",
                metadata: [
                    "fluxhelm.release": "\(recovered.storageKey)", "k8s.namespace": "\(namespace)",
                    "description": "\(recovered.info?.description ?? "")",
                ])
        }
        let lock = self.lock
        let timer = self.timer
        let interval = lock.configuration.leaseDuration / 3
        do {
            let result = try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    while true {
                        try await timer.sleep(for: interval)
                        try await lock.renew(release: name, namespace: namespace)
                    }
                }
                group.addTask { try await body(start) }
                // The body's result ends the group; a renewal failure throws out of it and cancels the body.
                while let next = try await group.next() {
                    if let value = next {
                        group.cancelAll()
                        return value
                    }
                }
                throw CancellationError()
            }
            try? await lock.release(release: name, namespace: namespace, deletingLease: deletingLease)
            return result
        } catch {
            if Task.isCancelled {
                // A cancelled operation may have left its record pending and could not mark it failed. Giving the
                // lease back would make the next operation wait out the whole operation timeout; left to expire,
                // the lease lets the next operation recover the record as soon as it lapses.
                logger.warning(
                    "operation cancelled; the release lock is left to expire",
                    metadata: ["fluxhelm.release": "\(name)", "k8s.namespace": "\(namespace)"])
                throw error
            }
            do {
                try await lock.release(release: name, namespace: namespace)
            } catch {
                logger.warning(
                    "could not give back the release lock; it expires on its own",
                    metadata: ["fluxhelm.release": "\(name)", "error": "\(error)"])
            }
            throw error
        }
    }
}
