import HelmRelease
import KubeAPI
import Testing

/// The fake controllers drive real waits: everything becomes ready, named Jobs fail, spec changes are re-observed.
struct FakeControllersTests {
    @Test(.timeLimit(.minutes(1)))
    func testFakeControllers_makeEveryWorkloadReady() async throws {
        try await WaitCluster.run { cluster in
            let waiter = cluster.waiter()
            try await withFakeControllers(client: cluster.client) {
                var resources: [ReleaseResource] = []
                resources.append(try await cluster.create(WaitObjects.deployment("web", replicas: 3)))
                resources.append(
                    try await cluster.create([
                        "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "db", "namespace": "ns"],
                        "spec": ["replicas": 2, "serviceName": "db", "selector": ["matchLabels": ["app": "db"]]],
                    ]))
                resources.append(
                    try await cluster.create([
                        "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": "agent", "namespace": "ns"],
                        "spec": ["selector": ["matchLabels": ["app": "agent"]]],
                    ]))
                resources.append(
                    try await cluster.create([
                        "apiVersion": "v1", "kind": "PersistentVolumeClaim",
                        "metadata": ["name": "data", "namespace": "ns"],
                        "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]],
                    ]))
                resources.append(
                    try await cluster.create([
                        "apiVersion": "v1", "kind": "Service", "metadata": ["name": "front", "namespace": "ns"],
                        "spec": ["type": "LoadBalancer", "ports": [["port": 80]]],
                    ]))
                resources.append(try await cluster.create(WaitObjects.job("migrate")))
                resources.append(try await cluster.create(WaitObjects.pod("single")))
                try await waiter.waitReady(resources, timeout: .seconds(30), waitForJobs: true)
                try await waiter.waitReady(resources, timeout: .seconds(30), waitForJobs: true)

                // A spec change bumps the generation; the controller observes it again.
                _ = try await cluster.client.patch(
                    .deployment, resources[0].key, patch: .merge(["spec": ["replicas": 5]]))
                try await waiter.waitReady([resources[0]], timeout: .seconds(30), waitForJobs: false)
                let web = try await cluster.client.get(.deployment, resources[0].key)
                #expect(web["status", "observedGeneration"] == 2 && web["status", "availableReplicas"] == 5)
                let pod = try await cluster.client.get(.pod, resources[6].key)
                #expect(pod["status", "phase"] == "Running")
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testFakeControllers_failNamedHooksAndLeaveIgnoredObjects() async throws {
        try await WaitCluster.run { cluster in
            let waiter = cluster.waiter()
            let rules = FakeControllerRules(
                outcomes: ["bad-job": .fail("exit 2"), "bad-pod": .fail("probe failed")], ignored: ["stuck"])
            try await withFakeControllers(client: cluster.client, rules: rules) {
                let good = try await cluster.create(WaitObjects.job("good-job", hook: true))
                let badJob = try await cluster.create(WaitObjects.job("bad-job", hook: true))
                let hookPod = try await cluster.create(WaitObjects.pod("test-pod", hook: true))
                let badPod = try await cluster.create(WaitObjects.pod("bad-pod", hook: true))
                let stuck = try await cluster.create(WaitObjects.deployment("stuck"))

                try await waiter.waitHookCompleted(good, timeout: .seconds(30))
                try await waiter.waitHookCompleted(hookPod, timeout: .seconds(30))
                do {
                    try await waiter.waitHookCompleted(badJob, timeout: .seconds(30))
                    Issue.record("a failed hook job must throw")
                } catch let error as ReleaseError {
                    #expect(error.code == .hookFailed && error.message.contains("failed: BackoffLimitExceeded: exit 2"))
                }
                do {
                    try await waiter.waitHookCompleted(badPod, timeout: .seconds(30))
                    Issue.record("a failed hook pod must throw")
                } catch let error as ReleaseError {
                    #expect(error.code == .hookFailed && error.message.contains("failed: Error: probe failed"))
                }
                await #expect(throws: ReleaseError(code: .timeout, message: "")) {
                    try await waiter.waitReady([stuck], timeout: .milliseconds(20), waitForJobs: false)
                }
            }
        }
    }

    @Test func testFakeControllers_statusSatisfiesBothStrategies() throws {
        // The statuses the fake controllers write are ready under both rule sets.
        let rules = FakeControllerRules()
        for kind in FakeControllerRules.Kind.allCases {
            var object = KubeObject(kind.gvk, key: ObjectKey(namespace: "ns", name: "x"))
            object["metadata", "generation"] = 3
            object["spec"] = ["replicas": 2, "type": "LoadBalancer", "clusterIP": "10.0.0.1"]
            guard let status = FakeControllers.status(for: object, kind: kind, rules: rules) else {
                Issue.record("no status for \(kind)")
                continue
            }
            object["status"] = .object(status)
            for strategy in WaitStrategy.allCases {
                let readiness = ResourceWaiter.readiness(of: object, waitForJobs: true, strategy: strategy)
                #expect(readiness == .ready, "\(kind) under \(strategy): \(readiness)")
            }
            #expect(ResourceWaiter.hookCompletion(of: object) == .ready || kind == .pods)
        }
    }
}
