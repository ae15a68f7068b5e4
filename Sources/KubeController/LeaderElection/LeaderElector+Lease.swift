import Foundation
import KubeAPI
import Logging
import Synchronization

extension LeaderElector {
    /// Tries every retry period until the Lease is ours (or the task is cancelled).
    ///
    /// - Returns: whether leadership was acquired.
    func acquire() async -> Bool {
        while !Task.isCancelled {
            if await tryAcquireOrRenew() { return true }
            do { try await clock.sleep(configuration.retryPeriod) } catch { return false }
        }
        return false
    }

    /// Renews every retry period; throws once no renewal has succeeded for the renew deadline.
    func renewUntilLost() async throws {
        var lastRenewal = clock.elapsed()
        while true {
            try await clock.sleep(configuration.retryPeriod)
            if await tryAcquireOrRenew() {
                lastRenewal = clock.elapsed()
            } else if clock.elapsed() - lastRenewal >= configuration.renewDeadline {
                throw ControllerError(
                    code: .leadershipLost,
                    message:
                        "lease \(configuration.namespace)/\(configuration.leaseName): not renewed within \(configuration.renewDeadline)"
                )
            }
        }
    }

    /// One attempt (client-go's `tryAcquireOrRenew`): create the Lease, renew it, or take it over once expired.
    ///
    /// - Returns: whether this replica holds the Lease afterwards.
    func tryAcquireOrRenew() async -> Bool {
        let key = ObjectKey(namespace: configuration.namespace, name: configuration.leaseName)
        let now = Self.microTime(configuration.now())
        let seconds = Int64(configuration.leaseDuration.components.seconds)
        do {
            let current: KubeObject
            do {
                current = try await client.get(.lease, key)
            } catch let error as KubeAPIError where error.code == .notFound {
                var lease = KubeObject(.lease, key: key)
                lease["spec"] = [
                    "holderIdentity": .string(configuration.identity), "leaseDurationSeconds": .int(seconds),
                    "acquireTime": .string(now), "renewTime": .string(now), "leaseTransitions": 0,
                ]
                let created = try await client.create(lease)
                observe(created["spec"], leading: true)
                return true
            }
            let spec = current["spec"] ?? [:]
            let holder = spec["holderIdentity"]?.stringValue ?? ""
            let elapsed = clock.elapsed()
            let seenAt = observed.withLock { state -> Duration in
                if state.spec != spec {
                    state.spec = spec
                    state.at = elapsed
                }
                return state.at
            }
            let duration =
                spec["leaseDurationSeconds"]?.intValue.map { Duration.seconds($0) } ?? configuration.leaseDuration
            if !holder.isEmpty && holder != configuration.identity && elapsed - seenAt < duration {
                observed.withLock { $0.leading = false }
                return false
            }
            var updated = current
            var newSpec = spec
            newSpec["holderIdentity"] = .string(configuration.identity)
            newSpec["leaseDurationSeconds"] = .int(seconds)
            newSpec["renewTime"] = .string(now)
            if holder != configuration.identity {
                newSpec["acquireTime"] = .string(now)
                newSpec["leaseTransitions"] = .int((spec["leaseTransitions"]?.intValue ?? 0) + 1)
            }
            updated["spec"] = newSpec
            // The update carries the resourceVersion read, so two candidates cannot both win.
            let stored = try await client.update(updated)
            observe(stored["spec"], leading: true)
            return true
        } catch {
            configuration.logger.debug(
                "lease attempt failed",
                metadata: ["lease": "\(key)", "error": "\(error)"])
            observed.withLock { $0.leading = false }
            return false
        }
    }

    /// Gives the Lease up (holder cleared, 1 s duration), so a standby takes over at once; only if still ours.
    func release() async {
        let key = ObjectKey(namespace: configuration.namespace, name: configuration.leaseName)
        do {
            var lease = try await client.get(.lease, key)
            guard lease["spec", "holderIdentity"]?.stringValue == configuration.identity else { return }
            let now = Self.microTime(configuration.now())
            lease["spec", "holderIdentity"] = nil
            lease["spec", "leaseDurationSeconds"] = 1
            lease["spec", "renewTime"] = .string(now)
            _ = try await client.update(lease)
            configuration.logger.info("released leadership", metadata: ["lease": "\(key)"])
        } catch {
            configuration.logger.warning(
                "could not release the lease", metadata: ["lease": "\(key)", "error": "\(error)"])
        }
    }

    private func observe(_ spec: JSONValue?, leading: Bool) {
        let elapsed = clock.elapsed()
        observed.withLock { state in
            state.spec = spec
            state.at = elapsed
            state.leading = leading
        }
    }

    /// RFC 3339 with microseconds in UTC, as Kubernetes writes `metav1.MicroTime`.
    static func microTime(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let micros = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded(.down))
        let whole = Date(timeIntervalSince1970: seconds).formatted(.iso8601)
        let padded =
            String(micros).count < 6
            ? String(repeating: "0", count: 6 - String(micros).count) + String(micros) : String(micros)
        return whole.replacingOccurrences(of: "Z", with: ".\(padded)Z")
    }
}
