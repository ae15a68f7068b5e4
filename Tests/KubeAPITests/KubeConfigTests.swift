import Foundation
import Testing

@testable import KubeAPI

struct KubeConfigTests {
    static let basic = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: dev-cluster
          cluster:
            server: https://dev.example:6443
            certificate-authority-data: \(base64("CA-PEM"))
            tls-server-name: api.dev
        - name: prod-cluster
          cluster:
            server: https://prod.example
            insecure-skip-tls-verify: true
        users:
        - name: dev-user
          user:
            client-certificate-data: \(base64("CERT-PEM"))
            client-key-data: \(base64("KEY-PEM"))
        - name: token-user
          user:
            token: abc123
        contexts:
        - name: dev
          context:
            cluster: dev-cluster
            user: dev-user
            namespace: team-a
        - name: prod
          context:
            cluster: prod-cluster
            user: token-user
        """

    @Test func testParse_currentContext() throws {
        let config = try KubeConfig.parse(yaml: Self.basic, path: "/k/config")
        #expect(config.server == "https://dev.example:6443")
        #expect(config.namespace == "team-a")
        #expect(config.certificateAuthorityPEM == Array("CA-PEM".utf8))
        #expect(config.clientCertificatePEM == Array("CERT-PEM".utf8))
        #expect(config.clientKeyPEM == Array("KEY-PEM".utf8))
        #expect(config.tlsServerName == "api.dev")
        #expect(config.insecureSkipTLSVerify == false)
        #expect(config.token == nil)
    }

    @Test func testParse_contextOverride() throws {
        let config = try KubeConfig.parse(yaml: Self.basic, path: "/k/config", context: "prod")
        #expect(config.server == "https://prod.example")
        #expect(config.namespace == "default")
        #expect(config.insecureSkipTLSVerify)
        #expect(config.token == "abc123")
        #expect(config.clientCertificatePEM == nil)
    }

    @Test(arguments: [
        (
            "current-context: nope\ncontexts: []", "kubeconfig /x/config: context \"nope\" not found"
        ),
        (
            "contexts:\n- name: a\n  context: {cluster: c}", "kubeconfig /x/config: no current-context is set"
        ),
        (
            "current-context: a\ncontexts:\n- name: a\n  context: {cluster: missing}",
            "kubeconfig /x/config: contexts[0].context.cluster: cluster \"missing\" not found"
        ),
        (
            "current-context: a\ncontexts:\n- name: a\n  context: {cluster: c, user: u}\nclusters:\n- name: c\n  cluster: {server: https://h}\nusers:\n- name: u\n  user: {client-key-data: '!!notbase64'}",
            "kubeconfig /x/config: users[0].user.client-key-data: not valid base64"
        ),
        (
            "current-context: a\ncontexts:\n- name: a\n  context: {cluster: c}\nclusters:\n- name: c\n  cluster: {}",
            "kubeconfig /x/config: clusters[0].cluster.server: missing"
        ),
        (
            "current-context: a\ncontexts:\n- name: a\n  context: {cluster: c}\nclusters:\n- name: c\n  cluster: {server: ftp://h}",
            "kubeconfig /x/config: clusters[0].cluster.server: \"ftp://h\" is not an http(s) URL"
        ),
        (
            "current-context: a\ncontexts:\n- name: a\n  context: {cluster: c}\nclusters:\n- name: c\n  cluster: {server: https://h, insecure-skip-tls-verify: maybe}",
            "kubeconfig /x/config: clusters[0].cluster.insecure-skip-tls-verify: \"maybe\" is not a boolean"
        ),
        (
            "current-context: a\ncontexts:\n- name: a\n  context: {cluster: c, user: u}\nclusters:\n- name: c\n  cluster: {server: https://h}\nusers:\n- name: u\n  user: {client-certificate-data: \(base64("x"))}",
            "kubeconfig /x/config: users[0].user.client-key: missing"
        ),
        (
            "current-context: a\ncontexts:\n- name: a\n  context: {cluster: c, user: u}\nclusters:\n- name: c\n  cluster: {server: https://h}\nusers:\n- name: u\n  user: {exec: {command: aws}}",
            "kubeconfig /x/config: users[0].user.exec.apiVersion: missing"
        ),
        ("clusters: 5", "kubeconfig /x/config: clusters: must be a list"),
        ("clusters:\n- cluster: {server: https://h}", "kubeconfig /x/config: clusters[0].name: missing"),
        ("- just\n- a list", "kubeconfig /x/config: not a YAML mapping"),
        ("key: [unclosed", "kubeconfig /x/config: not valid YAML"),
    ])
    func testParse_errorNamesFileAndField(yaml: String, expectedPrefix: String) {
        do {
            _ = try KubeConfig.parse(yaml: yaml, path: "/x/config")
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.code == .config)
            #expect(error.message.hasPrefix(expectedPrefix), "got: \(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func testLoad_relativeFilesResolveAgainstTheKubeconfigDirectory() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile("\(dir)/certs/ca.pem", "CA-FROM-FILE")
        try writeFile("\(dir)/certs/client.pem", "CERT-FROM-FILE")
        try writeFile("\(dir)/certs/client.key", "KEY-FROM-FILE")
        try writeFile(
            "\(dir)/config",
            """
            current-context: a
            contexts: [{name: a, context: {cluster: c, user: u}}]
            clusters: [{name: c, cluster: {server: "https://h", certificate-authority: certs/ca.pem}}]
            users: [{name: u, user: {client-certificate: certs/client.pem, client-key: certs/client.key,
                     tokenFile: token}}]
            """)
        let config = try KubeConfig.load(kubeconfigPath: "\(dir)/config")
        #expect(config.certificateAuthorityPEM == Array("CA-FROM-FILE".utf8))
        #expect(config.clientCertificatePEM == Array("CERT-FROM-FILE".utf8))
        #expect(config.clientKeyPEM == Array("KEY-FROM-FILE".utf8))
        #expect(config.tokenFile == "\(dir)/token")
    }

    @Test func testLoad_missingReferencedFileNamesTheField() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile(
            "\(dir)/config",
            """
            current-context: a
            contexts: [{name: a, context: {cluster: c}}]
            clusters: [{name: c, cluster: {server: "https://h", certificate-authority: nope.pem}}]
            """)
        #expect {
            try KubeConfig.load(kubeconfigPath: "\(dir)/config")
        } throws: { error in
            let e = error as? KubeAPIError
            return e?.code == .config
                && e?.message
                    == "kubeconfig \(dir)/config: clusters[0].cluster.certificate-authority: no such file \(dir)/nope.pem"
        }
    }

    @Test func testLoad_explicitMissingFile() {
        #expect {
            try KubeConfig.load(kubeconfigPath: "/nonexistent/kubeconfig")
        } throws: { error in
            (error as? KubeAPIError)?.message
                == "kubeconfig /nonexistent/kubeconfig: no such file /nonexistent/kubeconfig"
        }
    }

    @Test func testLoad_kubeconfigListMergesFirstFileWins() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile(
            "\(dir)/one",
            """
            current-context: shared
            clusters: [{name: c, cluster: {server: "https://first"}}]
            contexts: [{name: shared, context: {cluster: c, user: u2, namespace: from-one}}]
            """)
        try writeFile(
            "\(dir)/two",
            """
            current-context: other
            clusters: [{name: c, cluster: {server: "https://second"}}, {name: d, cluster: {server: "https://d"}}]
            users: [{name: u2, user: {token: from-two}}]
            contexts: [{name: shared, context: {cluster: d, namespace: from-two}}, {name: other, context: {cluster: d}}]
            """)
        let env = ["KUBECONFIG": "\(dir)/one:\(dir)/missing:\(dir)/two"]
        let config = try KubeConfig.load(environment: env)
        #expect(config.server == "https://first")  // cluster c from the first file
        #expect(config.namespace == "from-one")  // context "shared" from the first file
        #expect(config.token == "from-two")  // user only defined in the second file
        let other = try KubeConfig.load(context: "other", environment: env)
        #expect(other.server == "https://d")
    }

    @Test func testResolve_prefersKubeconfigThenHomeThenInCluster() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile(
            "\(dir)/home/.kube/config",
            """
            current-context: a
            contexts: [{name: a, context: {cluster: c}}]
            clusters: [{name: c, cluster: {server: "https://home"}}]
            """)
        #expect(try KubeConfig.resolve(environment: ["HOME": "\(dir)/home"]).server == "https://home")
        #expect {
            try KubeConfig.resolve(environment: ["HOME": "\(dir)/empty"])
        } throws: { error in
            (error as? KubeAPIError)?.message.hasPrefix("no Kubernetes configuration") ?? false
        }
    }
}
