import HelmRelease
import KubeAPI
import KubeTestServer
import Testing

/// ResourceWaiter against KubeTestServer, the test playing the controllers through the status subresource.
struct ResourceWaiterTests {
    /// The error `body` throws, as a ReleaseError.
    private func releaseError(_ body: () async throws -> Void) async -> ReleaseError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? ReleaseError
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_deploymentBecomesReadyAfterStatusUpdate() async throws {
        try await WaitCluster.run { cluster in
            let web = try await cluster.create(WaitObjects.deployment("web", replicas: 2))
            let waiter = cluster.waiter()
            // Not ready as created: one check (zero timeout) says so and why.
            let early = await releaseError { try await waiter.waitReady([web], timeout: .zero, waitForJobs: false) }
            #expect(early?.code == .timeout)
            #expect(
                early?.message
                    == #"timed out after 0s waiting for Deployment "web" in namespace "ns" to be ready: "#
                    + #"Deployment "web" in namespace "ns" has not been observed by its controller yet"#)

            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await waiter.waitReady([web], timeout: .seconds(30), waitForJobs: false) }
                // Half a rollout first, then the rest, as the deployment controller reports it.
                try await cluster.setStatus(
                    web, ["observedGeneration": 1, "replicas": 2, "updatedReplicas": 1, "readyReplicas": 1])
                // The second step replaces the whole status (PUT on the status subresource).
                var object = try await cluster.client.getStatus(.deployment, web.key)
                object["status"] = [
                    "observedGeneration": 1, "replicas": 2, "updatedReplicas": 2, "readyReplicas": 2,
                    "availableReplicas": 2, "conditions": [["type": "Available", "status": "True"]],
                ]
                _ = try await cluster.client.updateStatus(object)
                try await group.waitForAll()
            }
            // And a spec change (new generation) is not ready until the controller observes it.
            _ = try await cluster.client.patch(
                .deployment, web.key, patch: .merge(["spec": ["replicas": 3]]))
            let stale = await releaseError { try await waiter.waitReady([web], timeout: .zero, waitForJobs: false) }
            #expect(stale?.message.contains("is at generation 2 but its controller observed generation 1") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_timeoutNamesFirstUnreadyObjectAndReason() async throws {
        try await WaitCluster.run { cluster in
            let config = try await cluster.create(WaitObjects.configMap("settings"))
            let web = try await cluster.create(WaitObjects.deployment("web"))
            let db = try await cluster.create(WaitObjects.deployment("db"))
            try await cluster.setStatus(web, ["observedGeneration": 1, "replicas": 2, "updatedReplicas": 1])
            let error = await releaseError {
                try await cluster.waiter().waitReady([config, web, db], timeout: .milliseconds(50), waitForJobs: false)
            }
            #expect(error?.code == .timeout)
            #expect(
                error?.message
                    == #"timed out after 50ms waiting for Deployment "web" in namespace "ns" to be ready: "#
                    + #"Deployment "web" in namespace "ns" has 1/2 updated replicas (and 1 more not ready)"#)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_manyObjectsReadConcurrentlyKeepTheirOrder() async throws {
        try await WaitCluster.run { cluster in
            var resources: [ReleaseResource] = []
            for index in 0..<20 { resources.append(try await cluster.create(WaitObjects.configMap("c\(index)"))) }
            // Three not ready, in the middle and at the end; the message names the first of them in input order.
            for (position, name) in [(7, "w7"), (3, "w3"), (9, "w9")] {
                resources.insert(try await cluster.create(WaitObjects.deployment(name)), at: position)
            }
            let error = await releaseError {
                try await cluster.waiter().waitReady(resources, timeout: .zero, waitForJobs: false)
            }
            #expect(error?.code == .timeout)
            #expect(error?.message.contains(#"waiting for Deployment "w3" in namespace "ns" to be ready"#) == true)
            #expect(error?.message.hasSuffix("(and 2 more not ready)") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_legacyStrategyAllowsMaxUnavailable() async throws {
        try await WaitCluster.run { cluster in
            let web = try await cluster.create(WaitObjects.deployment("web", replicas: 4))
            try await cluster.setStatus(
                web,
                [
                    "observedGeneration": 1, "replicas": 4, "updatedReplicas": 4, "readyReplicas": 3,
                    "availableReplicas": 3,
                ])
            // Helm 3's rules: 25% of 4 may be unavailable, so 3 ready replicas are enough.
            try await cluster.waiter(strategy: .legacy).waitReady([web], timeout: .zero, waitForJobs: false)
            let error = await releaseError {
                try await cluster.waiter().waitReady([web], timeout: .zero, waitForJobs: false)
            }
            #expect(error?.message.hasSuffix("has 3/4 available replicas") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_missingObjectTimesOut() async throws {
        try await WaitCluster.run { cluster in
            let ghost = try await cluster.resource(KubeObject(WaitObjects.configMap("ghost")))
            let error = await releaseError {
                try await cluster.waiter().waitReady([ghost], timeout: .milliseconds(20), waitForJobs: false)
            }
            #expect(error?.code == .timeout)
            #expect(error?.message.hasSuffix(#"ConfigMap "ghost" in namespace "ns" does not exist"#) == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_failedPodEndsTheWaitAtOnce() async throws {
        try await WaitCluster.run { cluster in
            let pod = try await cluster.create(WaitObjects.pod("worker"))
            try await cluster.setStatus(pod, ["phase": "Failed", "reason": "OOMKilled", "message": "out of memory"])
            // A long timeout: the terminal failure must not wait for it.
            let error = await releaseError {
                try await cluster.waiter().waitReady([pod], timeout: .seconds(3600), waitForJobs: false)
            }
            #expect(error?.code == .failed)
            #expect(error?.message == #"Pod "worker" in namespace "ns" failed: OOMKilled: out of memory"#)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_jobsNeedCompletionOnlyWithWaitForJobs() async throws {
        try await WaitCluster.run { cluster in
            let job = try await cluster.create(WaitObjects.job("migrate"))
            try await cluster.setStatus(job, ["startTime": "2026-01-01T00:00:00Z", "active": 1])
            let waiter = cluster.waiter()
            try await waiter.waitReady([job], timeout: .zero, waitForJobs: false)
            let error = await releaseError { try await waiter.waitReady([job], timeout: .zero, waitForJobs: true) }
            #expect(error?.code == .timeout)
            #expect(error?.message.contains("has not completed (succeeded 0/1, active 1, failed 0)") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_forbiddenReadIsNotRetriedUntilTimeout() async throws {
        try await WaitCluster.run { cluster in
            let config = try await cluster.create(WaitObjects.configMap("settings"))
            cluster.server.failNextRequests(1, status: 403, reason: "Forbidden", matching: .method("GET"))
            let error = await releaseError {
                try await cluster.waiter().waitReady([config], timeout: .seconds(3600), waitForJobs: false)
            }
            #expect(error?.code == .resourceFailed)
            #expect(
                error?.message.hasPrefix(#"cannot read ConfigMap "settings" in namespace "ns" while waiting"#) == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_transientFailuresAreRetriedByPolling() async throws {
        try await WaitCluster.run(retryPolicy: .never) { cluster in
            let config = try await cluster.create(WaitObjects.configMap("settings"))
            // Three failed reads in a row (the client does not retry): the waiter keeps polling and succeeds.
            cluster.server.failNextRequests(3, status: 503, reason: "ServiceUnavailable", matching: .method("GET"))
            try await cluster.waiter().waitReady([config], timeout: .seconds(30), waitForJobs: false)
            // With no time left, the last failure is the reason given.
            cluster.server.failNextRequests(1, status: 503, reason: "ServiceUnavailable", matching: .method("GET"))
            let error = await releaseError {
                try await cluster.waiter().waitReady([config], timeout: .zero, waitForJobs: false)
            }
            #expect(error?.code == .timeout)
            #expect(error?.message.contains(#"ConfigMap "settings" in namespace "ns" could not be read: "#) == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitReady_cancellationEndsTheWait() async throws {
        try await WaitCluster.run { cluster in
            let web = try await cluster.create(WaitObjects.deployment("web"))
            let waiter = cluster.waiter()
            await #expect(throws: CancellationError.self) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await waiter.waitReady([web], timeout: .seconds(3600), waitForJobs: false) }
                    group.cancelAll()
                    try await group.waitForAll()
                }
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitDeleted_waitsForFinalizersAndSaysWhy() async throws {
        try await WaitCluster.run { cluster in
            let held = try await cluster.create(WaitObjects.configMap("held", finalizers: ["example.com/hold"]))
            let gone = try await cluster.create(WaitObjects.configMap("gone"))
            let never = try await cluster.resource(KubeObject(WaitObjects.configMap("never")))
            _ = try await cluster.client.delete(held.gvk, held.key)
            _ = try await cluster.client.delete(gone.gvk, gone.key)
            let waiter = cluster.waiter()
            let error = await releaseError {
                try await waiter.waitDeleted([never, gone, held], timeout: .milliseconds(20))
            }
            #expect(error?.code == .timeout)
            #expect(
                error?.message
                    == #"timed out after 20ms waiting for ConfigMap "held" in namespace "ns" to be deleted: "#
                    + #"ConfigMap "held" in namespace "ns" still exists (being deleted; finalizers: example.com/hold)"#)

            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await waiter.waitDeleted([never, gone, held], timeout: .seconds(30)) }
                var object = try await cluster.client.get(held.gvk, held.key)
                object.finalizers = []
                _ = try await cluster.client.update(object)
                try await group.waitForAll()
            }
            await #expect(throws: KubeAPIError.self) { try await cluster.client.get(held.gvk, held.key) }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitHookCompleted_jobFailureQuotesItsCondition() async throws {
        try await WaitCluster.run { cluster in
            let job = try await cluster.create(WaitObjects.job("pre-install-db", hook: true))
            try await withThrowingTaskGroup(of: ReleaseError?.self) { group in
                group.addTask {
                    await self.releaseError {
                        try await cluster.waiter().waitHookCompleted(job, timeout: .seconds(30))
                    }
                }
                try await cluster.setStatus(job, ["startTime": "2026-01-01T00:00:00Z", "active": 1])
                try await cluster.setStatus(
                    job,
                    [
                        "failed": 2, "active": 0,
                        "conditions": [
                            [
                                "type": "Failed", "status": "True", "reason": "BackoffLimitExceeded",
                                "message": "Job has reached the specified backoff limit",
                            ]
                        ],
                    ])
                let error = try await group.next() ?? nil
                #expect(error?.code == .hookFailed)
                #expect(
                    error?.message
                        == #"hook Job "pre-install-db" in namespace "ns" failed: BackoffLimitExceeded: "#
                        + "Job has reached the specified backoff limit (succeeded 0/1, active 0, failed 2)")
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testWaitHookCompleted_podAndOtherKinds() async throws {
        try await WaitCluster.run { cluster in
            let waiter = cluster.waiter()
            // A ConfigMap hook (even an absent one) needs no wait, as in Helm.
            let config = try await cluster.resource(KubeObject(WaitObjects.configMap("hook-config")))
            try await waiter.waitHookCompleted(config, timeout: .zero)

            let pod = try await cluster.create(WaitObjects.pod("smoke-test", hook: true))
            try await cluster.setStatus(pod, ["phase": "Running"])
            let running = await releaseError { try await waiter.waitHookCompleted(pod, timeout: .milliseconds(5)) }
            #expect(running?.code == .timeout)
            #expect(running?.message.hasSuffix(#"Pod "smoke-test" in namespace "ns" is Running"#) == true)
            try await cluster.setStatus(pod, ["phase": "Succeeded"])
            try await waiter.waitHookCompleted(pod, timeout: .seconds(30))

            let failing = try await cluster.create(WaitObjects.pod("smoke-fail", hook: true))
            try await cluster.setStatus(
                failing,
                [
                    "phase": "Failed",
                    "containerStatuses": [
                        ["name": "app", "state": ["terminated": ["exitCode": 1, "reason": "Error"]]]
                    ],
                ])
            let failed = await releaseError { try await waiter.waitHookCompleted(failing, timeout: .seconds(30)) }
            #expect(failed?.code == .hookFailed)
            #expect(
                failed?.message
                    == #"hook Pod "smoke-fail" in namespace "ns" failed: "#
                    + "container app terminated with Error (exit code 1)"
            )
        }
    }
}
