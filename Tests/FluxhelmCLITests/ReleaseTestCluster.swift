import Foundation
import HelmRelease
import KubeAPI
import KubeTestServer

/// A KubeTestServer with namespace `ns`, seeded with release records, that the `fluxhelm` binary is pointed at.
struct ReleaseTestCluster: Sendable {
    let server: KubeTestServer

    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// Record fixtures of this target (`scripts/helm-release-fixture.py listing`) and Helm's views of them.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/releases")
    /// Records written by real Helm, committed with HelmReleaseTests.
    static let helmRecords = repository.appendingPathComponent("Tests/HelmReleaseTests/Fixtures")

    /// Runs `body` against a fresh server holding the given record files (Secret or ConfigMap JSON).
    static func with<T: Sendable>(
        records: [URL] = [], extra: [ReleaseRecord] = [], _ body: (ReleaseTestCluster) async throws -> T
    ) async throws -> T {
        try await KubeTestServer.withServer { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            try await withKubeClient(config: config) { client in
                _ = try await client.create(
                    KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "ns"]]))
                for file in records {
                    let record = try ReleaseRecord(kubernetesObjectJSON: Array(try Data(contentsOf: file)))
                    try await KubernetesReleaseRecordStore(client: client, kind: record.kind).create(record)
                }
                for record in extra {
                    try await KubernetesReleaseRecordStore(client: client, kind: record.kind).create(record)
                }
            }
            return try await body(ReleaseTestCluster(server: server))
        }
    }

    /// Runs `fluxhelm ARGUMENTS --kubeconfig SERVER` from the repository root without blocking the caller's thread.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandResult {
        try await runFluxhelmAsync(
            arguments + ["--kubeconfig", server.kubeconfigPath], environment: environment,
            directory: Self.repository)
    }
}

/// `runFluxhelm` on a helper thread, so the test server's tasks keep running while the binary talks to it.
func runFluxhelmAsync(
    _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
) async throws -> CommandResult {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(
                with: Result { try runFluxhelm(arguments, environment: environment, directory: directory) })
        }
        thread.start()
    }
}

/// Reads a JSON file of Helm's views (`helm-release-fixture.py read`).
func helmView(_ name: String) throws -> JSONValue {
    try JSONValue(parsing: Array(try Data(contentsOf: ReleaseTestCluster.fixtures.appendingPathComponent(name))))
}

/// The record fixtures `listing-*.json`.
func listingRecords() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: ReleaseTestCluster.fixtures, includingPropertiesForKeys: nil)
        .filter { $0.lastPathComponent.hasPrefix("listing-") }.sorted { $0.path < $1.path }
}
