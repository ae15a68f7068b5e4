public import HelmEngine

/// Decides whether a release's latest record is the trace of an operation that died; pure, with time passed in.
///
/// Helm leaves a release in `pending-install`, `pending-upgrade` or `pending-rollback` when its process is
/// killed, and then refuses every later operation with "another operation is in progress". fluxhelm takes the
/// release's lock first (``ReleaseLock``), then asks this type about the latest record:
///
/// | latest record | previous lease | decision |
/// |---|---|---|
/// | none, or not pending | any | ``Decision/proceed`` |
/// | pending, written before that lease expired | another holder's, expired | ``Decision/recover(_:)`` at once |
/// | pending | none, released, or expired before the write | ``Decision/recover(_:)`` once older than |
/// | | | `operationTimeout`, ``Decision/wait(until:reason:)`` before |
///
/// The last row covers records written outside fluxhelm's locks (by `helm`, or by a process that gave its
/// lease back): nothing vouches that their operation died, so only their age can.
///
/// "Written" is the record's `info.last_deployed` (Helm stamps it when it stores the pending revision), or
/// `first_deployed` when that is zero; a record with neither counts as old. A record left `uninstalling`
/// is treated like a pending one. Recovering marks the record `failed` with a description that starts with
/// `interrupted:`; Helm then treats it like any failed revision (the previous `deployed` revision stays current).
public enum ReleaseRecovery {
    /// What to do about the latest record.
    public enum Decision: Sendable, Hashable {
        /// Nothing is pending: go ahead.
        case proceed
        /// The pending record is stale: store this (`failed`) version of it, then go ahead.
        case recover(Release)
        /// The pending record may belong to a live operation outside fluxhelm's locks: try again at `until`.
        case wait(until: GoTime, reason: String)
    }

    /// Whether `status` means an operation was under way.
    public static func isInterruptible(_ status: ReleaseStatus) -> Bool {
        status.isPending || status == .uninstalling
    }

    /// Decides about `latest`, the highest revision of the release, just after this process took the lock.
    /// - Parameters:
    ///   - latest: the release's highest revision, nil if it has none.
    ///   - previousLease: the lease as read before this process took it over (nil if none existed).
    ///   - now: the current time.
    ///   - operationTimeout: how long an operation may run (`--timeout`, 5 minutes by default in Helm);
    ///     a pending record older than this with no lease to vouch for it is stale.
    public static func decide(
        latest: Release?, previousLease: ReleaseLease?, now: GoTime, operationTimeout: Duration
    ) -> Decision {
        guard let latest, isInterruptible(latest.status) else { return .proceed }
        let info = latest.info ?? ReleaseInfo()
        let written = info.lastDeployed.isZero ? info.firstDeployed : info.lastDeployed
        let status = latest.status.rawValue

        if let lease = previousLease, let holder = lease.holderIdentity, !lease.isHeld(at: now),
            written <= lease.expiry
        {
            let reason = "\(status) left by \(holder), whose lock expired at \(lease.expiry)"
            return .recover(markFailed(latest, reason: reason, now: now))
        }
        let staleAt = written.adding(operationTimeout)
        if written.isZero || now >= staleAt {
            let reason =
                "\(status) since \(written.isZero ? "an unknown time" : written.rfc3339Nano), "
                + "longer than the operation timeout \(operationTimeout)"
            return .recover(markFailed(latest, reason: reason, now: now))
        }
        return .wait(
            until: staleAt,
            reason: "release \(latest.name) is \(status) since \(written) with no fluxhelm lock; another tool may "
                + "be operating on it, so fluxhelm waits until \(staleAt) before treating it as interrupted"
        )
    }

    /// The record marked `failed` with an `interrupted:` description.
    static func markFailed(_ release: Release, reason: String, now: GoTime) -> Release {
        var failed = release
        var info = failed.info ?? ReleaseInfo()
        info.status = .failed
        info.description = "interrupted: \(reason)"
        failed.info = info
        return failed
    }
}
