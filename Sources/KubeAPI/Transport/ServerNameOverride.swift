/// How requests reach a server whose certificate is checked against `tls-server-name` instead of its URL's host.
///
/// AsyncHTTPClient takes the TLS name (SNI and hostname verification) from the request URL's host. So the URL's
/// host is swapped for the server name, AsyncHTTPClient's `dnsOverride` sends the connection to the real host,
/// and the `Host` header keeps the real host, as Go's client does with `tls.Config.ServerName`.
struct ServerNameOverride: Sendable, Equatable {
    /// `https://real-host:port`, as the requests' URLs start.
    var originalPrefix: String
    /// `https://server-name:port`.
    var rewrittenPrefix: String
    /// `real-host:port` (the server URL's authority), sent as `Host`.
    var hostHeader: String
    /// Server name → real host, for AsyncHTTPClient's `dnsOverride`.
    var dnsOverride: [String: String]

    /// The override for `server` and `serverName`, or `nil` when none is needed (plain HTTP, or the name is the
    /// URL's host already).
    ///
    /// - Throws: ``KubeAPIError/Code/config`` when `serverName` is an IP address (AsyncHTTPClient verifies IP
    ///   addresses only against the address it connected to) or the server URL has no host.
    init?(server: String, serverName: String, source: String) throws(KubeAPIError) {
        let scheme = "https://"
        guard server.lowercased().hasPrefix(scheme) else { return nil }
        let rest = server.dropFirst(scheme.count)
        let rawAuthority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var authority = rawAuthority
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let host: Substring
        let port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw .config("\(source): server \(server): unbalanced [ in host")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            port = after.hasPrefix(":") ? after.dropFirst() : nil
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        } else {
            host = authority
            port = nil
        }
        guard !host.isEmpty else { throw .config("\(source): server \(server) has no host") }
        if serverName.lowercased() == host.lowercased() { return nil }
        if Self.isIPAddress(serverName) {
            throw .config(
                "\(source): tls-server-name \(serverName) is an IP address; KubeAPI supports a DNS name here")
        }
        let portSuffix = port.map { ":\($0)" } ?? ""
        originalPrefix = String(server.prefix(scheme.count + rawAuthority.count))
        rewrittenPrefix = scheme + serverName + portSuffix
        hostHeader = String(authority)
        dnsOverride = [serverName: String(host)]
    }

    /// `url` with the server name in place of the real host, when it starts with the server's URL.
    func rewrite(_ url: String) -> String? {
        guard url.hasPrefix(originalPrefix) else { return nil }
        let tail = url.dropFirst(originalPrefix.count)
        guard tail.isEmpty || tail.first == "/" || tail.first == "?" else { return nil }
        return rewrittenPrefix + tail
    }

    private static func isIPAddress(_ text: String) -> Bool {
        if text.contains(":") { return true }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
