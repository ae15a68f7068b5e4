import KubeAPI

/// Readiness as Helm's `--wait=legacy` (Helm 3's pkg/kube/ready.go) decides it, written from its documented
/// behaviour, but from the object alone:
/// - A Deployment's ready count comes from its own status (`min(updatedReplicas, readyReplicas)`) rather than from
///   a separate read of its newest ReplicaSet; the two agree once the controller has observed the generation.
/// - ReplicaSets and ReplicationControllers are judged by `observedGeneration` and their ready replicas, not by
///   listing their Pods.
/// - Pods: `Succeeded` is ready and `Failed` terminal (Helm 3 waits on the `Ready` condition only, so a completed
///   Pod would time out).
/// - Jobs with `--wait-for-jobs`: a `Failed` condition, or more failures than `backoffLimit`, is terminal.
enum LegacyReadinessRules {
    static func readiness(of view: ObjectStatusView, waitForJobs: Bool) -> ResourceReadiness {
        let gvk = view.object.groupVersionKind
        switch (gvk.group, gvk.kind) {
        case ("apps", "Deployment"), ("extensions", "Deployment"): return deployment(view)
        case ("apps", "StatefulSet"): return statefulSet(view)
        case ("apps", "DaemonSet"), ("extensions", "DaemonSet"): return daemonSet(view)
        case ("apps", "ReplicaSet"), ("extensions", "ReplicaSet"), ("", "ReplicationController"):
            return replicaSet(view)
        case ("", "Pod"): return pod(view)
        case ("batch", "Job"): return waitForJobs ? job(view) : .ready
        case ("", "PersistentVolumeClaim"): return SharedReadinessRules.persistentVolumeClaim(view)
        case ("", "Service"): return SharedReadinessRules.service(view, requireClusterIP: true)
        case ("apiextensions.k8s.io", "CustomResourceDefinition"): return customResourceDefinition(view)
        case ("apiregistration.k8s.io", "APIService"): return SharedReadinessRules.apiService(view)
        default: return .ready
        }
    }

    /// Kubernetes' deployment MaxUnavailable: 0 unless RollingUpdate with replicas; both maxSurge and
    /// maxUnavailable resolving to 0 means 1; never more than the replicas. Absent values take the API server's
    /// defaults (25%), which a live object always carries.
    static func deploymentMaxUnavailable(_ view: ObjectStatusView) -> Int64 {
        let replicas = view.int("spec", "replicas", default: 1)
        let type = view.string("spec", "strategy", "type", default: "RollingUpdate")
        guard type == "RollingUpdate", replicas > 0 else { return 0 }
        let rolling = view.value("spec", "strategy", "rollingUpdate")
        let surge = IntOrPercent.scaled(rolling?["maxSurge"], total: replicas, roundUp: true, default: "25%")
        let unavailable = IntOrPercent.scaled(
            rolling?["maxUnavailable"], total: replicas, roundUp: false, default: "25%")
        // A malformed value makes Kubernetes' ResolveFenceposts fail, which MaxUnavailable reads as 0.
        guard let surge, var unavailable else { return 0 }
        if surge == 0, unavailable == 0 { unavailable = 1 }
        return min(max(unavailable, 0), replicas)
    }

    private static func deployment(_ view: ObjectStatusView) -> ResourceReadiness {
        let subject = view.subject
        if view.bool("spec", "paused") { return .ready }
        if let verdict = SharedReadinessRules.generationNotObserved(view, requireObserved: true) { return verdict }
        let replicas = view.int("spec", "replicas", default: 1)
        let maxUnavailable = deploymentMaxUnavailable(view)
        let expected = replicas - maxUnavailable
        let updated = view.int("status", "updatedReplicas")
        let ready = min(updated, view.int("status", "readyReplicas"))
        if ready < expected {
            return .notReady(
                "\(subject) has \(ready)/\(expected) ready updated replicas "
                    + "(\(replicas) desired, \(maxUnavailable) may be unavailable)")
        }
        return .ready
    }

    private static func statefulSet(_ view: ObjectStatusView) -> ResourceReadiness {
        let subject = view.subject
        if let verdict = SharedReadinessRules.generationNotObserved(view, requireObserved: true) { return verdict }
        if view.string("spec", "updateStrategy", "type", default: "RollingUpdate") != "RollingUpdate" { return .ready }
        let replicas = view.int("spec", "replicas", default: 1)
        let partition = view.int("spec", "updateStrategy", "rollingUpdate", "partition")
        let expectedUpdated = replicas - partition
        let updated = view.int("status", "updatedReplicas")
        let ready = view.int("status", "readyReplicas")
        if updated < expectedUpdated {
            return .notReady("\(subject) has \(updated)/\(expectedUpdated) updated replicas (partition \(partition))")
        }
        if ready != replicas { return .notReady("\(subject) has \(ready)/\(replicas) ready replicas") }
        // During a partitioned rollout the revisions legitimately differ.
        let currentRevision = view.string("status", "currentRevision")
        let updateRevision = view.string("status", "updateRevision")
        if partition == 0, currentRevision != updateRevision {
            return .notReady(
                "\(subject) is rolling out revision \(updateRevision) (current revision \(currentRevision))")
        }
        return .ready
    }

    private static func daemonSet(_ view: ObjectStatusView) -> ResourceReadiness {
        let subject = view.subject
        if let verdict = SharedReadinessRules.generationNotObserved(view, requireObserved: true) { return verdict }
        if view.string("spec", "updateStrategy", "type", default: "RollingUpdate") != "RollingUpdate" { return .ready }
        let desired = view.int("status", "desiredNumberScheduled")
        let updated = view.int("status", "updatedNumberScheduled")
        if updated != desired { return .notReady("\(subject) has \(updated)/\(desired) updated pods scheduled") }
        // apps/v1 defaults maxUnavailable to 1; a malformed value allows every pod to be unavailable.
        let maxUnavailable =
            IntOrPercent.scaled(
                view.value("spec", "updateStrategy", "rollingUpdate", "maxUnavailable"), total: desired,
                roundUp: true, default: 1) ?? desired
        let expected = desired - maxUnavailable
        let ready = view.int("status", "numberReady")
        if ready < expected {
            return .notReady(
                "\(subject) has \(ready)/\(expected) ready pods "
                    + "(\(desired) desired, \(maxUnavailable) may be unavailable)"
            )
        }
        return .ready
    }

    private static func replicaSet(_ view: ObjectStatusView) -> ResourceReadiness {
        if let verdict = SharedReadinessRules.generationNotObserved(view, requireObserved: true) { return verdict }
        let replicas = view.int("spec", "replicas", default: 1)
        let ready = view.int("status", "readyReplicas")
        if ready < replicas { return .notReady("\(view.subject) has \(ready)/\(replicas) ready replicas") }
        return .ready
    }

    private static func pod(_ view: ObjectStatusView) -> ResourceReadiness {
        switch view.string("status", "phase") {
        case "Succeeded": return .ready
        case "Failed": return .failed(SharedReadinessRules.podFailure(view))
        default:
            if view.condition("Ready")?.isTrue ?? false { return .ready }
            return .notReady("\(view.subject) is not Ready")
        }
    }

    private static func job(_ view: ObjectStatusView) -> ResourceReadiness {
        if let verdict = SharedReadinessRules.jobOutcome(view) { return verdict }
        let subject = view.subject
        let backoffLimit = view.int("spec", "backoffLimit", default: 6)
        let failed = view.int("status", "failed")
        if failed > backoffLimit {
            return .failed("\(subject) failed: \(failed) failed pods exceed backoffLimit \(backoffLimit)")
        }
        let parallelism = view.int("spec", "parallelism", default: 1)
        let completions = view.int("spec", "completions", default: parallelism)
        let succeeded = view.int("status", "succeeded")
        if succeeded < completions {
            return .notReady("\(subject) has not completed (\(SharedReadinessRules.jobCounts(view)))")
        }
        return .ready
    }

    /// Helm 3 counts a CRD whose names were rejected as ready (the conflict is not its to report).
    private static func customResourceDefinition(_ view: ObjectStatusView) -> ResourceReadiness {
        for condition in view.conditions {
            if condition.type == "Established", condition.isTrue { return .ready }
            if condition.type == "NamesAccepted", condition.isFalse { return .ready }
        }
        return .notReady("\(view.subject) is not established yet")
    }
}
