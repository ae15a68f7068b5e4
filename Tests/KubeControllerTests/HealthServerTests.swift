import AsyncHTTPClient
import KubeAPI
import KubeController
import KubeTestServer
import NIOCore
import NIOHTTP1
import Prometheus
import Testing

@Suite(.timeLimit(.minutes(1)))
struct HealthServerTests {
    private func get(_ port: Int, _ path: String) async throws -> (status: UInt, body: String) {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, String(buffer: body))
    }

    @Test func testReadyz_failsBeforeSyncAndPassesAfter() async throws {
        let clock = ManualClock()
        let registry = PrometheusCollectorRegistry()
        try await withTestServer { server, client in
            server.failNextRequests(1, status: 503, matching: .pathPrefix("/api/v1/namespaces/ns/configmaps"))
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil, clock: clock)
            )
            let health = HealthServer(configuration: .init(port: 0), registry: registry)
            health.addReadinessCheck("informers") { informer.hasSynced }
            try await withServices([informer, health]) {
                let port = await health.port
                #expect(try await get(port, "/healthz") == (200, "ok"))
                // The first list failed; the informer is backing off.
                await clock.waitForSleepers(1)
                let before = try await get(port, "/readyz")
                #expect(before.status == 503)
                #expect(before.body.contains("[-]informers failed"))
                clock.advance(by: .seconds(1))
                try await informer.cache.waitForCacheSync()
                #expect(try await get(port, "/readyz") == (200, "ok"))
            }
        }
    }

    @Test func testMetrics_afterReconciles_exposesNamedSeries() async throws {
        let registry = PrometheusCollectorRegistry()
        try await withTestServer { server, client in
            for name in ["a", "b", "c"] { _ = try await client.create(.configMap("ns", name)) }
            let hold = Gate()
            let reconciler = ScriptedReconciler { request, attempt in
                if request.key.name == "c" && attempt == 1 { throw Flaky() }
                if request.key.name == "zz-hold" { await hold.wait() }
                return .done
            }
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            let controller = Controller(
                name: "metrics", for: informer, reconciler: reconciler,
                options: .init(
                    maxConcurrentReconciles: 1,
                    rateLimiter: ExponentialRateLimiter<ReconcileRequest>(baseDelay: .milliseconds(1)),
                    metricsFactory: PrometheusMetricsFactory(registry: registry)))
            let health = HealthServer(configuration: .init(port: 0), registry: registry)
            health.addScrapeHook { controller.queue.updateUnfinishedWorkMetrics() }
            try await withServices([informer, controller, health]) {
                // a, b, c once each, then c again after its backoff.
                await reconciler.calls.wait { $0.filter { $0.key.name == "c" }.count == 2 && $0.count == 4 }
                // One worker: while it holds the last key, every earlier reconcile's bookkeeping is complete.
                controller.queue.add(ReconcileRequest(namespace: "ns", name: "zz-hold"))
                await reconciler.calls.wait { $0.last?.key.name == "zz-hold" }
                defer { hold.open() }
                let port = await health.port
                let scrape = try await get(port, "/metrics")
                #expect(scrape.status == 200)
                let text = scrape.body
                #expect(text.contains(#"fluxhelm_reconcile_total{controller="metrics",result="success"} 3"#))
                #expect(text.contains(#"fluxhelm_reconcile_total{controller="metrics",result="error"} 1"#))
                #expect(text.contains(#"fluxhelm_reconcile_errors_total{controller="metrics"} 1"#))
                #expect(text.contains(#"fluxhelm_max_concurrent_reconciles{controller="metrics"} 1.0"#))
                #expect(text.contains(#"fluxhelm_reconcile_time_seconds_count{controller="metrics"} 4"#))
                #expect(text.contains(#"fluxhelm_workqueue_adds_total{name="metrics"} 5"#))
                #expect(text.contains(#"fluxhelm_workqueue_retries_total{name="metrics"} 1"#))
                #expect(text.contains(#"fluxhelm_workqueue_work_duration_seconds_count{name="metrics"}"#))
                #expect(text.contains(#"fluxhelm_workqueue_queue_duration_seconds_count{name="metrics"} 5"#))
                #expect(text.contains(#"fluxhelm_workqueue_longest_running_processor_seconds{name="metrics"}"#))
                #expect(text.contains(#"fluxhelm_workqueue_depth{name="metrics"} 0.0"#))
                #expect(text.contains(#"fluxhelm_active_workers{controller="metrics"} 1.0"#))
            }
        }
    }
}
