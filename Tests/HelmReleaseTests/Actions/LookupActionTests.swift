import HelmEngine
import HelmRelease
import KubeAPI
import Testing

/// `lookup` reads the live cluster during install and upgrade, as Helm's does (the bitnami "keep the existing
/// password" pattern depends on it).
@Suite(.timeLimit(.minutes(1)))
struct LookupActionTests {
    static let template = """
        {{- $existing := lookup "v1" "Secret" .Release.Namespace "keep-me" }}
        {{- $missing := lookup "v1" "ConfigMap" .Release.Namespace "absent" }}
        {{- $all := lookup "v1" "Secret" .Release.Namespace "" }}
        {{- $ns := lookup "v1" "Namespace" "ignored-for-cluster-scope" .Release.Namespace }}
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-found
        data:
          password: {{ $existing.data.password | b64dec | quote }}
          missing: {{ $missing | toJson | quote }}
          listKind: {{ $all.kind | quote }}
          listHasKeepMe: "{{ range $all.items }}{{ if eq .metadata.name "keep-me" }}true{{ end }}{{ end }}"
          namespacePhase: {{ $ns.metadata.name | quote }}

        """

    @Test func testInstallAndUpgrade_lookupReadsTheClusterAndMissingIsEmptyMap() async throws {
        try await ActionBackend.run { env, _ in
            _ = try await env.client.create(
                KubeObject([
                    "apiVersion": "v1", "kind": "Secret",
                    "metadata": ["name": "keep-me", "namespace": .string(env.namespace)],
                    "data": ["password": "aHVudGVyMg=="],
                ]))
            let chart = try TestChart.make(templates: ["cm.yaml": Self.template])
            let actions = env.configuration()
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            let installed = try #require(try await env.configMap("web-found"))
            #expect(installed["data", "password"] == "hunter2")
            #expect(installed["data", "missing"] == "{}")
            #expect(installed["data", "listKind"] == "SecretList")
            #expect(installed["data", "listHasKeepMe"] == "true")
            #expect(installed["data", "namespacePhase"] == .string(env.namespace))

            _ = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: chart))
            let upgraded = try #require(try await env.configMap("web-found"))
            #expect(upgraded["data", "password"] == "hunter2")
        }
    }

    @Test func testInstall_lookupOfUnservedKind_failsTheRenderNamingTheKind() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: [
                "cm.yaml": "{{ lookup \"example.com/v1\" \"Widget\" \"\" \"x\" }}\n"
            ])
            await #expect {
                _ = try await env.configuration().install(
                    InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            } throws: { error in
                "\(error)".contains("unable to get apiresource from unstructured") && "\(error)".contains("Widget")
            }
            #expect(try await env.records("web").isEmpty)
        }
    }
}
