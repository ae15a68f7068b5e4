import Benchmark
import HelmRelease
import KubeAPI
import KubeTestServer

/// A release manifest of 50 objects (10 each of ServiceAccount, ConfigMap, Secret, Service, Deployment), as
/// `helm template` prints it; `revision` changes every ConfigMap's data and every Deployment's image.
func releaseManifest(revision: Int) -> String {
    var out = ""
    for i in 0..<10 {
        out += """
            ---
            # Source: bench/templates/sa.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: app-\(i)
              labels: {app.kubernetes.io/name: bench, app.kubernetes.io/instance: rel}

            """
    }
    for i in 0..<10 {
        out += """
            ---
            # Source: bench/templates/secret.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: app-\(i)
            type: Opaque
            stringData:
              password: "s3cret-\(i)"

            ---
            # Source: bench/templates/configmap.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app-\(i)
              labels: {app.kubernetes.io/name: bench, app.kubernetes.io/instance: rel}
            data:
              config.yaml: |
                server:
                  port: \(8000 + i)
                  revision: \(revision)

            """
    }
    for i in 0..<10 {
        out += """
            ---
            # Source: bench/templates/service.yaml
            apiVersion: v1
            kind: Service
            metadata:
              name: app-\(i)
            spec:
              selector: {app: app-\(i)}
              ports:
                - name: http
                  port: 80
                  targetPort: \(8000 + i)

            ---
            # Source: bench/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app-\(i)
            spec:
              replicas: 2
              selector:
                matchLabels: {app: app-\(i)}
              template:
                metadata:
                  labels: {app: app-\(i)}
                spec:
                  serviceAccountName: app-\(i)
                  containers:
                    - name: app
                      image: registry.example.com/app:1.\(revision)
                      ports:
                        - containerPort: \(8000 + i)
                      resources:
                        requests: {cpu: 100m, memory: 64Mi}

            """
    }
    return out
}

/// Which step of a release's life a benchmark measures.
enum Phase: String {
    case install, upgrade, uninstall
}

/// Runs one release's install, upgrade and uninstall against a fresh KubeTestServer, measuring only `phase`
/// (server start, namespace creation and manifest building are outside the measurement).
///
/// - Parameter unlimited: lift KubeClient's client-side rate limit (default 50 requests/s, burst 100), to measure
///   fluxhelm's own cost rather than the limiter's pacing.
func measure(_ phase: Phase, _ benchmark: Benchmark, unlimited: Bool = false) async throws {
    try await KubeTestServer.withServer { server in
        let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
        let configuration =
            unlimited ? KubeClient.Configuration(qps: 100_000, burst: 100_000) : KubeClient.Configuration()
        try await withKubeClient(config: config, configuration: configuration) { client in
            _ = try await client.create(
                KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "bench"]]))
            let builder = ResourceBuilder(client: client, namespace: "bench")
            let applier = ResourceApplier(client: client, releaseName: "rel", releaseNamespace: "bench")
            let v1 = try await builder.build(manifest: releaseManifest(revision: 1))
            let v2 = try await builder.build(manifest: releaseManifest(revision: 2))

            if phase == .install { benchmark.startMeasurement() }
            let installed = try await applier.create(v1)
            if phase == .install { benchmark.stopMeasurement() }
            precondition(installed.created.count == 50)

            if phase == .upgrade { benchmark.startMeasurement() }
            let upgraded = try await applier.update(current: v1, target: v2)
            if phase == .upgrade { benchmark.stopMeasurement() }
            precondition(upgraded.updated.count == 50)

            if phase == .uninstall { benchmark.startMeasurement() }
            let removed = try await applier.delete(v2.reversed())
            if phase == .uninstall { benchmark.stopMeasurement() }
            precondition(removed.deleted.count == 50)
            blackHole(removed)
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 10)

    // Each phase twice: with KubeClient's default client-side rate limit (what a user gets; install fits in the
    // burst, the next phases are paced at 50 requests/s) and without it.
    Benchmark("Apply 50 resources: install (SSA, KubeTestServer)") { try await measure(.install, $0) }
    Benchmark("Apply 50 resources: upgrade, every object changed") { try await measure(.upgrade, $0) }
    Benchmark("Apply 50 resources: uninstall") { try await measure(.uninstall, $0) }
    Benchmark("Apply 50 resources, no client rate limit: install") { try await measure(.install, $0, unlimited: true) }
    Benchmark("Apply 50 resources, no client rate limit: upgrade") { try await measure(.upgrade, $0, unlimited: true) }
    Benchmark("Apply 50 resources, no client rate limit: uninstall") {
        try await measure(.uninstall, $0, unlimited: true)
    }
    releaseActionBenchmarks()
}
