/// A remote repository's URL, checked and split from any credentials embedded in it.
///
/// Accepted forms: `https://`, `http://`, `ssh://`, `git://` and `file://` URLs, scp-like `user@host:path` and
/// absolute local paths. `ext::` and other transport helpers are refused, since they run arbitrary commands.
/// A password or token embedded in an HTTP(S) URL (`https://user:token@host/repo`) is taken out of the URL: it is
/// kept in ``embeddedCredentials`` and handed to `git` through the environment, never on its command line, and
/// ``redacted`` shows it as `***`.
public struct GitRemote: Sendable, Hashable, CustomStringConvertible {
    /// The URL `git` is given, without any embedded password.
    public let url: String
    /// The URL as the user wrote it, with any password replaced by `***`: what logs and errors show.
    public let redacted: String
    /// The URL normalised for comparison: scheme and host lowercased, default port, trailing `/` and `.git`
    /// dropped, no credentials. Two spellings of one repository have the same key.
    public let key: String
    /// The user name and password found in the URL, if it carried both.
    public let embeddedCredentials: GitCredentials?

    /// Parses and checks `string`.
    ///
    /// - Throws: ``GitSourceError/Code/invalidArgument`` naming the (redacted) URL when it is empty, has spaces or
    ///   control characters, starts with `-`, uses a transport helper (`ext::`) or an unsupported scheme.
    public init(_ string: String) throws(GitSourceError) {
        let shown = Redactor.redactURLs(in: string)
        func invalid(_ why: String) -> GitSourceError {
            .invalidArgument("git URL \"\(shown)\" \(why)", url: shown)
        }
        guard !string.isEmpty else { throw invalid("is empty") }
        guard !string.hasPrefix("-") else { throw invalid("starts with \"-\"") }
        guard !string.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7f }) else {
            throw invalid("contains spaces or control characters")
        }
        if let schemeEnd = string.firstRange(of: "://") {
            let scheme = string[..<schemeEnd.lowerBound].lowercased()
            guard ["https", "http", "ssh", "git", "file"].contains(scheme) else {
                throw invalid("has the unsupported scheme \"\(scheme)\" (use https, http, ssh, git or file)")
            }
            let rest = string[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = Substring(rest[..<authorityEnd])
            let path = rest[authorityEnd...]
            var credentials: GitCredentials?
            var user: Substring?
            if let at = authority.lastIndex(of: "@") {
                let userinfo = authority[..<at]
                authority = authority[authority.index(after: at)...]
                if let colon = userinfo.firstIndex(of: ":") {
                    let name = String(userinfo[..<colon]).removingPercentEncoding()
                    let secret = String(userinfo[userinfo.index(after: colon)...]).removingPercentEncoding()
                    guard scheme == "https" || scheme == "http" else {
                        throw invalid("carries a password, which only https and http URLs may")
                    }
                    credentials = .basic(username: name, password: secret)
                } else {
                    user = userinfo
                }
            }
            guard scheme == "file" || !authority.isEmpty else { throw invalid("has no host") }
            self.url = "\(scheme)://\(user.map { "\($0)@" } ?? "")\(authority)\(path)"
            self.redacted = shown
            self.embeddedCredentials = credentials
            self.key = Self.normalise(scheme: scheme, authority: authority, path: path)
        } else if string.contains("::") {
            throw invalid("uses a git transport helper (\"::\"), which fluxhelm does not run")
        } else if string.hasPrefix("/") {
            self.url = string
            self.redacted = string
            self.embeddedCredentials = nil
            self.key = Self.normalise(scheme: "file", authority: "", path: Substring(string))
        } else if let colon = string.firstIndex(of: ":"), !string[..<colon].contains("/") {
            // scp-like syntax: [user@]host:path
            let hostPart = string[..<colon]
            let host = hostPart.split(separator: "@", omittingEmptySubsequences: false).last ?? hostPart
            guard !host.isEmpty else { throw invalid("has no host") }
            var path = string[string.index(after: colon)...]
            if !path.hasPrefix("/") { path = "/" + path }
            self.url = string
            self.redacted = string
            self.embeddedCredentials = nil
            self.key = Self.normalise(scheme: "ssh", authority: Substring(host), path: path)
        } else {
            throw invalid("is neither a URL (https://, ssh://, ...), an scp-like user@host:path nor an absolute path")
        }
    }

    /// The redacted URL.
    public var description: String { redacted }

    private static let defaultPorts = ["https": "443", "http": "80", "ssh": "22", "git": "9418"]

    private static func normalise(scheme: String, authority: Substring, path: Substring) -> String {
        var host = authority.lowercased()
        if let port = defaultPorts[scheme], host.hasSuffix(":\(port)") { host.removeLast(port.count + 1) }
        var path = String(path)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix(".git") { path.removeLast(4) }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return "\(scheme)://\(host)\(path)"
    }
}

extension String {
    /// Decodes `%XX` escapes; an invalid escape is kept as written.
    fileprivate func removingPercentEncoding() -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
