/// Readiness of one live object, decided from its JSON alone
/// (pure; see ``ResourceWaiter/readiness(of:waitForJobs:strategy:)``).
public enum ResourceReadiness: Sendable, Hashable {
    /// The object is ready (or, for kinds without readiness, exists).
    case ready
    /// Not ready yet; the text says which object and why, e.g. `Deployment "web" has 1/3 updated replicas`.
    case notReady(String)
    /// A terminal failure that waiting will not fix (a failed Job or Pod, a Deployment past its progress
    /// deadline, a CRD whose names were rejected); the text says which object and why.
    case failed(String)

    /// Whether this is ``ready``.
    public var isReady: Bool { self == .ready }

    /// The reason for ``notReady(_:)`` or ``failed(_:)``; empty when ready.
    public var reason: String {
        switch self {
        case .ready: ""
        case .notReady(let why), .failed(let why): why
        }
    }
}

/// Which rules decide readiness: Helm 4's two `--wait` strategies.
public enum WaitStrategy: String, Sendable, Hashable, CaseIterable {
    /// Helm 4's default `--wait` (`watcher`): kstatus' rules as Helm 4 configures them. Every replica must be
    /// updated, ready and available (no `maxUnavailable` slack), a Job only needs to have started unless
    /// `--wait-for-jobs`, custom resources with a `Ready` condition wait for it, and `Stalled`/`Reconciling`
    /// conditions and `observedGeneration` apply to every kind.
    case watcher
    /// Helm 3's rules (`--wait=legacy`, pkg/kube/ready.go): Deployments and DaemonSets may have `maxUnavailable`
    /// replicas not ready, StatefulSets honour their partition, other kinds without rules are ready once present.
    case legacy
}
