import Foundation

extension FieldReader {
    /// The cluster extension whose settings an exec plugin receives as `spec.cluster.config`.
    static let execExtensionName = "client.authentication.k8s.io/exec"

    /// Reads a user's `exec` and `auth-provider` entries into `config`.
    ///
    /// `exec` becomes ``KubeConfig/execPlugin``. `auth-provider` is supported for `oidc` with an `id-token`, sent
    /// as a bearer token; client-go removed its other providers (gcp, azure) in favour of exec plugins, and so
    /// does KubeAPI, with an error that says so.
    func applyCredentialPlugins(to config: inout KubeConfig, userName: String, cluster: FieldReader)
        throws(KubeAPIError)
    {
        if has("exec") && has("auth-provider") {
            throw fail("auth-provider", "cannot be set together with exec; use one credential plugin")
        }
        if let exec = try child("exec") {
            config.execPlugin = try exec.execPlugin(userName: userName, cluster: cluster)
        }
        if let provider = try child("auth-provider") {
            let token = try provider.authProviderToken()
            // A static token in the same user wins, as client-go's bearer token does over its providers.
            if config.token == nil && config.tokenFile == nil { config.token = token }
        }
    }

    /// This `exec` mapping as a plugin entry, validated as client-go validates it.
    private func execPlugin(userName: String, cluster: FieldReader) throws(KubeAPIError) -> ExecCredentialPlugin {
        guard var command = try string("command"), !command.isEmpty else { throw fail("command", "missing") }
        // client-go resolves a relative command with a path separator against the kubeconfig's directory; a
        // bare name is looked up in PATH.
        if command.contains("/") { command = FileReader.resolve(command, against: directory) }
        let apiVersion = try string("apiVersion") ?? ""
        guard apiVersion == ExecCredentialPlugin.v1 || apiVersion == ExecCredentialPlugin.v1beta1 else {
            let what = apiVersion.isEmpty ? "missing" : "\"\(apiVersion)\" is not supported"
            throw fail(
                "apiVersion", "\(what) (use \(ExecCredentialPlugin.v1) or \(ExecCredentialPlugin.v1beta1))")
        }
        var mode = ExecCredentialPlugin.InteractiveMode.ifAvailable
        if let text = try string("interactiveMode"), !text.isEmpty {
            guard let parsed = ExecCredentialPlugin.InteractiveMode(kubeconfigValue: text) else {
                throw fail("interactiveMode", "\"\(text)\" is not Never, IfAvailable or Always")
            }
            mode = parsed
        } else if apiVersion == ExecCredentialPlugin.v1 {
            throw fail("interactiveMode", "missing (required for \(ExecCredentialPlugin.v1))")
        }
        var environment: [ExecCredentialPlugin.EnvironmentVariable] = []
        for variable in try children("env") {
            guard let name = try variable.string("name"), !name.isEmpty else {
                throw variable.fail("name", "missing")
            }
            environment.append(.init(name: name, value: try variable.string("value") ?? ""))
        }
        var clusterConfig: JSONValue?
        for item in try cluster.children("extensions") where try item.string("name") == Self.execExtensionName {
            clusterConfig = try item.json("extension")
        }
        return ExecCredentialPlugin(
            command: command, arguments: try strings("args"), environment: environment, apiVersion: apiVersion,
            installHint: try string("installHint").flatMap { $0.isEmpty ? nil : $0 },
            provideClusterInfo: try bool("provideClusterInfo") ?? false, interactiveMode: mode,
            clusterConfig: clusterConfig, userName: userName, source: "kubeconfig \(entry.file): \(entry.field)")
    }

    /// The bearer token of this `auth-provider` mapping.
    private func authProviderToken() throws(KubeAPIError) -> String {
        let name = try string("name") ?? ""
        guard name == "oidc" else {
            let shown = name.isEmpty ? "with no name" : "\"\(name)\""
            throw fail(
                "name",
                "auth provider \(shown) is not supported: client-go removed its built-in providers (gcp, azure); "
                    + "use an exec credential plugin (users[].user.exec), e.g. gke-gcloud-auth-plugin or kubelogin")
        }
        let settings = try child("config")
        guard let token = try settings?.string("id-token"), !token.isEmpty else {
            throw fail(
                "config.id-token",
                "missing: fluxhelm uses the oidc provider's current id-token and does not log in; run your OIDC "
                    + "login tool first or use an exec credential plugin such as kubelogin")
        }
        if let expiry = Self.jwtExpiry(token), expiry <= Date() {
            let refresh = (try settings?.string("refresh-token")).map { !$0.isEmpty } ?? false
            let advice =
                refresh
                ? "fluxhelm does not refresh OIDC tokens; refresh it with your OIDC tool (e.g. kubectl oidc-login)"
                : "log in again with your OIDC tool"
            throw fail(
                "config.id-token",
                "expired at \(expiry.formatted(.iso8601)); \(advice) or use an exec credential plugin such as kubelogin"
            )
        }
        return token
    }

    /// The `exp` claim of a JWT, or `nil` when the token is not a JWT with one.
    static func jwtExpiry(_ token: String) -> Date? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].utf8.count < 64 * 1024 else { return nil }
        var payload = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while payload.utf8.count % 4 != 0 { payload += "=" }
        guard let data = Data(base64Encoded: payload), let claims = try? JSONValue(parsing: [UInt8](data)),
            let exp = claims["exp"]?.doubleValue
        else { return nil }
        return Date(timeIntervalSince1970: exp)
    }
}
