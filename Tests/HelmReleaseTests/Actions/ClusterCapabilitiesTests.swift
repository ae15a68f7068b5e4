import HelmEngine
import HelmRelease
import KubeAPI
import Testing

/// Capabilities read from a cluster, as Helm's install reads them.
@Suite(.timeLimit(.minutes(1)))
struct ClusterCapabilitiesTests {
    @Test func testRead_versionAndGroupVersionsWithKinds() async throws {
        try await ActionBackend.run { env, server in
            let capabilities = env.capabilities
            #expect(capabilities.apiVersions.contains("v1"))
            #expect(capabilities.apiVersions.contains("apps/v1"))
            #expect(capabilities.apiVersions.contains("apps/v1/Deployment"))
            #expect(capabilities.apiVersions.contains("v1/ConfigMap"))
            #expect(capabilities.apiVersions == capabilities.apiVersions.sorted())
            #expect(capabilities.kubeVersion.major == "1")
            if server != nil {
                #expect(capabilities.kubeVersion.version == "v1.34.0-kubetestserver")
                #expect(capabilities.kubeVersion.minor == "34")
            }
            // Templates see them.
            let chart = try TestChart.make(templates: [
                "cm.yaml": TestChart.configMap(
                    "caps",
                    data: "  deploy: {{ .Capabilities.APIVersions.Has \"apps/v1/Deployment\" | quote }}\n"
                        + "  kube: {{ .Capabilities.KubeVersion.Major | quote }}\n")
            ])
            var options = InstallOptions(name: "web", namespace: env.namespace, chart: chart)
            options.dryRun = true
            let release = try await env.configuration().install(options)
            #expect(release.manifest.contains("deploy: \"true\""))
        }
    }
}
