import Foundation
import HelmEngine
import KubeAPI
import KubeTestServer
import Testing

@testable import HelmRelease

/// A release real Helm installed and upgraded (the committed fixture records) is upgraded and rolled back by
/// fluxhelm's actions. KubeTestServer only: the records live in namespace `ns`.
@Suite(.timeLimit(.minutes(1)))
struct HelmRecordActionTests {
    @Test(arguments: [ReleaseRecord.Kind.secret, .configMap])
    func testHelmRelease_upgradedAndRolledBackByFluxhelm(_ kind: ReleaseRecord.Kind) async throws {
        try await ActionBackend.run { env, server in
            guard server != nil else { return }
            _ = try? await env.client.create(KubeObject(.namespace, key: ObjectKey(name: "ns")))
            let files =
                kind == .secret
                ? ["helm-secret-rel-v1.json", "helm-secret-rel-v2.json"] : ["helm-configmap-cmrel-v1.json"]
            for file in files {
                var object = KubeObject(try JSONValue(parsing: try Fixtures.data(file)))
                object["metadata", "resourceVersion"] = nil
                object["metadata", "uid"] = nil
                object["metadata", "creationTimestamp"] = nil
                _ = try await env.client.create(object)
            }
            let name = kind == .secret ? "rel" : "cmrel"
            let actions = env.configuration(kind: kind)
            let helmHistory = try await actions.history(name: name, namespace: "ns")
            #expect(helmHistory.last?.status == .deployed)
            let chart = try ChartLoader().load(path: try Fixtures.directory.appendingPathComponent("chart").path)

            let upgraded = try await actions.upgrade(UpgradeOptions(name: name, namespace: "ns", chart: chart))
            let next = helmHistory.count + 1
            #expect(upgraded.version == next)
            #expect(upgraded.status == .deployed)
            // No new values: Helm's last config is reused (the fixture's v2 set greeting=bonjour).
            let expected = kind == .secret ? "bonjour" : "hello"
            let configMap = try await env.client.get(.configMap, ObjectKey(namespace: "ns", name: "\(name)-cm"))
            #expect(configMap["data", "greeting"] == .string(expected))
            #expect(upgraded.config == helmHistory.last?.config)
            let history = try await actions.history(name: name, namespace: "ns")
            #expect(history.map(\.status) == Array(repeating: .superseded, count: helmHistory.count) + [.deployed])
            // Custom labels Helm stored are kept on the new revision.
            #expect(upgraded.labels == helmHistory.last?.labels)

            var rollback = RollbackOptions()
            rollback.version = 1
            let rolled = try await actions.rollback(name: name, namespace: "ns", rollback)
            #expect(rolled.version == next + 1)
            #expect(rolled.info?.description == "Rollback to 1")
            #expect(rolled.manifest == helmHistory.first?.manifest)
            let restored = try await env.client.get(.configMap, ObjectKey(namespace: "ns", name: "\(name)-cm"))
            #expect(restored["data", "greeting"] == .string(kind == .secret ? "hi" : "hello"))
            _ = try await actions.uninstall(name: name, namespace: "ns", UninstallOptions())
            _ = try? await env.client.delete(.namespace, ObjectKey(name: "ns"))
        }
    }

    @Test func testConfigMapStorage_installWritesHelmConfigMapRecord() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            let actions = env.configuration(kind: .configMap)
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            let records = try await env.records("web", kind: .configMap)
            let record = try #require(records["sh.helm.release.v1.web.v1"])
            #expect(record.labels["status"] == "deployed")
            #expect(try await env.records("web", kind: .secret).isEmpty)
            let decoded = try ReleaseRecord(kubernetesObjectJSON: record.json.serialized()).release(
                codec: ReleaseCodec())
            #expect(decoded.status == .deployed)
            #expect(decoded.chart?.templates?.map(\.name) == ["templates/a.yaml"])
        }
    }
}
