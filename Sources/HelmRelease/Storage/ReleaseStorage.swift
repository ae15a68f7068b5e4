public import Logging

/// Release history on top of a ``ReleaseStorageDriver`` (Helm's `pkg/storage.Storage`).
///
/// It names records, finds a release's history, its last and its deployed revision, and keeps at most
/// ``maxHistory`` revisions: before a new revision is created, the oldest revisions are deleted, but never
/// the latest `deployed` one (Helm's `removeLeastRecent`).
///
/// ```swift
/// let storage = ReleaseStorage(driver: MemoryReleaseDriver(), maxHistory: 10, logger: logger)
/// try await storage.create(release)
/// let current = try await storage.deployed(name: "web", namespace: "apps")
/// ```
public struct ReleaseStorage: Sendable {
    /// Where records live.
    public var driver: any ReleaseStorageDriver
    /// Most revisions kept per release; 0 or less keeps all. The CLI's `--history-max` defaults to 10.
    public var maxHistory: Int
    /// Where storage logs (debug level: record keys read, written, pruned).
    public var logger: Logger

    /// Creates storage over `driver`.
    /// - Parameters:
    ///   - driver: the record store.
    ///   - maxHistory: most revisions kept per release; default 10, as Helm's `--history-max`; 0 keeps all.
    ///   - logger: where to log; by default nowhere.
    public init(
        driver: any ReleaseStorageDriver, maxHistory: Int = 10,
        logger: Logger = Logger(label: "fluxhelm.release", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.driver = driver
        self.maxHistory = maxHistory
        self.logger = logger
    }

    /// The revision `version` of release `name`.
    public func get(name: String, version: Int, namespace: String) async throws -> Release {
        let key = ReleaseKey(name: name, version: version)
        logger.debug("getting release", metadata: ["fluxhelm.release": "\(key)"])
        return try await driver.get(key, namespace: namespace)
    }

    /// Stores a new revision after pruning the history to ``maxHistory`` - 1 older revisions.
    /// - Throws: ``ReleaseError/Code/invalidRelease`` for an empty name or a revision below 1;
    ///   ``ReleaseError/Code/alreadyExists`` if the revision exists.
    public func create(_ release: Release) async throws {
        guard !release.name.isEmpty else { throw ReleaseError.invalidRelease("a release needs a name") }
        guard release.version >= 1 else {
            throw ReleaseError.invalidRelease(
                "release \(release.name) has revision \(release.version); revisions start at 1")
        }
        logger.debug("creating release", metadata: ["fluxhelm.release": "\(release.storageKey)"])
        if maxHistory > 0 {
            try await removeLeastRecent(name: release.name, namespace: release.namespace, keep: maxHistory - 1)
        }
        try await driver.create(release)
    }

    /// Replaces a stored revision (a status change, for example).
    public func update(_ release: Release) async throws {
        logger.debug("updating release", metadata: ["fluxhelm.release": "\(release.storageKey)"])
        try await driver.update(release)
    }

    /// Deletes one revision and returns it.
    public func delete(name: String, version: Int, namespace: String) async throws -> Release {
        let key = ReleaseKey(name: name, version: version)
        logger.debug("deleting release", metadata: ["fluxhelm.release": "\(key)"])
        return try await driver.delete(key, namespace: namespace)
    }

    /// Every stored revision of `name`, oldest first (empty if there are none).
    public func history(name: String, namespace: String) async throws -> [Release] {
        let releases = try await driver.list(namespace: namespace, labels: ["name": name, "owner": "helm"])
        return releases.sorted { $0.version < $1.version }
    }

    /// The highest revision of `name` (Helm's `Last`).
    /// - Throws: ``ReleaseError/Code/notFound`` if the release has no revisions.
    public func last(name: String, namespace: String) async throws -> Release {
        guard let last = try await history(name: name, namespace: namespace).last else {
            throw ReleaseError.releaseNotFound(name: name, namespace: namespace)
        }
        return last
    }

    /// Every `deployed` revision of `name`, oldest first (Helm's `DeployedAll`; normally one).
    public func deployedAll(name: String, namespace: String) async throws -> [Release] {
        let labels = ["name": name, "owner": "helm", "status": ReleaseStatus.deployed.rawValue]
        return try await driver.list(namespace: namespace, labels: labels).sorted { $0.version < $1.version }
    }

    /// The highest `deployed` revision of `name` (Helm's `Deployed`).
    /// - Throws: ``ReleaseError/Code/noDeployedRelease`` if no revision is deployed.
    public func deployed(name: String, namespace: String) async throws -> Release {
        guard let deployed = try await deployedAll(name: name, namespace: namespace).last else {
            throw ReleaseError.noDeployed(name: name)
        }
        return deployed
    }

    /// Every revision of every release; `namespace` nil means all namespaces.
    public func allReleases(namespace: String?) async throws -> [Release] {
        try await driver.list(namespace: namespace, labels: ["owner": "helm"])
    }

    /// The newest revision of each release, sorted by name (what `helm list --all` shows).
    public func latestRevisions(namespace: String?) async throws -> [Release] {
        var latest: [String: Release] = [:]
        for release in try await allReleases(namespace: namespace) {
            let id = release.namespace + "/" + release.name
            if let current = latest[id], current.version >= release.version { continue }
            latest[id] = release
        }
        return latest.values.sorted { ($0.name, $0.namespace) < ($1.name, $1.namespace) }
    }

    /// Deletes the oldest revisions until at most `keep` remain, sparing the latest deployed one
    /// (Helm's `removeLeastRecent`). Every deletion is attempted; the first failure is rethrown.
    func removeLeastRecent(name: String, namespace: String, keep: Int) async throws {
        guard keep >= 0 else { return }
        let history = try await history(name: name, namespace: namespace)
        guard history.count > keep else { return }
        let lastDeployed = history.last(where: { $0.status == .deployed })?.version
        var toDelete: [Release] = []
        for release in history {
            if history.count - toDelete.count == keep { break }
            if release.version != lastDeployed { toDelete.append(release) }
        }
        var firstError: (any Error)?
        for release in toDelete {
            do {
                _ = try await driver.delete(ReleaseKey(name: name, version: release.version), namespace: namespace)
            } catch {
                logger.debug("error pruning release", metadata: ["fluxhelm.release": "\(release.storageKey)"])
                firstError = firstError ?? error
            }
        }
        logger.debug(
            "pruned records",
            metadata: ["fluxhelm.release": "\(name)", "count": "\(toDelete.count)"]
        )
        if let firstError { throw firstError }
    }
}
