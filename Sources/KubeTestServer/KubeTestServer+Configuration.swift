public import Logging

extension KubeTestServer {
    /// How the server's TLS is set up.
    public struct TLSMode: Sendable, Hashable {
        private enum Mode: Sendable, Hashable {
            case none
            case serverOnly
            case mutual
        }

        private let mode: Mode

        /// Plain HTTP (the default).
        public static let none = TLSMode(mode: .none)
        /// HTTPS with a certificate from a CA generated for this server (``KubeTestServer/caCertificatePEM``).
        public static let serverOnly = TLSMode(mode: .serverOnly)
        /// HTTPS that also requires a client certificate signed by the same CA
        /// (``KubeTestServer/clientCertificate()``).
        public static let mutual = TLSMode(mode: .mutual)

        /// Whether the server speaks TLS.
        public var isEnabled: Bool { mode != .none }
        /// Whether clients must present a certificate.
        public var requiresClientCertificate: Bool { mode == .mutual }
    }

    /// Server settings; every field has a default.
    public struct Configuration: Sendable {
        /// How many write events the watch history keeps (default 1000). Watches from a resourceVersion older than
        /// the history get a 410 Expired ERROR event; tests set it small to provoke that.
        public var watchHistoryLimit: Int
        /// The bearer token every request must carry (default nil: no authentication). `/version`, `/healthz`,
        /// `/livez` and `/readyz` also answer requests without a token, as with kube's anonymous auth; a wrong
        /// token is 401 everywhere.
        public var bearerToken: String?
        /// TLS setup (default ``TLSMode/none``).
        public var tls: TLSMode
        /// How often watches that asked for bookmarks (`allowWatchBookmarks=true`) get a BOOKMARK (default 1 s).
        /// Tests that need one now call ``KubeTestServer/sendBookmarks()`` instead of waiting.
        public var bookmarkInterval: Duration
        /// Where the server logs (default: nowhere).
        public var logger: Logger

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - watchHistoryLimit: events kept for watch replay; default 1000.
        ///   - bearerToken: required token; default nil (no auth).
        ///   - tls: TLS mode; default ``TLSMode/none``.
        ///   - bookmarkInterval: BOOKMARK period; default 1 second.
        ///   - logger: where to log; default discards everything.
        public init(
            watchHistoryLimit: Int = 1000,
            bearerToken: String? = nil,
            tls: TLSMode = .none,
            bookmarkInterval: Duration = .seconds(1),
            logger: Logger = Logger(label: "KubeTestServer", factory: { _ in SwiftLogNoOpLogHandler() })
        ) {
            self.watchHistoryLimit = watchHistoryLimit
            self.bearerToken = bearerToken
            self.tls = tls
            self.bookmarkInterval = bookmarkInterval
            self.logger = logger
        }
    }
}
