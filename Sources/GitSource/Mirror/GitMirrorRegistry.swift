import Crypto
import Foundation
public import Logging

/// Hands out one ``GitMirror`` per remote and credentials, so every resource that uses a repository shares one
/// clone and one fetch.
///
/// Mirrors are keyed by the normalised URL (``GitRemote/key``: `https://Host/org/repo.git/` and
/// `https://host/org/repo` are one repository) together with the credentials, so a user with different (or
/// wrong) credentials never reads through someone else's mirror. Each lives in its own directory under the cache
/// directory, named after the URL and a hash of the key, so a restart finds its clones again.
public actor GitMirrorRegistry {
    /// Where the mirrors live.
    public nonisolated let cacheDirectory: String
    /// The configuration every mirror gets.
    public nonisolated let configuration: GitConfiguration
    private let logger: Logger
    private struct Key: Hashable {
        var url: String
        var credentials: GitCredentials
    }
    private var mirrors: [Key: GitMirror] = [:]

    /// Creates a registry whose mirrors live under `cacheDirectory`.
    public init(
        cacheDirectory: String, configuration: GitConfiguration = GitConfiguration(),
        logger: Logger = Logger(label: "fluxhelm.git", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.cacheDirectory = cacheDirectory
        self.configuration = configuration
        self.logger = logger
    }

    /// The shared mirror of `url` with `credentials`, created (not yet cloned) on first request.
    ///
    /// - Throws: ``GitSourceError/Code/invalidArgument`` for a malformed URL (see ``GitRemote/init(_:)``).
    public func mirror(for url: String, credentials: GitCredentials = .none) throws(GitSourceError) -> GitMirror {
        let remote = try GitRemote(url)
        let used = credentials.isNone ? (remote.embeddedCredentials ?? .none) : credentials
        let key = Key(url: remote.key, credentials: used)
        if let mirror = mirrors[key] { return mirror }
        let mirror = try GitMirror(
            remote: remote, credentials: used, directory: cacheDirectory + "/" + Self.directoryName(remote, used),
            homeDirectory: cacheDirectory + "/.git-home", configuration: configuration, logger: logger)
        mirrors[key] = mirror
        return mirror
    }

    /// How many mirrors the registry holds.
    public var count: Int { mirrors.count }

    /// A readable, unique directory name: the URL's host and path in safe characters, then 16 hex digits of a
    /// SHA-256 of the key and credentials.
    static func directoryName(_ remote: GitRemote, _ credentials: GitCredentials) -> String {
        let readable = remote.key.drop { $0 != ":" }.dropFirst(3).map { character -> Character in
            character.isLetter || character.isNumber || character == "." || character == "-" ? character : "_"
        }
        var hasher = SHA256()
        hasher.update(data: Data(remote.key.utf8))
        hasher.update(data: Data([0]))
        hasher.update(data: Data(String(reflecting: credentials.storage).utf8))
        let digest = hasher.finalize().prefix(8).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        return String(String(readable).prefix(80)) + "-" + digest
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
