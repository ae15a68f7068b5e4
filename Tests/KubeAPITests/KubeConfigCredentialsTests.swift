import Foundation
import Testing

@testable import KubeAPI

/// kubeconfig fields beyond static credentials: exec plugins, auth providers, proxy-url, disable-compression,
/// tls-server-name and cluster extensions.
struct KubeConfigCredentialsTests {
    /// A kubeconfig with one context `a` → cluster `c`, user `u`; `cluster` and `user` are flow-mapping bodies.
    static func kubeconfig(cluster: String = "server: https://h", user: String) -> String {
        """
        current-context: a
        contexts: [{name: a, context: {cluster: c, user: u}}]
        clusters: [{name: c, cluster: {\(cluster)}}]
        users: [{name: u, user: {\(user)}}]
        """
    }

    @Test func testExec_allFieldsParsed() throws {
        let yaml = """
            current-context: a
            contexts: [{name: a, context: {cluster: c, user: eks}}]
            clusters:
            - name: c
              cluster:
                server: https://h
                proxy-url: http://proxy.corp:3128
                disable-compression: true
                extensions:
                - name: other
                  extension: {ignored: true}
                - name: client.authentication.k8s.io/exec
                  extension:
                    audience: sts
                    retries: 3
                    enabled: true
                    list: [a, 1]
            users:
            - name: eks
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: aws
                  args: [eks, get-token, --cluster-name, prod]
                  env:
                  - {name: AWS_PROFILE, value: prod}
                  - {name: EMPTY}
                  installHint: |
                    Install the AWS CLI:
                    https://aws.amazon.com/cli/
                  provideClusterInfo: true
            """
        let config = try KubeConfig.parse(yaml: yaml, path: "/k/config")
        let plugin = try #require(config.execPlugin)
        #expect(plugin.command == "aws")
        #expect(plugin.arguments == ["eks", "get-token", "--cluster-name", "prod"])
        #expect(plugin.environment == [.init(name: "AWS_PROFILE", value: "prod"), .init(name: "EMPTY", value: "")])
        #expect(plugin.apiVersion == ExecCredentialPlugin.v1beta1)
        #expect(plugin.installHint == "Install the AWS CLI:\nhttps://aws.amazon.com/cli/\n")
        #expect(plugin.provideClusterInfo)
        // v1beta1 defaults to IfAvailable, as client-go does.
        #expect(plugin.interactiveMode == .ifAvailable)
        #expect(plugin.userName == "eks")
        #expect(plugin.source == "kubeconfig /k/config: users[0].user.exec")
        #expect(plugin.clusterConfig == ["audience": "sts", "retries": 3, "enabled": true, "list": ["a", 1]])
        #expect(config.proxyURL == "http://proxy.corp:3128")
        #expect(config.disableCompression)
        #expect(config.token == nil)
    }

    @Test func testExec_relativeCommandWithSlashResolvesAgainstKubeconfigDirectory() throws {
        let yaml = Self.kubeconfig(
            user: "exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/plugin, interactiveMode: Never}")
        let config = try KubeConfig.parse(yaml: yaml, path: "/home/jane/.kube/config")
        #expect(config.execPlugin?.command == "/home/jane/.kube/./bin/plugin")
        #expect(config.execPlugin?.interactiveMode == .never)
        let bare = Self.kubeconfig(
            user: "exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin, interactiveMode: Never}")
        #expect(try KubeConfig.parse(yaml: bare, path: "/home/jane/.kube/config").execPlugin?.command == "kubelogin")
    }

    @Test func testExec_staticTokenKeptAlongsidePlugin() throws {
        let yaml = Self.kubeconfig(
            user: "token: abc, exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}")
        let config = try KubeConfig.parse(yaml: yaml, path: "/k/config")
        #expect(config.token == "abc")
        #expect(config.execPlugin?.command == "aws")
    }

    @Test(arguments: [
        (
            "exec: {command: aws, apiVersion: client.authentication.k8s.io/v1alpha1}",
            "kubeconfig /x/config: users[0].user.exec.apiVersion: \"client.authentication.k8s.io/v1alpha1\" is not "
                + "supported"
        ),
        (
            "exec: {command: aws, apiVersion: client.authentication.k8s.io/v1}",
            "kubeconfig /x/config: users[0].user.exec.interactiveMode: missing (required for "
                + "client.authentication.k8s.io/v1)"
        ),
        (
            "exec: {command: aws, apiVersion: client.authentication.k8s.io/v1, interactiveMode: Sometimes}",
            "kubeconfig /x/config: users[0].user.exec.interactiveMode: \"Sometimes\" is not Never, IfAvailable or "
                + "Always"
        ),
        (
            "exec: {apiVersion: client.authentication.k8s.io/v1beta1}",
            "kubeconfig /x/config: users[0].user.exec.command: missing"
        ),
        (
            "exec: {command: aws, apiVersion: client.authentication.k8s.io/v1beta1, args: notalist}",
            "kubeconfig /x/config: users[0].user.exec.args: must be a list of strings"
        ),
        (
            "exec: {command: aws, apiVersion: client.authentication.k8s.io/v1beta1, env: [{value: x}]}",
            "kubeconfig /x/config: users[0].user.exec.env[0].name: missing"
        ),
        (
            "exec: {command: aws, apiVersion: client.authentication.k8s.io/v1beta1}, auth-provider: {name: oidc}",
            "kubeconfig /x/config: users[0].user.auth-provider: cannot be set together with exec"
        ),
        (
            "auth-provider: {name: gcp, config: {access-token: x}}",
            "kubeconfig /x/config: users[0].user.auth-provider.name: auth provider \"gcp\" is not supported: "
                + "client-go removed its built-in providers (gcp, azure); use an exec credential plugin"
        ),
        (
            "auth-provider: {name: azure}",
            "kubeconfig /x/config: users[0].user.auth-provider.name: auth provider \"azure\" is not supported"
        ),
        (
            "auth-provider: {name: oidc, config: {client-id: x}}",
            "kubeconfig /x/config: users[0].user.auth-provider.config.id-token: missing"
        ),
    ])
    func testCredentials_errorNamesFileAndField(user: String, expectedPrefix: String) {
        do {
            _ = try KubeConfig.parse(yaml: Self.kubeconfig(user: user), path: "/x/config")
            Issue.record("expected an error for \(user)")
        } catch {
            #expect(error.code == .config)
            #expect(error.message.hasPrefix(expectedPrefix), "got: \(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    /// An unsigned JWT with the given `exp` claim; only the payload matters to the expiry check.
    static func jwt(exp: Int) -> String {
        func encode(_ json: String) -> String {
            Data(json.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
        return "\(encode(#"{"alg":"none"}"#)).\(encode(#"{"sub":"jane","exp":\#(exp)}"#)).sig"
    }

    @Test func testOIDC_presentIdTokenBecomesBearerToken() throws {
        let token = Self.jwt(exp: 4_102_444_800)  // 2100-01-01
        let yaml = Self.kubeconfig(
            user: "auth-provider: {name: oidc, config: {client-id: k, idp-issuer-url: https://idp, id-token: \(token)}}"
        )
        let config = try KubeConfig.parse(yaml: yaml, path: "/x/config")
        #expect(config.token == token)
        #expect(FieldReader.jwtExpiry(token) == Date(timeIntervalSince1970: 4_102_444_800))
        // Not a JWT: used as is, with no expiry known.
        let opaque = Self.kubeconfig(user: "auth-provider: {name: oidc, config: {id-token: opaque-token}}")
        #expect(try KubeConfig.parse(yaml: opaque, path: "/x/config").token == "opaque-token")
    }

    @Test func testOIDC_expiredIdTokenIsAClearError() {
        let token = Self.jwt(exp: 1_000_000_000)  // 2001
        let yaml = Self.kubeconfig(
            user:
                "auth-provider: {name: oidc, config: {id-token: \(token), refresh-token: r, idp-issuer-url: https://i}}"
        )
        do {
            _ = try KubeConfig.parse(yaml: yaml, path: "/x/config")
            Issue.record("an expired id-token was accepted")
        } catch {
            #expect(error.code == .config)
            #expect(
                error.message.hasPrefix(
                    "kubeconfig /x/config: users[0].user.auth-provider.config.id-token: expired at 2001-09-09T01:46:40Z"
                ),
                "got: \(error.message)")
            #expect(error.message.contains("does not refresh OIDC tokens"))
        }
    }

    @Test(arguments: [
        (
            "proxy-url: ftp://p",
            "kubeconfig /x/config: clusters[0].cluster.proxy-url: \"ftp://p\": scheme \"ftp\" is not supported"
        ),
        (
            "proxy-url: https://p:3128",
            "kubeconfig /x/config: clusters[0].cluster.proxy-url: \"https://p:3128\": https proxies are not supported"
        ),
        (
            "proxy-url: socks5://u:p@p",
            "kubeconfig /x/config: clusters[0].cluster.proxy-url: \"socks5://u:p@p\": SOCKS5 proxies with a user name"
        ),
        ("proxy-url: 'http://'", "kubeconfig /x/config: clusters[0].cluster.proxy-url: \"http://\" has no host"),
    ])
    func testProxyURL_invalidIsAClearError(cluster: String, expectedPrefix: String) {
        do {
            _ = try KubeConfig.parse(
                yaml: Self.kubeconfig(cluster: "server: https://h, \(cluster)", user: "token: t"), path: "/x/config")
            Issue.record("expected an error for \(cluster)")
        } catch {
            #expect(error.code == .config)
            #expect(error.message.hasPrefix(expectedPrefix), "got: \(error.message)")
        }
    }

    @Test func testProxyURL_parsedWithDefaultsAndCredentials() throws {
        let http = try ProxyURL(parsing: "http://user:p%40ss@proxy.corp")
        #expect(http.kind == .http)
        #expect(http.host == "proxy.corp")
        #expect(http.port == 80)
        #expect(http.username == "user")
        #expect(http.password == "p@ss")
        let socks = try ProxyURL(parsing: "socks5://127.0.0.1")
        #expect(socks.kind == .socks5)
        #expect(socks.port == 1080)
        #expect(socks.username == nil)
    }
}
