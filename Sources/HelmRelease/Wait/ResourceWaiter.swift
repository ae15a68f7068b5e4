public import KubeAPI
public import Logging

/// Waits for a release's objects: until they are ready (`--wait`), gone (`uninstall --wait`), or, for hooks,
/// completed.
///
/// It polls: every `pollInterval` on the injected clock it reads each object not yet settled (one GET each) and
/// judges it with ``readiness(of:waitForJobs:strategy:)``, until all are settled or `timeout` has passed. Polling
/// keeps it simple and robust against cut watches and expired resource versions, and costs one GET per pending
/// object per interval (2 s by default, as Helm 3).
///
/// ```swift
/// let waiter = ResourceWaiter(client: client)
/// try await waiter.waitReady(resources, timeout: .seconds(300), waitForJobs: true)
/// ```
public struct ResourceWaiter: Sendable {
    /// The cluster to read from.
    public var client: KubeClient
    /// How long to pause between polls.
    public var pollInterval: Duration
    /// The rules ``waitReady(_:timeout:waitForJobs:)`` applies. Default: ``WaitStrategy/watcher``, Helm 4's.
    public var strategy: WaitStrategy
    /// Where progress is logged (debug only: what is still awaited, timeouts, failures; the error says it once).
    public var logger: Logger
    let clock: ClockBox

    /// Creates a waiter.
    ///
    /// - Parameters:
    ///   - client: the cluster.
    ///   - pollInterval: the pause between polls. Default: 2 s.
    ///   - clock: measures the timeout and paces the polls. Default: `ContinuousClock`.
    ///   - strategy: the readiness rules. Default: ``WaitStrategy/watcher``.
    ///   - logger: where progress goes.
    public init(
        client: KubeClient, pollInterval: Duration = .seconds(2), clock: any Clock<Duration> = ContinuousClock(),
        strategy: WaitStrategy = .watcher, logger: Logger = Logger(label: "fluxhelm.wait")
    ) {
        self.client = client
        self.pollInterval = max(pollInterval, .milliseconds(1))
        self.clock = ClockBox(clock)
        self.strategy = strategy
        self.logger = logger
    }

    /// Readiness of one live object under Helm 4's default (`watcher`) rules.
    ///
    /// - Parameters:
    ///   - object: the object as read from the cluster.
    ///   - waitForJobs: whether a Job must be `Complete` (`--wait-for-jobs`); otherwise it only has to have started.
    public static func readiness(of object: KubeObject, waitForJobs: Bool) -> ResourceReadiness {
        readiness(of: object, waitForJobs: waitForJobs, strategy: .watcher)
    }

    /// Readiness of one live object under the given strategy's rules (see ``WaitStrategy``).
    public static func readiness(of object: KubeObject, waitForJobs: Bool, strategy: WaitStrategy)
        -> ResourceReadiness
    {
        let view = ObjectStatusView(object)
        switch strategy {
        case .watcher: return WatcherReadinessRules.readiness(of: view, waitForJobs: waitForJobs)
        case .legacy: return LegacyReadinessRules.readiness(of: view, waitForJobs: waitForJobs)
        }
    }

    /// Whether a hook object has finished, as Helm waits for hooks: a Job until `Complete` (`Failed` is terminal),
    /// a Pod until `Succeeded` (`Failed` is terminal); any other kind is complete once it exists.
    public static func hookCompletion(of object: KubeObject) -> ResourceReadiness {
        let view = ObjectStatusView(object)
        switch (object.groupVersionKind.group, object.kind) {
        case ("batch", "Job"):
            return SharedReadinessRules.jobOutcome(view)
                ?? .notReady("\(view.subject) has not completed (\(SharedReadinessRules.jobCounts(view)))")
        case ("", "Pod"):
            switch view.string("status", "phase") {
            case "Succeeded": return .ready
            case "Failed": return .failed(SharedReadinessRules.podFailure(view))
            case "": return .notReady("\(view.subject) has no phase yet")
            case let phase: return .notReady("\(view.subject) is \(phase)")
            }
        default:
            return .ready
        }
    }

    /// Whether ``waitHookCompleted(_:timeout:)`` needs to read an object of this kind at all.
    static func hookNeedsWait(_ gvk: GroupVersionKind) -> Bool {
        (gvk.group == "batch" && gvk.kind == "Job") || (gvk.group == "" && gvk.kind == "Pod")
    }
}

