import Foundation

/// A request reduced to what routing needs: method, decoded path segments, query and headers.
struct APIRequest: Sendable {
    /// Upper-case HTTP method.
    var method: String
    /// The raw path.
    var path: String
    /// Percent-decoded path segments.
    var segments: [String]
    /// Query parameters (`+` is a space, percent escapes decoded); the last value of a repeated key wins.
    var query: [String: String]
    /// The Content-Type without parameters, lowercased.
    var contentType: String
    /// The User-Agent header.
    var userAgent: String

    /// Whether this is a watch (`watch=true` or `watch=1`).
    var isWatch: Bool {
        guard let value = query["watch"] else { return false }
        return value == "true" || value == "1"
    }

    /// A boolean query parameter (`true`/`1`).
    func flag(_ name: String) -> Bool {
        query[name] == "true" || query[name] == "1"
    }

    /// Splits a raw query string.
    static func parseQuery(_ raw: String?) -> [String: String] {
        var result: [String: String] = [:]
        guard let raw, !raw.isEmpty else { return result }
        for pair in raw.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let key = decode(parts[0])
            result[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }

    /// Splits a raw path into decoded segments.
    static func parseSegments(_ path: String) -> [String] {
        path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
    }

    /// The manager kube records for a write without `fieldManager`: the User-Agent up to its first `/`.
    var defaultManager: String {
        let prefix = userAgent.split(separator: "/").first.map(String.init) ?? ""
        return prefix.isEmpty ? "unknown" : prefix
    }
}
