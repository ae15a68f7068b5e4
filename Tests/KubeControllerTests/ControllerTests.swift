import KubeAPI
import KubeController
import KubeTestServer
import Metrics
import Prometheus
import ServiceLifecycle
import Synchronization
import Testing

/// A reconciler whose behaviour per call the test scripts, recording every call.
struct ScriptedReconciler: Reconciler {
    let calls = Recorder<ReconcileRequest>()
    let script: @Sendable (ReconcileRequest, Int) async throws -> ReconcileResult

    func reconcile(_ request: ReconcileRequest) async throws -> ReconcileResult {
        let attempt = calls.values.filter { $0 == request }.count + 1
        calls.append(request)
        return try await script(request, attempt)
    }
}

struct Flaky: Error {}

@Suite(.timeLimit(.minutes(1)))
struct ControllerTests {
    private func options(
        clock: ManualClock? = nil, workers: Int = 1, rateLimiter: (any RateLimiter<ReconcileRequest>)? = nil,
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
    ) -> Controller.Options {
        Controller.Options(
            maxConcurrentReconciles: workers, rateLimiter: rateLimiter,
            clock: clock ?? ContinuousClock() as any Clock<Duration>,
            metricsFactory: PrometheusMetricsFactory(registry: registry))
    }

    @Test func testRun_respectsMaxConcurrentReconciles() async throws {
        try await withTestServer { server, client in
            for i in 0..<6 { _ = try await client.create(.configMap("ns", "cm-\(i)")) }
            let gate = Gate()
            let active = Locked((now: 0, peak: 0))
            let reconciler = ScriptedReconciler { _, _ in
                active.withLock {
                    $0.now += 1
                    $0.peak = max($0.peak, $0.now)
                }
                await gate.wait()
                active.withLock { $0.now -= 1 }
                return .done
            }
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            let controller = Controller(
                name: "concurrency", for: informer, reconciler: reconciler, options: options(workers: 2))
            try await withServices([informer, controller]) {
                await reconciler.calls.wait(count: 2)
                #expect(active.withLock { $0.now } == 2)
                gate.open()
                let calls = await reconciler.calls.wait(count: 6)
                #expect(Set(calls.map(\.key.name)) == Set((0..<6).map { "cm-\($0)" }))
            }
            #expect(active.withLock { $0.peak } == 2)
        }
    }

    @Test func testReconcile_whenItThrows_retriesWithGrowingBackoff() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "flaky"))
            let reconciler = ScriptedReconciler { _, attempt in
                if attempt < 3 { throw Flaky() }
                return .done
            }
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            let limiter = ExponentialRateLimiter<ReconcileRequest>(baseDelay: .seconds(1))
            let controller = Controller(
                name: "retry", for: informer, reconciler: reconciler,
                options: options(clock: clock, rateLimiter: limiter))
            try await withServices([informer, controller]) {
                await reconciler.calls.wait(count: 1)
                await clock.waitForLog { $0.contains(.seconds(1)) }
                clock.advance(by: .seconds(1))
                await reconciler.calls.wait(count: 2)
                await clock.waitForLog { $0.contains(.seconds(2)) }
                clock.advance(by: .seconds(2))
                await reconciler.calls.wait(count: 3)
                // Success forgets the backoff.
                controller.queue.add(ReconcileRequest(namespace: "ns", name: "marker"))
                await reconciler.calls.wait { $0.last?.key.name == "marker" }
                #expect(limiter.retries(ReconcileRequest(namespace: "ns", name: "flaky")) == 0)
            }
        }
    }

    @Test func testReconcile_whenTerminalError_doesNotRetry() async throws {
        let registry = PrometheusCollectorRegistry()
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "broken"))
            let reconciler = ScriptedReconciler { request, _ in
                if request.key.name == "broken" { throw TerminalError(Flaky()) }
                return .done
            }
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            let controller = Controller(
                name: "terminal", for: informer, reconciler: reconciler, options: options(registry: registry))
            try await withServices([informer, controller]) {
                await reconciler.calls.wait(count: 1)
                // One worker, FIFO: once the marker is reconciled, the broken key's handling is complete.
                controller.queue.add(ReconcileRequest(namespace: "ns", name: "marker"))
                await reconciler.calls.wait { $0.last?.key.name == "marker" }
                #expect(reconciler.calls.values.map(\.key.name) == ["broken", "marker"])
                #expect(controller.queue.waitingCount == 0)
                #expect(controller.queue.retries(ReconcileRequest(namespace: "ns", name: "broken")) == 0)
            }
            let text = registry.emitToString()
            #expect(text.contains(#"fluxhelm_terminal_reconcile_errors_total{controller="terminal"} 1"#))
            #expect(text.contains(#"fluxhelm_reconcile_errors_total{controller="terminal"} 1"#))
        }
    }

    @Test func testReconcile_requeueAfterIsHonoured() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "poll"))
            let reconciler = ScriptedReconciler { _, attempt in attempt == 1 ? .requeue(after: .seconds(30)) : .done }
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            let controller = Controller(
                name: "requeue", for: informer, reconciler: reconciler, options: options(clock: clock))
            try await withServices([informer, controller]) {
                await reconciler.calls.wait(count: 1)
                await clock.waitForLog { $0.contains(.seconds(30)) }
                #expect(reconciler.calls.values.count == 1)
                clock.advance(by: .seconds(29))
                #expect(controller.queue.depth == 0)
                clock.advance(by: .seconds(1))
                await reconciler.calls.wait(count: 2)
            }
        }
    }

    @Test func testRun_onGracefulShutdown_waitsForTheInFlightReconcile() async throws {
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "slow"))
            let gate = Gate()
            let finished = Locked((done: false, cancelled: false))
            let reconciler = ScriptedReconciler { request, _ in
                await gate.wait()
                finished.withLock {
                    $0.done = true
                    $0.cancelled = Task.isCancelled
                }
                return .done
            }
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            let controller = Controller(name: "shutdown", for: informer, reconciler: reconciler, options: options())
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [.init(service: informer), .init(service: controller)], logger: quietLogger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                await reconciler.calls.wait(count: 1)
                await group.triggerGracefulShutdown()
                // The controller stops taking work before the running reconcile is let go.
                while !controller.queue.isShuttingDown { await Task.yield() }
                controller.queue.add(ReconcileRequest(namespace: "ns", name: "late"))
                #expect(!finished.withLock { $0.done })
                gate.open()
                try await tasks.waitForAll()
            }
            #expect(finished.withLock { $0.done })
            #expect(!finished.withLock { $0.cancelled })
            #expect(reconciler.calls.values.map(\.key.name) == ["slow"])
        }
    }

    @Test func testRun_whenCacheNeverSyncs_failsAfterCacheSyncTimeout() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            // The informer is never run, so its cache never syncs.
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil, clock: clock)
            )
            var opts = options(clock: clock)
            opts.cacheSyncTimeout = .seconds(120)
            let controller = Controller(
                name: "nosync", for: informer, reconciler: ScriptedReconciler { _, _ in .done }, options: opts)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await controller.run() }
                await clock.waitForLog { $0.contains(.seconds(120)) }
                clock.advance(by: .seconds(120))
                await #expect(throws: ControllerError(code: .cacheSyncTimeout, message: "")) {
                    try await tasks.next()
                }
            }
        }
    }

    @Test func testWatch_secondaryKindEnqueuesReferencingObjectsThroughAnIndex() async throws {
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "release-a", data: ["valuesFrom": "shared"]))
            _ = try await client.create(.configMap("ns", "release-b", data: ["valuesFrom": "shared"]))
            _ = try await client.create(.configMap("ns", "release-c", data: ["valuesFrom": "own"]))
            var secret = KubeObject(.secret, key: ObjectKey(namespace: "ns", name: "shared"))
            secret["stringData"] = ["k": "v"]
            _ = try await client.create(secret)
            let secretKey = secret.key
            let releases = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            releases.cache.addIndex(
                "valuesFrom",
                IndexFunction { object in
                    object["data", "valuesFrom"]?.stringValue.map { ["\(object.namespace)/\($0)"] } ?? []
                })
            let secrets = Informer(
                client: client, kind: .secret, configuration: .init(namespace: "ns", resyncPeriod: nil))
            let reconciler = ScriptedReconciler { _, _ in .done }
            let controller = Controller(name: "mapping", for: releases, reconciler: reconciler, options: options())
            let cache = releases.cache
            controller.watch(
                secrets,
                handler: EnqueueRequestsFromMapFunc { secret in
                    ((try? cache.byIndex("valuesFrom", "\(secret.namespace)/\(secret.name)")) ?? []).map {
                        ReconcileRequest($0.key)
                    }
                },
                predicates: [ResourceVersionChangedPredicate()])
            try await withServices([releases, secrets, controller]) {
                // Startup events are queued before the caches report synced; the marker comes after all of them.
                try await releases.cache.waitForCacheSync()
                try await secrets.cache.waitForCacheSync()
                controller.queue.add(ReconcileRequest(namespace: "ns", name: "marker"))
                let startup = await reconciler.calls.wait { $0.last?.key.name == "marker" }
                #expect(Set(startup.map(\.key.name)) == ["release-a", "release-b", "release-c", "marker"])
                let before = reconciler.calls.values.count
                _ = try await client.patch(.secret, secretKey, patch: .merge(["stringData": ["k": "changed"]]))
                let calls = await reconciler.calls.wait { $0.count >= before + 2 }
                #expect(Set(calls.dropFirst(before).map(\.key.name)) == ["release-a", "release-b"])
            }
        }
    }
}
