import Logging

/// Makes sure two fluxhelm processes never operate on the same release at once, and recovers releases whose
/// operation died.
///
/// Each release has a lease (``ReleaseLease``) in a ``ReleaseLeaseStore``.
/// ``beginOperation(release:namespace:storage:)`` takes the lease (or fails with ``ReleaseError/Code/locked``
/// while another live process holds it), then looks at the release's latest record and, through ``ReleaseRecovery``, marks a stale `pending-*` record
/// `failed`. While the operation runs, the caller calls ``renew(release:namespace:)`` well within
/// ``Configuration/leaseDuration`` (a third of it is the usual choice) and stops the operation if renewal fails;
/// at the end it calls ``release(release:namespace:)``.
///
/// ```swift
/// let lock = ReleaseLock(store: leases, identity: "fluxhelm-7d9c-\(UInt32.random(in: 0...UInt32.max))")
/// let start = try await lock.beginOperation(release: "web", namespace: "apps", storage: storage)
/// // ... run the operation from start.latest, calling lock.renew(release:namespace:) every 20 s ...
/// try await lock.release(release: "web", namespace: "apps")
/// ```
public actor ReleaseLock {
    /// Timing of the lock.
    public struct Configuration: Sendable, Hashable {
        /// How long a lease lasts without renewal. Default 60 seconds.
        public var leaseDuration: Duration
        /// How long an operation may run; a pending record older than this, not covered by a fluxhelm lease, is
        /// stale. Default 5 minutes (Helm's `--timeout` default).
        public var operationTimeout: Duration

        /// Creates a configuration; each parameter defaults as documented on its property.
        public init(leaseDuration: Duration = .seconds(60), operationTimeout: Duration = .seconds(300)) {
            self.leaseDuration = leaseDuration
            self.operationTimeout = operationTimeout
        }
    }

    /// What ``beginOperation(release:namespace:storage:)`` found and did.
    public struct Start: Sendable, Hashable {
        /// The lease now held.
        public var lease: ReleaseLease
        /// The release's highest revision after recovery (nil for a new release).
        public var latest: Release?
        /// The record that was marked `failed` because its operation had died, if any.
        public var recovered: Release?
    }

    private let store: any ReleaseLeaseStore
    private let clock: any WallClock
    /// This process's identity in every lease it holds.
    public nonisolated let identity: String
    /// The timing in force.
    public nonisolated let configuration: Configuration
    private var machines: [String: ReleaseLockStateMachine] = [:]

    /// Creates a lock for one process.
    /// - Parameters:
    ///   - store: where leases live.
    ///   - identity: unique per process; two processes with one identity would share every lock.
    ///   - clock: the time source; the system clock by default.
    ///   - configuration: timing; see ``Configuration``.
    public init(
        store: any ReleaseLeaseStore, identity: String, clock: any WallClock = SystemWallClock(),
        configuration: Configuration = Configuration()
    ) {
        self.store = store
        self.identity = identity
        self.clock = clock
        self.configuration = configuration
    }

    private static func id(_ release: String, _ namespace: String) -> String { namespace + "/" + release }

    /// Takes the release's lease.
    /// - Returns: the lease now held, and the lease as it was before (nil if none existed).
    /// - Throws: ``ReleaseError/Code/locked`` if another process holds a live lease or won a race for it.
    public func acquire(
        release: String, namespace: String
    ) async throws -> (held: ReleaseLease, previous: ReleaseLease?) {
        let id = Self.id(release, namespace)
        var machine =
            machines[id] ?? ReleaseLockStateMachine(identity: identity, leaseDuration: configuration.leaseDuration)
        let observed = try await store.get(release: release, namespace: namespace)
        let now = clock.now()
        let stored: ReleaseLease
        do {
            switch machine.acquire(release: release, namespace: namespace, observed: observed, now: now) {
            case .wait(let holder, let expiry):
                throw ReleaseError.locked(release: release, holder: holder, until: expiry)
            case .create(let lease):
                stored = try await store.create(lease)
            case .update(let lease):
                stored = try await store.update(lease)
            }
        } catch let error as ReleaseError where error.code == .conflict {
            machine.writeConflicted()
            machines[id] = machine
            // Another process wrote the lease between our read and write; it holds it now.
            let winner = try await store.get(release: release, namespace: namespace)
            throw ReleaseError.locked(
                release: release, holder: winner?.holderIdentity ?? "another process", until: winner?.expiry ?? now
            )
        }
        machine.acquired(stored)
        machines[id] = machine
        return (stored, observed)
    }

    /// Takes the lease, then recovers a stale pending record (see ``ReleaseRecovery``).
    /// - Throws: ``ReleaseError/Code/locked`` if another process holds the release, or a pending record may
    ///   still belong to a live operation outside fluxhelm (the lease is given back in that case).
    public func beginOperation(release: String, namespace: String, storage: ReleaseStorage) async throws -> Start {
        let (held, previous) = try await acquire(release: release, namespace: namespace)
        do {
            let latest = try await storage.history(name: release, namespace: namespace).last
            let decision = ReleaseRecovery.decide(
                latest: latest, previousLease: previous, now: clock.now(),
                operationTimeout: configuration.operationTimeout
            )
            switch decision {
            case .proceed:
                return Start(lease: held, latest: latest, recovered: nil)
            case .recover(let failed):
                storage.logger.info(
                    "recovering interrupted release operation",
                    metadata: ["fluxhelm.release": "\(failed.storageKey)", "k8s.namespace": "\(namespace)"]
                )
                try await storage.update(failed)
                return Start(lease: held, latest: failed, recovered: failed)
            case .wait(let until, let reason):
                try await self.release(release: release, namespace: namespace)
                throw ReleaseError(code: .locked, message: reason + " (retry at \(until))", location: release)
            }
        } catch {
            if machines[Self.id(release, namespace)]?.heldLease != nil {
                try? await self.release(release: release, namespace: namespace)
            }
            throw error
        }
    }

    /// Renews a held lease; call it well within the lease duration while the operation runs.
    /// - Throws: ``ReleaseError/Code/locked`` if the lease expired or another process replaced it; stop the
    ///   operation then, since another process may be working on the release.
    public func renew(release: String, namespace: String) async throws {
        let id = Self.id(release, namespace)
        guard var machine = machines[id] else {
            throw ReleaseError(
                code: .locked, message: "release \(release) is not locked by \(identity)", location: release)
        }
        switch machine.renew(now: clock.now()) {
        case .notHeld:
            throw ReleaseError(
                code: .locked, message: "release \(release) is not locked by \(identity)", location: release)
        case .lost(let expiredAt):
            machines[id] = machine
            throw ReleaseError(
                code: .locked, message: "lock of release \(release) expired at \(expiredAt) before renewal",
                location: release
            )
        case .update(let lease):
            do {
                machine.renewed(try await store.update(lease))
                machines[id] = machine
            } catch let error as ReleaseError where error.code == .conflict {
                machine.writeConflicted()
                machines[id] = machine
                throw ReleaseError(
                    code: .locked, message: "lock of release \(release) was taken by another process",
                    location: release,
                    cause: error
                )
            }
        }
    }

    /// Gives the lease back so the next operation need not wait for it to expire.
    /// - Parameter deletingLease: delete the Lease object instead (after an uninstall that removed every record,
    ///   nothing is left to guard); a lease another process took meanwhile is left alone.
    public func release(release: String, namespace: String, deletingLease: Bool = false) async throws {
        let id = Self.id(release, namespace)
        guard var machine = machines.removeValue(forKey: id), let lease = machine.release(now: clock.now()) else {
            return
        }
        let released = try await store.update(lease)
        if deletingLease { try await store.delete(released) }
    }
}
