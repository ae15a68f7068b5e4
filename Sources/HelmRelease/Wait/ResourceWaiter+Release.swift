extension ResourceWaiter {
    /// Waits until every resource is ready under ``strategy``'s rules: Deployments, StatefulSets, DaemonSets and
    /// ReplicaSets rolled out and available, Pods ready, Jobs complete when `waitForJobs`, PVCs bound,
    /// LoadBalancer Services with an ingress, CRDs established, APIServices available; other kinds ready once they
    /// exist (under ``WaitStrategy/watcher``, custom resources with a `Ready` condition wait for it). Paused
    /// Deployments are not waited for.
    ///
    /// - Parameters:
    ///   - resources: the release's objects; duplicates are read once.
    ///   - timeout: the limit for the whole wait; zero or less checks once.
    ///   - waitForJobs: whether Jobs must complete (`--wait-for-jobs`).
    /// - Throws: ``ReleaseError`` with code ``ReleaseError/Code/timeout`` naming the first resource still not
    ///   ready and why, ``ReleaseError/Code/failed`` at once for a terminal failure (a failed Job or Pod, a
    ///   Deployment past its progress deadline), ``ReleaseError/Code/resourceFailed`` when a read is refused
    ///   (forbidden, unknown kind); `CancellationError` when the task is cancelled.
    public func waitReady(_ resources: [ReleaseResource], timeout: Duration, waitForJobs: Bool) async throws {
        try await poll(resources.map(WaitTarget.init), timeout: timeout, goal: .ready(waitForJobs: waitForJobs))
    }

    /// Waits until none of the resources exists any more (objects kept by finalizers count as existing).
    ///
    /// - Throws: ``ReleaseError`` ``ReleaseError/Code/timeout`` naming the first object that still exists, and
    ///   whether it is being deleted and which finalizers hold it.
    public func waitDeleted(_ resources: [ReleaseResource], timeout: Duration) async throws {
        try await poll(resources.map(WaitTarget.init), timeout: timeout, goal: .deleted)
    }

    /// Waits for a hook as Helm does: a Job until `Complete`, a Pod until `Succeeded`; any other kind returns at
    /// once without reading the cluster.
    ///
    /// - Throws: ``ReleaseError`` ``ReleaseError/Code/hookFailed`` when the Job gets a `Failed` condition (its
    ///   reason and message are quoted) or the Pod fails; ``ReleaseError/Code/timeout`` when it does not finish in
    ///   time.
    public func waitHookCompleted(_ resource: ReleaseResource, timeout: Duration) async throws {
        guard Self.hookNeedsWait(resource.gvk) else { return }
        try await poll([WaitTarget(resource)], timeout: timeout, goal: .hookCompleted)
    }
}

extension WaitTarget {
    init(_ resource: ReleaseResource) {
        self.init(gvk: resource.gvk, key: resource.key, displayName: resource.displayName)
    }
}
