import GoTemplate

// Sprig's `urlParse` and `urlJoin` (url.go), over a port of the parts of Go's `net/url` they use.
extension Sprig {
    static let urlFunctions: [String: TemplateFunction] = [
        "urlParse": function([.string]) { a in
            let raw = a[0].stringArgument
            let url: GoURL
            do {
                url = try GoURL.parse(raw)
            } catch let error as GoURL.ParseError {
                throw failure("unable to parse url: parse \(GoQuote.quote(raw)): \(error.message)")
            }
            return .map([
                "scheme": .string(url.scheme), "host": .string(url.host), "hostname": .string(url.hostname),
                "path": .string(url.path), "query": .string(url.rawQuery), "opaque": .string(url.opaque),
                "fragment": .string(url.fragment), "userinfo": .string(url.userinfo?.description ?? ""),
            ])
        },
        "urlJoin": function([.map]) { a in
            let dict = a[0].mapArgument
            func field(_ key: String) throws -> String {
                guard let value = dict[key] else { return "" }
                guard case .string(let s) = value else {
                    throw failure(
                        "unable to parse \(key) key, must be of type string, but \(try kindForError(value)) found")
                }
                return s
            }
            var url = GoURL()
            url.scheme = try field("scheme")
            url.host = try field("host")
            url.path = try field("path")
            url.rawQuery = try field("query")
            url.opaque = try field("opaque")
            url.fragment = try field("fragment")
            let userinfo = try field("userinfo")
            if !userinfo.isEmpty {
                do {
                    url.userinfo = try GoURL.parse("proto://\(userinfo)@host").userinfo
                } catch let error as GoURL.ParseError {
                    throw failure(
                        "unable to parse userinfo in dict: parse "
                            + "\(GoQuote.quote("proto://\(userinfo)@host")): \(error.message)")
                }
            }
            return .string(url.description)
        },
    ]
}

/// The fields of Go's `url.URL` that Sprig reads and writes.
struct GoURL: CustomStringConvertible {
    struct ParseError: Error { var message: String }

    struct Userinfo: CustomStringConvertible {
        var username: String
        var password: String?
        var description: String {
            var s = GoURL.escape(username, .userPassword)
            if let password { s += ":" + GoURL.escape(password, .userPassword) }
            return s
        }
    }

    enum Mode { case path, host, userPassword, fragment }

    var scheme = ""
    var opaque = ""
    var userinfo: Userinfo?
    var host = ""
    var path = ""
    var rawPath = ""
    var rawQuery = ""
    var forceQuery = false
    var fragment = ""

    /// Go's `URL.Hostname`: the host without port and IPv6 brackets.
    var hostname: String {
        var h = Substring(host)
        if let colon = h.lastIndex(of: ":"), GoURL.validOptionalPort(h[colon...]) { h = h[..<colon] }
        if h.hasPrefix("[") && h.hasSuffix("]") { h = h.dropFirst().dropLast() }
        return String(h)
    }

    static func validOptionalPort(_ port: Substring) -> Bool {
        if port.isEmpty { return true }
        guard port.first == ":" else { return false }
        return port.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Go's `url.Parse`.
    static func parse(_ raw: String) throws -> GoURL {
        var url = GoURL()
        var rest = Substring(raw)
        var rawFragment: Substring = ""
        if let hash = rest.firstIndex(of: "#") {
            rawFragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        if rest.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw ParseError(message: "net/url: invalid control character in URL")
        }
        if rest == "*" {
            url.path = "*"
        } else {
            // Scheme: letters, then letters, digits, '+', '-', '.' up to ':'.
            for (offset, ch) in rest.enumerated() {
                if ch.isASCII && ch.isLetter { continue }
                if ch.isASCII && (ch.isNumber || ch == "+" || ch == "-" || ch == ".") {
                    if offset == 0 { break }
                    continue
                }
                if ch == ":" {
                    if offset == 0 { throw ParseError(message: "missing protocol scheme") }
                    let colon = rest.index(rest.startIndex, offsetBy: offset)
                    url.scheme = rest[..<colon].lowercased()
                    rest = rest[rest.index(after: colon)...]
                }
                break
            }
            if rest.hasSuffix("?") && rest.filter({ $0 == "?" }).count == 1 {
                url.forceQuery = true
                rest = rest.dropLast()
            } else if let question = rest.firstIndex(of: "?") {
                url.rawQuery = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if !rest.hasPrefix("/") {
                if !url.scheme.isEmpty {
                    url.opaque = String(rest)
                    return try url.withFragment(rawFragment)
                }
                let segment = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                if segment.contains(":") {
                    throw ParseError(message: "first path segment in URL cannot contain colon")
                }
            }
            if (!url.scheme.isEmpty || !rest.hasPrefix("///")) && rest.hasPrefix("//") {
                var authority = rest.dropFirst(2)
                rest = ""
                if let slash = authority.firstIndex(of: "/") {
                    rest = authority[slash...]
                    authority = authority[..<slash]
                }
                try url.parseAuthority(authority)
            } else if !url.scheme.isEmpty && rest.hasPrefix("/") {
                // "scheme:/path" keeps the path with no host.
            }
            url.path = try unescape(rest, .path)
            url.rawPath = escape(url.path, .path) == rest ? "" : String(rest)
        }
        return try url.withFragment(rawFragment)
    }

    private func withFragment(_ raw: Substring) throws -> GoURL {
        var copy = self
        copy.fragment = try GoURL.unescape(raw, .fragment)
        return copy
    }

    private mutating func parseAuthority(_ authority: Substring) throws {
        var hostPart = authority
        if let at = authority.lastIndex(of: "@") {
            hostPart = authority[authority.index(after: at)...]
            let info = authority[..<at]
            let allowed = "-._:~!$&'()*+,;=%@"
            if !info.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) }) {
                throw ParseError(message: "net/url: invalid userinfo")
            }
            if let colon = info.firstIndex(of: ":") {
                userinfo = Userinfo(
                    username: try GoURL.unescape(info[..<colon], .userPassword),
                    password: try GoURL.unescape(info[info.index(after: colon)...], .userPassword))
            } else {
                userinfo = Userinfo(username: try GoURL.unescape(info, .userPassword), password: nil)
            }
        }
        if hostPart.hasPrefix("[") {
            guard let close = hostPart.lastIndex(of: "]") else {
                throw ParseError(message: "missing ']' in host")
            }
            let port = hostPart[hostPart.index(after: close)...]
            if !GoURL.validOptionalPort(port) {
                throw ParseError(message: "invalid port \(GoQuote.quote(String(port))) after host")
            }
        } else if let colon = hostPart.lastIndex(of: ":") {
            let port = hostPart[colon...]
            if !GoURL.validOptionalPort(port) {
                throw ParseError(message: "invalid port \(GoQuote.quote(String(port))) after host")
            }
        }
        host = try GoURL.unescape(hostPart, .host)
    }

    /// Go's `url.URL.String`.
    var description: String {
        var out = ""
        if !scheme.isEmpty { out += scheme + ":" }
        if !opaque.isEmpty {
            out += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || userinfo != nil {
                if !host.isEmpty || !path.isEmpty || userinfo != nil { out += "//" }
                if let userinfo { out += userinfo.description + "@" }
                if !host.isEmpty { out += GoURL.escape(host, .host) }
            }
            let escapedPath = rawPath.isEmpty ? GoURL.escape(path, .path) : rawPath
            if !escapedPath.isEmpty && !escapedPath.hasPrefix("/") && !host.isEmpty { out += "/" }
            if out.isEmpty, let segment = escapedPath.split(separator: "/").first, segment.contains(":") {
                out += "./"
            }
            out += escapedPath
        }
        if forceQuery || !rawQuery.isEmpty { out += "?" + rawQuery }
        if !fragment.isEmpty { out += "#" + GoURL.escape(fragment, .fragment) }
        return out
    }

    /// Go's `shouldEscape` for the modes Sprig reaches.
    static func shouldEscape(_ c: UInt8, _ mode: Mode) -> Bool {
        if (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) { return false }
        let ch = Character(Unicode.Scalar(c))
        if mode == .host && "!$&'()*+,;=:[]<>\"".contains(ch) { return false }
        switch ch {
        case "-", "_", ".", "~": return false
        case "$", "&", "+", ",", "/", ":", ";", "=", "?", "@":
            switch mode {
            case .path: return ch == "?"
            case .userPassword: return ch == "@" || ch == "/" || ch == "?" || ch == ":"
            case .fragment: return false
            case .host: return true
            }
        default:
            break
        }
        if mode == .fragment && "!()*".contains(ch) { return false }
        return true
    }

    static func escape(_ s: String, _ mode: Mode) -> String {
        var out = ""
        for byte in s.utf8 {
            if shouldEscape(byte, mode) {
                out += "%" + GoFormat.hex(UInt32(byte), width: 2).uppercased()
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    static func unescape(_ s: Substring, _ mode: Mode) throws -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        func hexValue(_ b: UInt8) -> UInt8? {
            switch b {
            case 48...57: b - 48
            case 65...70: b - 55
            case 97...102: b - 87
            default: nil
            }
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) else {
                    let end = min(i + 3, bytes.count)
                    let bad = String(decoding: bytes[i..<end], as: UTF8.self)
                    throw ParseError(message: "invalid URL escape \(GoQuote.quote(bad))")
                }
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
