import Foundation

/// A parsed `proxy-url`: `http://[user:password@]host[:port]` or `socks5://host[:port]`.
///
/// An `https://` proxy (TLS to the proxy itself) is refused: AsyncHTTPClient speaks plain HTTP `CONNECT` to
/// proxies. The connection to the API server through the tunnel is still TLS.
struct ProxyURL: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case http
        case socks5
    }

    var kind: Kind
    var host: String
    var port: Int
    var username: String?
    var password: String?

    /// Parses a proxy URL.
    ///
    /// - Throws: ``KubeAPIError/Code/config`` saying what is wrong (the caller adds where the URL came from).
    init(parsing text: String) throws(KubeAPIError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .config("\"\(text)\" is not a URL")
        }
        switch scheme {
        case "http": kind = .http
        case "socks5", "socks5h": kind = .socks5
        case "https":
            throw .config("\"\(text)\": https proxies are not supported; use an http:// proxy (API traffic stays TLS)")
        default:
            throw .config("\"\(text)\": scheme \"\(scheme)\" is not supported (use http or socks5)")
        }
        guard let host = components.host, !host.isEmpty else { throw .config("\"\(text)\" has no host") }
        self.host = host
        port = components.port ?? (kind == .http ? 80 : 1080)
        guard (1...65535).contains(port) else { throw .config("\"\(text)\": port \(port) is out of range") }
        username = components.user?.removingPercentEncoding ?? components.user
        password = components.password?.removingPercentEncoding ?? components.password
        if kind == .socks5 && username != nil {
            throw .config("\"\(text)\": SOCKS5 proxies with a user name and password are not supported")
        }
    }
}
