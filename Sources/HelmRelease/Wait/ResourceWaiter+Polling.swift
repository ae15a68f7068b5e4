import KubeAPI
import Logging

/// One object to wait for: its type, key and how messages name it.
struct WaitTarget: Sendable, Hashable {
    var gvk: GroupVersionKind
    var key: ObjectKey
    var displayName: String

    init(gvk: GroupVersionKind, key: ObjectKey, displayName: String? = nil) {
        self.gvk = gvk
        self.key = key
        self.displayName =
            displayName
            ?? (key.namespace.isEmpty
                ? "\(gvk.kind) \"\(key.name)\"" : "\(gvk.kind) \"\(key.name)\" in namespace \"\(key.namespace)\"")
    }
}

extension ResourceWaiter {
    /// What a wait is for, which decides how a read object (or its absence) is judged and how errors read.
    enum Goal: Sendable {
        case ready(waitForJobs: Bool)
        case deleted
        case hookCompleted

        var description: String {
            switch self {
            case .ready: "ready"
            case .deleted: "deleted"
            case .hookCompleted: "complete"
            }
        }
    }

    /// Judges one read: `object` is nil when the object does not exist.
    func judge(_ object: KubeObject?, target: WaitTarget, goal: Goal) -> ResourceReadiness {
        switch goal {
        case .ready(let waitForJobs):
            guard let object else { return .notReady("\(target.displayName) does not exist") }
            return Self.readiness(of: object, waitForJobs: waitForJobs, strategy: strategy)
        case .hookCompleted:
            guard let object else { return .notReady("\(target.displayName) does not exist") }
            return Self.hookCompletion(of: object)
        case .deleted:
            guard let object else { return .ready }
            var why = "\(target.displayName) still exists"
            if object.deletionTimestamp != nil {
                why += " (being deleted"
                why += object.finalizers.isEmpty ? ")" : "; finalizers: \(object.finalizers.joined(separator: ", ")))"
            }
            return .notReady(why)
        }
    }

    /// Polls `targets` until every one is settled for `goal`, a terminal failure, or `timeout`.
    ///
    /// A zero or negative timeout checks once. Transient API failures (timeouts, throttling, 5xx, lost
    /// connections) count as "not settled yet"; any other API failure ends the wait with
    /// ``ReleaseError/Code/resourceFailed``.
    func poll(_ targets: [WaitTarget], timeout: Duration, goal: Goal) async throws {
        let start = clock.elapsed()
        var pending = uniqued(targets)
        var reasons: [WaitTarget: String] = [:]
        while true {
            try Task.checkCancellation()
            let remaining = timeout - (clock.elapsed() - start)
            let verdicts = try await readAll(pending, limit: remaining, goal: goal)
            var stillPending: [WaitTarget] = []
            for (target, verdict) in zip(pending, verdicts) {
                switch verdict {
                case .ready:
                    reasons[target] = nil
                case .notReady(let why):
                    reasons[target] = why
                    stillPending.append(target)
                case .failed(let why):
                    logger.debug("wait failed", metadata: ["object": "\(target.displayName)", "reason": "\(why)"])
                    throw goal.isHook ? ReleaseError.hookFailed(target, why) : ReleaseError.resourceFailed(target, why)
                }
            }
            if stillPending.isEmpty { return }
            pending = stillPending
            let elapsed = clock.elapsed() - start
            let first = pending[0]
            let reason = reasons[first] ?? "\(first.displayName) is not \(goal.description)"
            if elapsed >= timeout {
                logger.debug("wait timed out", metadata: ["object": "\(first.displayName)", "reason": "\(reason)"])
                throw ReleaseError.waitTimedOut(
                    goal: goal.description, timeout: timeout, pending: pending.count, first: first, reason: reason)
            }
            logger.debug(
                "waiting for resources", metadata: ["pending": "\(pending.count)", "first": "\(reason)"])
            try await clock.sleep(min(pollInterval, timeout - elapsed))
        }
    }

    /// Reads and judges every target, a few at a time, returning the verdicts in the targets' order.
    private func readAll(_ targets: [WaitTarget], limit: Duration, goal: Goal) async throws -> [ResourceReadiness] {
        if targets.count == 1 { return [try await read(targets[0], limit: limit, goal: goal)] }
        return try await withThrowingTaskGroup(of: (Int, ResourceReadiness).self) { group in
            var verdicts = [ResourceReadiness](repeating: .ready, count: targets.count)
            var next = 0
            func startNext() {
                guard next < targets.count else { return }
                let index = next
                next += 1
                group.addTask { (index, try await self.read(targets[index], limit: limit, goal: goal)) }
            }
            for _ in 0..<Self.concurrentReads { startNext() }
            while let (index, verdict) = try await group.next() {
                verdicts[index] = verdict
                startNext()
            }
            return verdicts
        }
    }

    /// How many GETs one poll has in flight at once.
    static var concurrentReads: Int { 8 }

    /// Reads one target and judges it; absent objects are judged as nil.
    private func read(_ target: WaitTarget, limit: Duration, goal: Goal) async throws -> ResourceReadiness {
        // Each GET is bounded by what is left of the wait (at least a second, so a last poll can answer) and by
        // the client's own per-call limit.
        let callTimeout = min(max(limit, .seconds(1)), client.configuration.timeout)
        do {
            let object = try await client.get(target.gvk, target.key, timeout: callTimeout)
            return judge(object, target: target, goal: goal)
        } catch let error as KubeAPIError {
            switch error.code {
            case .notFound:
                return judge(nil, target: target, goal: goal)
            case .cancelled:
                throw CancellationError()
            case .timeout, .transport, .serverError, .tooManyRequests, .unexpectedStatus:
                return .notReady("\(target.displayName) could not be read: \(error.message)")
            default:
                throw ReleaseError.waitReadFailed(target, error)
            }
        }
    }

    private func uniqued(_ targets: [WaitTarget]) -> [WaitTarget] {
        var seen = Set<WaitTarget>()
        return targets.filter { seen.insert($0).inserted }
    }
}

extension ResourceWaiter.Goal {
    var isHook: Bool {
        if case .hookCompleted = self { return true }
        return false
    }
}

/// Go's time.Duration text (`5m0s`, `1.5s`, `300ms`), the form Helm users know from `--timeout`.
func goDurationText(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    if seconds == 0 && attoseconds == 0 { return "0s" }
    if seconds < 0 || attoseconds < 0 { return "-" + goDurationText(.zero - duration) }
    if seconds == 0 {
        let nanos = attoseconds / 1_000_000_000
        if nanos % 1_000_000 == 0 { return "\(nanos / 1_000_000)ms" }
        if nanos % 1000 == 0 { return "\(nanos / 1000)µs" }
        return "\(nanos)ns"
    }
    var text = ""
    let hours = seconds / 3600
    let minutes = (seconds % 3600) / 60
    if hours > 0 { text += "\(hours)h" }
    if hours > 0 || minutes > 0 { text += "\(minutes)m" }
    var secondsText = "\(seconds % 60)"
    let millis = attoseconds / 1_000_000_000_000_000
    if millis > 0 {
        var fraction = String(millis)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        secondsText += "." + fraction
    }
    return text + secondsText + "s"
}
