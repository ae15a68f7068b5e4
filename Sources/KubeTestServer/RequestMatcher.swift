/// Selects which requests a fault from ``KubeTestServer/failNextRequests(_:status:reason:matching:)`` hits.
public struct RequestMatcher: Sendable {
    private enum Rule: Sendable {
        case any
        case method(String)
        case pathPrefix(String)
        case watch
        case all([RequestMatcher])
    }

    private let rule: Rule

    /// Every request.
    public static let any = RequestMatcher(rule: .any)

    /// Requests with this HTTP method (`GET`, `POST`, `PUT`, `PATCH`, `DELETE`; case-insensitive).
    public static func method(_ method: String) -> RequestMatcher {
        RequestMatcher(rule: .method(method.uppercased()))
    }

    /// Requests whose path starts with `prefix` (e.g. `/api/v1/namespaces/ns/configmaps`).
    public static func pathPrefix(_ prefix: String) -> RequestMatcher {
        RequestMatcher(rule: .pathPrefix(prefix))
    }

    /// Watch requests (`watch=true` or `watch=1`).
    public static let watch = RequestMatcher(rule: .watch)

    /// Requests that match every one of `matchers`.
    public static func all(_ matchers: [RequestMatcher]) -> RequestMatcher {
        RequestMatcher(rule: .all(matchers))
    }

    /// Whether a request matches.
    func matches(method: String, path: String, isWatch: Bool) -> Bool {
        switch rule {
        case .any: true
        case .method(let expected): method.uppercased() == expected
        case .pathPrefix(let prefix): path.hasPrefix(prefix)
        case .watch: isWatch
        case .all(let matchers): matchers.allSatisfy { $0.matches(method: method, path: path, isWatch: isWatch) }
        }
    }
}
