import KubeAPI

/// Readiness rules both strategies share, and the failure descriptions hook waits reuse.
enum SharedReadinessRules {
    /// Not ready when the controller has not observed the latest spec: `status.observedGeneration` differs from
    /// `metadata.generation`, or (when `requireObserved`) is missing while a generation is set.
    static func generationNotObserved(_ view: ObjectStatusView, requireObserved: Bool) -> ResourceReadiness? {
        guard let generation = view.generation else { return nil }
        guard let observed = view.observedGeneration else {
            return requireObserved ? .notReady("\(view.subject) has not been observed by its controller yet") : nil
        }
        if observed != generation {
            return .notReady(
                "\(view.subject) is at generation \(generation) but its controller observed generation \(observed)")
        }
        return nil
    }

    static func persistentVolumeClaim(_ view: ObjectStatusView) -> ResourceReadiness {
        let phase = view.string("status", "phase")
        if phase == "Bound" { return .ready }
        return .notReady("\(view.subject) is not Bound (phase \(phase.isEmpty ? "unknown" : phase))")
    }

    /// ExternalName Services are always ready; LoadBalancer Services need an ingress point (or external IPs).
    /// `requireClusterIP` adds Helm 3's check that a cluster IP was allocated.
    static func service(_ view: ObjectStatusView, requireClusterIP: Bool) -> ResourceReadiness {
        let type = view.string("spec", "type", default: "ClusterIP")
        if type == "ExternalName" { return .ready }
        if requireClusterIP, view.string("spec", "clusterIP").isEmpty {
            return .notReady("\(view.subject) has no cluster IP yet")
        }
        if type == "LoadBalancer" {
            if !(view.value("spec", "externalIPs")?.arrayValue ?? []).isEmpty { return .ready }
            if (view.value("status", "loadBalancer", "ingress")?.arrayValue ?? []).isEmpty {
                return .notReady("\(view.subject) has no load balancer ingress yet")
            }
        }
        return .ready
    }

    static func apiService(_ view: ObjectStatusView) -> ResourceReadiness {
        guard let available = view.condition("Available") else {
            return .notReady("\(view.subject) has no Available condition yet")
        }
        return available.isTrue ? .ready : .notReady("\(view.subject) is not Available (\(available.explanation))")
    }

    /// A Job's terminal outcome from its conditions: `Complete` → ready, `Failed` → failed; nil while running.
    static func jobOutcome(_ view: ObjectStatusView) -> ResourceReadiness? {
        for condition in view.conditions {
            if condition.type == "Complete", condition.isTrue { return .ready }
            if condition.type == "Failed", condition.isTrue {
                return .failed("\(view.subject) failed: \(condition.explanation) (\(jobCounts(view)))")
            }
        }
        return nil
    }

    /// `succeeded 0/1, active 1, failed 0`, for messages.
    static func jobCounts(_ view: ObjectStatusView) -> String {
        let parallelism = view.int("spec", "parallelism", default: 1)
        let completions = view.int("spec", "completions", default: parallelism)
        let succeeded = view.int("status", "succeeded")
        return "succeeded \(succeeded)/\(completions), active \(view.int("status", "active")), "
            + "failed \(view.int("status", "failed"))"
    }

    /// Why a Pod failed: its status reason and message, else the first container that terminated badly.
    static func podFailure(_ view: ObjectStatusView) -> String {
        var parts: [String] = []
        let reason = view.string("status", "reason")
        let message = view.string("status", "message")
        if !reason.isEmpty { parts.append(reason) }
        if !message.isEmpty { parts.append(message) }
        if parts.isEmpty {
            let statuses =
                (view.value("status", "initContainerStatuses")?.arrayValue ?? [])
                + (view.value("status", "containerStatuses")?.arrayValue ?? [])
            for status in statuses {
                guard let terminated = status["state", "terminated"] ?? status["lastState", "terminated"],
                    (terminated["exitCode"]?.intValue ?? 0) != 0
                else { continue }
                let name = status["name"]?.stringValue ?? "?"
                let why = terminated["reason"]?.stringValue ?? "Error"
                let code = terminated["exitCode"]?.intValue ?? 0
                var text = "container \(name) terminated with \(why) (exit code \(code))"
                if let detail = terminated["message"]?.stringValue, !detail.isEmpty { text += ": \(detail)" }
                parts.append(text)
                break
            }
        }
        return "\(view.subject) failed" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ": "))
    }

    /// Names of containers waiting in CrashLoopBackOff.
    static func crashLoopingContainers(_ view: ObjectStatusView) -> [String] {
        (view.value("status", "containerStatuses")?.arrayValue ?? []).compactMap { status in
            guard status["state", "waiting", "reason"]?.stringValue == "CrashLoopBackOff" else { return nil }
            return status["name"]?.stringValue
        }
    }
}
