import Synchronization

/// Supplies the bearer token for each request: a fixed token, or a token file re-read at most once per refresh
/// interval so a rotated service-account token is picked up without a restart (as client-go's cached token file
/// source does, which re-reads every minute).
final class TokenSource: Sendable {
    private struct Cached {
        var token: String
        var readAt: Duration
    }

    private let fixed: String?
    private let path: String?
    private let refreshInterval: Duration
    private let clock: ClockBox
    private let cache = Mutex<Cached?>(nil)

    init(token: String?, tokenFile: String?, refreshInterval: Duration, clock: ClockBox) {
        fixed = token
        path = tokenFile
        self.refreshInterval = refreshInterval
        self.clock = clock
    }

    /// The token to send, or `nil` for none.
    ///
    /// - Throws: ``KubeAPIError/Code/config`` when the token file cannot be read and no earlier token is cached.
    func token() throws(KubeAPIError) -> String? {
        guard let path else { return fixed }
        let now = clock.elapsed()
        if let cached = cache.withLock({ $0 }), now - cached.readAt < refreshInterval { return cached.token }
        do {
            let bytes = try FileReader.read(path, what: "token file", limit: 1024 * 1024)
            let token = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            cache.withLock { $0 = Cached(token: token, readAt: now) }
            return token
        } catch {
            // Keep using the last good token if the file is briefly missing during rotation.
            if let cached = cache.withLock({ $0 }) { return cached.token }
            throw error
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
