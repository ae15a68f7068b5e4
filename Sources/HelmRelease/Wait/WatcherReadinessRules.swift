import KubeAPI

/// Readiness as Helm 4's default `--wait` (the kstatus "watcher") decides it, written from kstatus' documented
/// rules (fluxcd/cli-utils pkg/kstatus) and Helm 4's overrides (paused Deployments are not waited for; Jobs need
/// `Complete` only with `--wait-for-jobs`).
///
/// Deliberate differences from Helm 4, each toward what the release engine must guarantee:
/// - A `Failed` Pod is a terminal failure (kstatus counts it as current, which would report a release whose Pod
///   failed as deployed).
/// - A `LoadBalancer` Service waits for `status.loadBalancer.ingress` (or `spec.externalIPs`), as Helm 3 did;
///   kstatus only checks that a cluster IP is set, which is true at once.
/// - An `APIService` waits for its `Available` condition (kstatus has no rule for it).
/// - Workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet) whose status has no `observedGeneration` yet are not
///   ready: the controller has not looked at them.
/// - A Pod that is Pending as unschedulable stays not ready (kstatus fails it after 15 s, which needs a clock).
enum WatcherReadinessRules {
    static func readiness(of view: ObjectStatusView, waitForJobs: Bool) -> ResourceReadiness {
        let gvk = view.object.groupVersionKind
        // Helm 4 drops paused Deployments from the wait before asking kstatus anything.
        if isKind(gvk, "Deployment", groups: ["apps", "extensions"]), view.bool("spec", "paused") { return .ready }
        if let verdict = genericChecks(view) { return verdict }
        switch (gvk.group, gvk.kind) {
        case ("apps", "Deployment"), ("extensions", "Deployment"): return deployment(view)
        case ("apps", "StatefulSet"): return statefulSet(view)
        case ("apps", "DaemonSet"), ("extensions", "DaemonSet"): return daemonSet(view)
        case ("apps", "ReplicaSet"), ("extensions", "ReplicaSet"): return replicaSet(view)
        case ("", "Pod"): return pod(view)
        case ("batch", "Job"): return job(view, waitForJobs: waitForJobs)
        case ("", "PersistentVolumeClaim"): return SharedReadinessRules.persistentVolumeClaim(view)
        case ("", "Service"): return SharedReadinessRules.service(view, requireClusterIP: false)
        case ("apiextensions.k8s.io", "CustomResourceDefinition"): return customResourceDefinition(view)
        case ("apiregistration.k8s.io", "APIService"): return SharedReadinessRules.apiService(view)
        case ("", "Secret"), ("", "ConfigMap"), ("batch", "CronJob"), ("policy", "PodDisruptionBudget"),
            ("", "ReplicationController"):
            return .ready
        default: return readyCondition(view)
        }
    }

    static func isKind(_ gvk: GroupVersionKind, _ kind: String, groups: Set<String>) -> Bool {
        gvk.kind == kind && groups.contains(gvk.group)
    }

    /// kstatus' checks for every kind: deletion, an unobserved generation, `Reconciling` and `Stalled`.
    static func genericChecks(_ view: ObjectStatusView) -> ResourceReadiness? {
        let subject = view.subject
        if view.object.deletionTimestamp.map({ !$0.isEmpty }) ?? false {
            return .notReady("\(subject) is being deleted")
        }
        if let verdict = SharedReadinessRules.generationNotObserved(view, requireObserved: isWorkload(view)) {
            return verdict
        }
        for condition in view.conditions {
            if condition.type == "Reconciling", condition.isTrue {
                return .notReady("\(subject) is reconciling (\(condition.explanation))")
            }
            if condition.type == "Stalled", condition.isTrue {
                return .failed("\(subject) is stalled (\(condition.explanation))")
            }
        }
        return nil
    }

    private static func isWorkload(_ view: ObjectStatusView) -> Bool {
        let gvk = view.object.groupVersionKind
        return ["apps", "extensions"].contains(gvk.group)
            && ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"].contains(gvk.kind)
    }

    private static func deployment(_ view: ObjectStatusView) -> ResourceReadiness {
        let subject = view.subject
        let progressing = view.condition("Progressing")
        if let progressing, progressing.reason == "ProgressDeadlineExceeded" {
            return .failed("\(subject) exceeded its progress deadline (\(progressing.explanation))")
        }
        let spec = view.int("spec", "replicas", default: 1)
        let total = view.int("status", "replicas")
        let updated = view.int("status", "updatedReplicas")
        let ready = view.int("status", "readyReplicas")
        let available = view.int("status", "availableReplicas")
        if spec > total { return .notReady("\(subject) has \(total)/\(spec) replicas") }
        if spec > updated { return .notReady("\(subject) has \(updated)/\(spec) updated replicas") }
        if total > spec { return .notReady("\(subject) has \(total - spec) old replicas pending termination") }
        if updated > available { return .notReady("\(subject) has \(available)/\(updated) available replicas") }
        if spec > ready { return .notReady("\(subject) has \(ready)/\(spec) ready replicas") }
        // Without a progress deadline the controller never reports NewReplicaSetAvailable; kstatus then skips it.
        let hasDeadline = view.optionalInt("spec", "progressDeadlineSeconds").map { $0 != Int64(Int32.max) } ?? false
        if hasDeadline, !(progressing.map { $0.isTrue && $0.reason == "NewReplicaSetAvailable" } ?? false) {
            return .notReady("\(subject) has not finished rolling out its new ReplicaSet")
        }
        if !(view.condition("Available")?.isTrue ?? false) {
            return .notReady("\(subject) is not Available")
        }
        return .ready
    }

    private static func statefulSet(_ view: ObjectStatusView) -> ResourceReadiness {
        let subject = view.subject
        if view.string("spec", "updateStrategy", "type") == "OnDelete" { return .ready }
        let spec = view.int("spec", "replicas", default: 1)
        let total = view.int("status", "replicas")
        let ready = view.int("status", "readyReplicas")
        let current = view.int("status", "currentReplicas")
        let updated = view.int("status", "updatedReplicas")
        if spec > total { return .notReady("\(subject) has \(total)/\(spec) replicas") }
        if spec > ready { return .notReady("\(subject) has \(ready)/\(spec) ready replicas") }
        if total > spec { return .notReady("\(subject) has \(total - spec) old replicas pending termination") }
        if let partition = view.optionalInt("spec", "updateStrategy", "rollingUpdate", "partition") {
            let expected = spec - partition
            if updated < expected {
                return .notReady("\(subject) has \(updated)/\(expected) updated replicas (partition \(partition))")
            }
            return .ready
        }
        if spec > current { return .notReady("\(subject) has \(current)/\(spec) current replicas") }
        let currentRevision = view.string("status", "currentRevision")
        let updateRevision = view.string("status", "updateRevision")
        if currentRevision != updateRevision {
            return .notReady(
                "\(subject) is rolling out revision \(updateRevision) (current revision \(currentRevision))")
        }
        return .ready
    }

    private static func daemonSet(_ view: ObjectStatusView) -> ResourceReadiness {
        let subject = view.subject
        guard let desired = view.optionalInt("status", "desiredNumberScheduled") else {
            return .notReady("\(subject) has no status.desiredNumberScheduled yet")
        }
        let current = view.int("status", "currentNumberScheduled")
        let updated = view.int("status", "updatedNumberScheduled")
        let available = view.int("status", "numberAvailable")
        let ready = view.int("status", "numberReady")
        if desired > current { return .notReady("\(subject) has \(current)/\(desired) scheduled pods") }
        if desired > updated { return .notReady("\(subject) has \(updated)/\(desired) updated pods") }
        if desired > available { return .notReady("\(subject) has \(available)/\(desired) available pods") }
        if desired > ready { return .notReady("\(subject) has \(ready)/\(desired) ready pods") }
        return .ready
    }

    private static func replicaSet(_ view: ObjectStatusView) -> ResourceReadiness {
        let subject = view.subject
        if let failure = view.condition("ReplicaFailure"), failure.isTrue {
            return .notReady("\(subject) cannot create pods (\(failure.explanation))")
        }
        let spec = view.int("spec", "replicas", default: 1)
        let total = view.int("status", "replicas")
        let labelled = view.int("status", "fullyLabeledReplicas")
        let available = view.int("status", "availableReplicas")
        let ready = view.int("status", "readyReplicas")
        if spec > labelled { return .notReady("\(subject) has \(labelled)/\(spec) labelled replicas") }
        if spec > available { return .notReady("\(subject) has \(available)/\(spec) available replicas") }
        if spec > ready { return .notReady("\(subject) has \(ready)/\(spec) ready replicas") }
        if total > spec { return .notReady("\(subject) has \(total - spec) old replicas pending termination") }
        return .ready
    }

    private static func pod(_ view: ObjectStatusView) -> ResourceReadiness {
        let subject = view.subject
        switch view.string("status", "phase") {
        case "Succeeded": return .ready
        case "Failed": return .failed(SharedReadinessRules.podFailure(view))
        case "Running":
            if view.condition("Ready")?.isTrue ?? false { return .ready }
            let looping = SharedReadinessRules.crashLoopingContainers(view)
            if !looping.isEmpty {
                return .failed("\(subject) has containers in CrashLoopBackOff: \(looping.joined(separator: ", "))")
            }
            return .notReady("\(subject) is running but not Ready")
        case "Pending": return .notReady("\(subject) is Pending")
        case "": return .notReady("\(subject) has no phase yet")
        case let phase: return .notReady("\(subject) is in phase \(phase)")
        }
    }

    private static func job(_ view: ObjectStatusView, waitForJobs: Bool) -> ResourceReadiness {
        if let verdict = SharedReadinessRules.jobOutcome(view) { return verdict }
        let subject = view.subject
        // Helm 4 with --wait-for-jobs waits for Complete; plain --wait (kstatus) only for the Job to start.
        if waitForJobs { return .notReady("\(subject) has not completed (\(SharedReadinessRules.jobCounts(view)))") }
        if view.string("status", "startTime").isEmpty { return .notReady("\(subject) has not started") }
        return .ready
    }

    private static func customResourceDefinition(_ view: ObjectStatusView) -> ResourceReadiness {
        let subject = view.subject
        for condition in view.conditions {
            if condition.type == "NamesAccepted", condition.isFalse {
                return .failed("\(subject) names were not accepted (\(condition.explanation))")
            }
            if condition.type == "Established" {
                if condition.isTrue { return .ready }
                if condition.isFalse, condition.reason != "Installing" {
                    return .failed("\(subject) is not established (\(condition.explanation))")
                }
            }
        }
        return .notReady("\(subject) is not established yet")
    }

    /// Any other kind: a `Ready` condition decides when present; otherwise it is ready once it exists.
    private static func readyCondition(_ view: ObjectStatusView) -> ResourceReadiness {
        guard let ready = view.condition("Ready"), !ready.isTrue else { return .ready }
        return .notReady("\(view.subject) is not Ready (\(ready.explanation))")
    }
}
