import Foundation
import Testing

@testable import KubeAPI

struct InClusterConfigTests {
    let env = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]

    private func makeRoot(token: String? = "tok-1\n", namespace: String? = "flux-system", ca: String? = "CA") throws
        -> String
    {
        let root = try makeTemporaryDirectory("incluster")
        let dir = "\(root)/var/run/secrets/kubernetes.io/serviceaccount"
        if let token { try writeFile("\(dir)/token", token) }
        if let namespace { try writeFile("\(dir)/namespace", namespace) }
        if let ca { try writeFile("\(dir)/ca.crt", ca) }
        return root
    }

    @Test func testInCluster_readsServiceAccount() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = try KubeConfig.inCluster(root: root, environment: env)
        #expect(config.server == "https://10.96.0.1:443")
        #expect(config.namespace == "flux-system")
        #expect(config.certificateAuthorityPEM == Array("CA".utf8))
        #expect(config.tokenFile == "\(root)/var/run/secrets/kubernetes.io/serviceaccount/token")
        #expect(config.source == "in-cluster")
    }

    @Test func testInCluster_ipv6HostAndDefaultNamespace() throws {
        let root = try makeRoot(namespace: nil)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = try KubeConfig.inCluster(
            root: root, environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "6443"])
        #expect(config.server == "https://[fd00::1]:6443")
        #expect(config.namespace == "default")
    }

    @Test func testInCluster_errorsNameWhatIsMissing() throws {
        let root = try makeRoot(token: nil)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect {
            try KubeConfig.inCluster(root: root, environment: [:])
        } throws: { ($0 as? KubeAPIError)?.message.contains("KUBERNETES_SERVICE_HOST is not set") ?? false }
        #expect {
            try KubeConfig.inCluster(
                root: root, environment: ["KUBERNETES_SERVICE_HOST": "h", "KUBERNETES_SERVICE_PORT": "x"])
        } throws: { ($0 as? KubeAPIError)?.message.contains("KUBERNETES_SERVICE_PORT=x is not a port number") ?? false }
        #expect {
            try KubeConfig.inCluster(root: root, environment: env)
        } throws: { error in
            let m = (error as? KubeAPIError)?.message ?? ""
            return m.contains("service-account token") && m.contains("no such file")
        }
    }

    @Test func testTokenSource_rereadsRotatedTokenAfterTheInterval() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = try KubeConfig.inCluster(root: root, environment: env)
        let clock = TestClock()
        let source = TokenSource(
            token: nil, tokenFile: config.tokenFile, refreshInterval: .seconds(60), clock: ClockBox(clock))
        #expect(try source.token() == "tok-1")
        try writeFile(try #require(config.tokenFile), "tok-2")
        clock.advance(by: .seconds(59))
        #expect(try source.token() == "tok-1")  // still cached
        clock.advance(by: .seconds(1))
        #expect(try source.token() == "tok-2")  // re-read after a minute
        try FileManager.default.removeItem(atPath: try #require(config.tokenFile))
        clock.advance(by: .seconds(61))
        #expect(try source.token() == "tok-2")  // a briefly missing file keeps the last token
    }

    @Test func testTokenSource_fixedTokenAndMissingFile() throws {
        let clock = ClockBox(TestClock())
        #expect(try TokenSource(token: "t", tokenFile: nil, refreshInterval: .seconds(60), clock: clock).token() == "t")
        #expect(throws: KubeAPIError.self) {
            try TokenSource(token: nil, tokenFile: "/nonexistent/token", refreshInterval: .seconds(60), clock: clock)
                .token()
        }
    }
}
