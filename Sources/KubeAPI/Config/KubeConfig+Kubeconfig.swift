import Foundation
import Yams

extension KubeConfig {
    /// Loads settings from kubeconfig files, merged as kubectl merges them.
    ///
    /// Which files: `kubeconfigPath` alone when given (it must exist); else each path in `KUBECONFIG`
    /// (colon-separated; missing files are skipped, as kubectl does); else `~/.kube/config`. When several files are
    /// read, the first file to define a cluster, user or context name wins, and the first non-empty
    /// `current-context` wins. Relative file references (`certificate-authority`, `client-key`, `tokenFile`, ...)
    /// resolve against the directory of the file that holds them.
    ///
    /// - Parameters:
    ///   - kubeconfigPath: an explicit file (`--kubeconfig`).
    ///   - context: the context to use instead of `current-context` (`--context`).
    ///   - environment: where `KUBECONFIG` is read from.
    ///   - homeDirectory: where `.kube/config` is looked for. Default: `HOME` from `environment`.
    /// - Throws: ``KubeAPIError/Code/config`` naming the file and field, e.g.
    ///   `kubeconfig /x/config: context "foo" not found` or
    ///   `kubeconfig /x/config: users[0].user.client-key-data: not valid base64`.
    public static func load(
        kubeconfigPath: String? = nil, context: String? = nil, environment: [String: String] = [:],
        homeDirectory: String? = nil
    ) throws(KubeAPIError) -> KubeConfig {
        let paths: [String]
        if let kubeconfigPath {
            paths = [kubeconfigPath]
        } else if let list = environment["KUBECONFIG"], !list.isEmpty {
            paths = list.split(separator: ":").map(String.init).filter { FileReader.exists($0) }
            if paths.isEmpty { throw .config("KUBECONFIG=\(list): none of these files exists") }
        } else if let home = homeDirectory ?? environment["HOME"] {
            paths = ["\(home)/.kube/config"]
        } else {
            throw .config("no kubeconfig: HOME is not set and neither --kubeconfig nor KUBECONFIG was given")
        }
        var merged = MergedKubeconfig()
        for path in paths {
            let bytes = try FileReader.read(path, what: "kubeconfig \(path)")
            try merged.add(KubeconfigFile(path: path, text: String(decoding: bytes, as: UTF8.self)))
        }
        return try merged.resolve(context: context, label: paths.joined(separator: ":"))
    }

    /// Parses one kubeconfig given as text; relative file references resolve against `directory`.
    ///
    /// - Throws: ``KubeAPIError/Code/config`` as ``load(kubeconfigPath:context:environment:homeDirectory:)`` does.
    public static func parse(yaml text: String, path: String = "<inline>", context: String? = nil)
        throws(KubeAPIError) -> KubeConfig
    {
        var merged = MergedKubeconfig()
        try merged.add(KubeconfigFile(path: path, text: text))
        return try merged.resolve(context: context, label: path)
    }
}

/// One kubeconfig file, parsed into its named entries.
private struct KubeconfigFile {
    var path: String
    var currentContext: String?
    var clusters: [(String, KubeconfigEntry)] = []
    var users: [(String, KubeconfigEntry)] = []
    var contexts: [(String, KubeconfigEntry)] = []

    init(path: String, text: String) throws(KubeAPIError) {
        self.path = path
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            // Yams' message spans lines (it quotes the offending line); keep the first, which has the position.
            let firstLine = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
            throw .config(file: "kubeconfig \(path)", "not valid YAML: \(firstLine)", cause: error)
        }
        guard let root else { return }  // An empty file defines nothing, as in kubectl.
        guard let mapping = root.mapping else { throw .config(file: "kubeconfig \(path)", "not a YAML mapping") }
        currentContext = mapping["current-context"]?.string
        clusters = try Self.entries(mapping, "clusters", body: "cluster", path: path)
        users = try Self.entries(mapping, "users", body: "user", path: path)
        contexts = try Self.entries(mapping, "contexts", body: "context", path: path)
    }

    private static func entries(_ root: Node.Mapping, _ list: String, body: String, path: String)
        throws(KubeAPIError) -> [(String, KubeconfigEntry)]
    {
        guard let node = root[list], !FieldReader.isNull(node) else { return [] }
        guard let sequence = node.sequence else {
            throw .config(file: "kubeconfig \(path)", field: list, "must be a list")
        }
        var result: [(String, KubeconfigEntry)] = []
        for (i, item) in sequence.enumerated() {
            let field = "\(list)[\(i)]"
            guard let name = item.mapping?["name"]?.string, !name.isEmpty else {
                throw .config(file: "kubeconfig \(path)", field: "\(field).name", "missing")
            }
            let content = item.mapping?[body] ?? Node.mapping(Node.Mapping([]))
            guard content.mapping != nil || FieldReader.isNull(content) else {
                throw .config(file: "kubeconfig \(path)", field: "\(field).\(body)", "must be a mapping")
            }
            result.append((name, KubeconfigEntry(file: path, field: "\(field).\(body)", body: content)))
        }
        return result
    }

}

/// kubeconfig files merged in order; the first definition of each name wins.
private struct MergedKubeconfig {
    var currentContext: (String, String)?
    var clusters: [String: KubeconfigEntry] = [:]
    var users: [String: KubeconfigEntry] = [:]
    var contexts: [String: KubeconfigEntry] = [:]

    mutating func add(_ file: KubeconfigFile) {
        if currentContext == nil, let c = file.currentContext, !c.isEmpty { currentContext = (c, file.path) }
        for (name, entry) in file.clusters where clusters[name] == nil { clusters[name] = entry }
        for (name, entry) in file.users where users[name] == nil { users[name] = entry }
        for (name, entry) in file.contexts where contexts[name] == nil { contexts[name] = entry }
    }

    func resolve(context override: String?, label: String) throws(KubeAPIError) -> KubeConfig {
        let file = "kubeconfig \(label)"
        guard let contextName = override ?? currentContext?.0, !contextName.isEmpty else {
            throw .config(file: file, "no current-context is set and no --context was given")
        }
        guard let context = contexts[contextName] else {
            throw .config(file: file, "context \"\(contextName)\" not found")
        }
        let ctx = FieldReader(entry: context)
        let clusterName = try ctx.string("cluster") ?? ""
        guard let clusterEntry = clusters[clusterName] else {
            throw .config(
                file: "kubeconfig \(context.file)", field: "\(context.field).cluster",
                "cluster \"\(clusterName)\" not found")
        }
        let cluster = FieldReader(entry: clusterEntry)
        guard let server = try cluster.string("server"), !server.isEmpty else {
            throw .config(file: "kubeconfig \(clusterEntry.file)", field: "\(clusterEntry.field).server", "missing")
        }
        guard server.hasPrefix("https://") || server.hasPrefix("http://") else {
            throw .config(
                file: "kubeconfig \(clusterEntry.file)", field: "\(clusterEntry.field).server",
                "\"\(server)\" is not an http(s) URL")
        }
        var config = KubeConfig(server: server, source: "\(file), context \"\(contextName)\"")
        config.namespace = (try ctx.string("namespace")).flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        config.certificateAuthorityPEM = try cluster.bytes(
            data: "certificate-authority-data", file: "certificate-authority")
        config.insecureSkipTLSVerify = try cluster.bool("insecure-skip-tls-verify") ?? false
        config.tlsServerName = try cluster.string("tls-server-name").flatMap { $0.isEmpty ? nil : $0 }
        if let proxy = try cluster.string("proxy-url"), !proxy.isEmpty {
            do {
                _ = try ProxyURL(parsing: proxy)
            } catch {
                throw cluster.fail("proxy-url", error.message)
            }
            config.proxyURL = proxy
        }
        config.disableCompression = try cluster.bool("disable-compression") ?? false

        let userName = try ctx.string("user") ?? ""
        if !userName.isEmpty {
            guard let userEntry = users[userName] else {
                throw .config(
                    file: "kubeconfig \(context.file)", field: "\(context.field).user", "user \"\(userName)\" not found"
                )
            }
            let user = FieldReader(entry: userEntry)
            config.clientCertificatePEM = try user.bytes(data: "client-certificate-data", file: "client-certificate")
            config.clientKeyPEM = try user.bytes(data: "client-key-data", file: "client-key")
            config.token = try user.string("token")
            config.tokenFile = try user.string("tokenFile").map { FileReader.resolve($0, against: user.directory) }
            config.username = try user.string("username")
            config.password = try user.string("password")
            if (config.clientCertificatePEM == nil) != (config.clientKeyPEM == nil) {
                let missing = config.clientKeyPEM == nil ? "client-key" : "client-certificate"
                throw .config(
                    file: "kubeconfig \(userEntry.file)", field: "\(userEntry.field).\(missing)",
                    "missing (a client certificate needs both a certificate and a key)")
            }
            try user.applyCredentialPlugins(to: &config, userName: userName, cluster: cluster)
        }
        return config
    }
}
