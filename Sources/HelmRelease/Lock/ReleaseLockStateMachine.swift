public import HelmEngine

/// Decides how one process takes, keeps and gives back the lock of a release; pure, with time passed in.
///
/// The owner (``ReleaseLock``) reads the release's Lease, asks the machine what to write, performs the write
/// with optimistic concurrency (the observed `resourceVersion`), and reports the outcome.
///
/// States and legal transitions:
/// - `idle` → `held` (create or take-over succeeded) | `idle` (the lease is live elsewhere, or a write lost a race)
/// - `held` → `held` (renewed) | `lost` (renewal came too late or lost a race: stop the operation) |
///   `idle` (released)
/// - `lost` → `idle` (after the operation stopped)
public struct ReleaseLockStateMachine: Sendable {
    /// What the owner must write after reading the lease.
    public enum AcquireAction: Sendable, Hashable {
        /// No Lease exists: create this one.
        case create(ReleaseLease)
        /// The Lease is free, expired, or already ours: replace it with this one (its `resourceVersion` is the
        /// observed one, so a concurrent writer makes the update fail).
        case update(ReleaseLease)
        /// Another holder's lease is live; retry after `expiry`.
        case wait(holder: String, expiry: GoTime)
    }

    /// What the owner must do to renew.
    public enum RenewAction: Sendable, Hashable {
        /// Write this lease (renewTime moved to now).
        case update(ReleaseLease)
        /// The lease expired before renewal; another process may own the release now. Stop the operation.
        case lost(expiredAt: GoTime)
        /// Nothing is held.
        case notHeld
    }

    private enum State: Sendable, Hashable {
        case idle
        case held(ReleaseLease)
        case lost
    }

    /// This process's identity, unique per process (for example pod name plus a random suffix).
    public let identity: String
    /// How long a lease lasts without renewal.
    public let leaseDuration: Duration
    private var state: State = .idle

    /// Creates a machine for one process.
    public init(identity: String, leaseDuration: Duration) {
        self.identity = identity
        self.leaseDuration = leaseDuration
    }

    /// The lease this process holds, if any.
    public var heldLease: ReleaseLease? {
        if case .held(let lease) = state { return lease }
        return nil
    }

    /// Whether the lease was lost while held.
    public var isLost: Bool { state == .lost }

    /// Decides how to take the lock given the lease read from the store (nil: no Lease object).
    public func acquire(release: String, namespace: String, observed: ReleaseLease?, now: GoTime) -> AcquireAction {
        guard let observed else {
            return .create(
                ReleaseLease(
                    release: release, namespace: namespace, holderIdentity: identity, leaseDuration: leaseDuration,
                    acquireTime: now, renewTime: now
                )
            )
        }
        if let holder = observed.holderIdentity, holder != identity, observed.isHeld(at: now) {
            return .wait(holder: holder, expiry: observed.expiry)
        }
        var next = observed
        if observed.holderIdentity != identity {
            next.acquireTime = now
            next.leaseTransitions += 1
        }
        next.holderIdentity = identity
        next.leaseDuration = leaseDuration
        next.renewTime = now
        return .update(next)
    }

    /// Records that the create or update from ``acquire(release:namespace:observed:now:)`` was stored.
    public mutating func acquired(_ stored: ReleaseLease) {
        state = .held(stored)
    }

    /// Decides how to renew at `now`. A renewal at or after expiry is refused: by then another process may
    /// have taken the lease, so the operation must stop.
    public mutating func renew(now: GoTime) -> RenewAction {
        guard case .held(let lease) = state else { return state == .lost ? .lost(expiredAt: .zero) : .notHeld }
        guard now < lease.expiry else {
            state = .lost
            return .lost(expiredAt: lease.expiry)
        }
        var next = lease
        next.renewTime = now
        return .update(next)
    }

    /// Records that a renewal was stored.
    public mutating func renewed(_ stored: ReleaseLease) {
        if case .held = state { state = .held(stored) }
    }

    /// Records that a write lost a race (the store reported a conflict). While held, that means another
    /// process replaced the lease: the lock is lost.
    public mutating func writeConflicted() {
        if case .held = state { state = .lost } else { state = .idle }
    }

    /// Decides what to write to give the lock back: the holder cleared, `renewTime` at the release time.
    /// Returns nil if nothing is held.
    public mutating func release(now: GoTime) -> ReleaseLease? {
        defer { state = .idle }
        guard case .held(let lease) = state else { return nil }
        var next = lease
        next.holderIdentity = nil
        next.renewTime = now
        return next
    }
}
