import Foundation
import SemVer
import Yams

// `helm dependency build`: honour Chart.lock/requirements.lock when it matches Chart.yaml's dependencies
// (Helm's `Manager.Build`), otherwise resolve each constraint as `helm dependency update` does (Helm's
// `Resolver.Resolve`). Repository dependencies are downloaded to the cache; `file://` ones are used in place.

extension RepositoryClient {
    /// Resolves a chart's dependencies to archives and directories, like `helm dependency build`.
    ///
    /// - Parameters:
    ///   - dependencies: Chart.yaml's `dependencies` (or v1 `requirements.yaml`), in order.
    ///   - chartDirectory: The parent chart's directory (for `file://` paths, `charts/` and the lock file).
    ///   - chartAPIVersion: `v2` reads `Chart.lock`; `v1` reads `requirements.lock`.
    ///   - repositories: Credentials and TLS settings per repository URL; others are read anonymously.
    ///   - progress: Called as archives download.
    /// - Returns: Each dependency's source, plus the lock describing them.
    /// - Throws: ``RepoError``: ``RepoError/Code/lockOutOfSync`` (Helm's message), ``RepoError/Code/unsupportedRepository``
    ///   for `@alias`/bare names/`oci://`, ``RepoError/Code/invalidConstraint``, ``RepoError/Code/dependency``
    ///   for a missing local chart or no satisfying version (Helm's `can't get a valid version for …`), and
    ///   any repository or download error.
    public func resolveDependencies(
        _ dependencies: [DependencyRequest],
        chartDirectory: String,
        chartAPIVersion: String = "v2",
        repositories: [String: Repository] = [:],
        progress: DownloadProgress? = nil
    ) async throws(RepoError) -> DependencyResolution {
        for dependency in dependencies { try checkRepositoryForm(dependency) }
        let lockName = chartAPIVersion == "v1" ? "requirements.lock" : "Chart.lock"
        let lockPath = chartDirectory + "/" + lockName
        if FileManager.default.fileExists(atPath: lockPath) {
            let lock = try DependencyLock(yaml: try readSmallFile(lockPath), source: lockPath)
            let digest = DependencyLock.digest(requested: dependencies, locked: lock.dependencies)
            if digest != lock.digest {
                if chartAPIVersion != "v1" {
                    throw RepoError(
                        code: .lockOutOfSync,
                        message: "the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). "
                            + "Please update the dependencies with 'helm dependency update'",
                        location: lockPath
                    )
                }
                if DependencyLock.v2Digest(requested: dependencies) != lock.digest {
                    throw RepoError(
                        code: .lockOutOfSync,
                        message: "the lock file (requirements.lock) is out of sync with the dependencies file "
                            + "(requirements.yaml). Please update the dependencies",
                        location: lockPath
                    )
                }
            }
            var resolved: [ResolvedDependency] = []
            for (offset, entry) in lock.dependencies.enumerated() {
                let alias = offset < dependencies.count ? dependencies[offset].alias : ""
                resolved.append(
                    try await materialize(
                        DependencyRequest(
                            name: entry.name, version: entry.version, repository: entry.repository, alias: alias),
                        exactVersion: entry.version,
                        chartDirectory: chartDirectory,
                        repositories: repositories,
                        progress: progress
                    )
                )
            }
            return DependencyResolution(dependencies: resolved, lock: lock, usedLockFile: true)
        }

        // No lock: choose versions first (all or nothing, like Helm's resolver), then fetch.
        var chosen: [String] = []
        var missing: [String] = []
        for dependency in dependencies {
            let constraints: Constraints
            do throws(SemVerError) { constraints = try Constraints(dependency.version) } catch {
                throw RepoError(
                    code: .invalidConstraint,
                    message: "dependency \(goQuoted(dependency.name)) has an invalid version/constraint format: "
                        + error.message,
                    cause: error
                )
            }
            if let version = try await chooseVersion(
                dependency,
                constraints: constraints,
                chartDirectory: chartDirectory,
                repositories: repositories
            ) {
                chosen.append(version)
            } else {
                chosen.append("")
                missing.append(
                    "\(goQuoted(dependency.name)) (repository \(goQuoted(dependency.repository)), version "
                        + "\(goQuoted(dependency.version)))"
                )
            }
        }
        if !missing.isEmpty {
            throw RepoError(
                code: .dependency,
                message: "can't get a valid version for \(missing.count) subchart(s): "
                    + missing.joined(separator: ", ")
                    + ". Make sure a matching chart version exists in the repo, or change the version constraint "
                    + "in Chart.yaml",
                location: chartDirectory
            )
        }
        var resolved: [ResolvedDependency] = []
        var entries: [DependencyLock.Entry] = []
        for (dependency, version) in zip(dependencies, chosen) {
            entries.append(.init(name: dependency.name, version: version, repository: dependency.repository))
            resolved.append(
                try await materialize(
                    dependency,
                    exactVersion: version,
                    chartDirectory: chartDirectory,
                    repositories: repositories,
                    progress: progress
                )
            )
        }
        let lock = DependencyLock(
            digest: DependencyLock.digest(requested: dependencies, locked: entries),
            dependencies: entries
        )
        return DependencyResolution(dependencies: resolved, lock: lock, usedLockFile: false)
    }

    private func checkRepositoryForm(_ dependency: DependencyRequest) throws(RepoError) {
        let repository = dependency.repository
        let lower = repository.lowercased()
        if repository.isEmpty || lower.hasPrefix("file://") || lower.hasPrefix("http://")
            || lower.hasPrefix("https://")
        {
            return
        }
        let why =
            lower.hasPrefix("oci://")
            ? "OCI registries are not supported yet"
            : "repository names and @aliases need a repositories config, which fluxhelm does not read; "
                + "use the repository URL (https://…) or file://PATH"
        throw RepoError(
            code: .unsupportedRepository,
            message: "dependency \(goQuoted(dependency.name)) has repository \(goQuoted(repository)): \(why)",
            location: repository
        )
    }

    /// The version Helm's resolver would lock, or `nil` when none satisfies the constraint.
    private func chooseVersion(
        _ dependency: DependencyRequest,
        constraints: Constraints,
        chartDirectory: String,
        repositories: [String: Repository]
    ) async throws(RepoError) -> String? {
        if dependency.repository.isEmpty {
            _ = try localPath("charts/" + dependency.name, chartDirectory: chartDirectory)
            return dependency.version
        }
        if dependency.repository.lowercased().hasPrefix("file://") {
            let path = try localPath(dependency.repository, chartDirectory: chartDirectory)
            let version = try localChartVersion(path)
            guard let parsed = try? Version(version), constraints.check(parsed) else { return nil }
            return version
        }
        let repository = repositories[dependency.repository] ?? Repository(url: dependency.repository)
        let repositoryIndex = try await index(for: repository)
        guard let versions = repositoryIndex.entries[dependency.name] else {
            throw RepoError(
                code: .chartNotFound,
                message: "\(dependency.name) chart not found in repo \(dependency.repository)",
                location: dependency.repository
            )
        }
        return versions.first { !$0.urls.isEmpty && constraints.check($0.semanticVersion) }?.version
    }

    private func materialize(
        _ dependency: DependencyRequest,
        exactVersion: String,
        chartDirectory: String,
        repositories: [String: Repository],
        progress: DownloadProgress?
    ) async throws(RepoError) -> ResolvedDependency {
        var result = ResolvedDependency(
            name: dependency.name,
            alias: dependency.alias,
            version: exactVersion,
            repository: dependency.repository,
            source: .directory(path: "")
        )
        if dependency.repository.isEmpty {
            result.source = .directory(path: try localPath("charts/" + dependency.name, chartDirectory: chartDirectory))
        } else if dependency.repository.lowercased().hasPrefix("file://") {
            let path = try localPath(dependency.repository, chartDirectory: chartDirectory)
            // Helm's tarFromLocalDir: the local chart must still satisfy the (locked) version.
            let version = try localChartVersion(path)
            guard let parsed = try? Version(version), let constraints = try? Constraints(exactVersion),
                constraints.check(parsed)
            else {
                throw RepoError(
                    code: .dependency,
                    message: "can't get a valid version for dependency \(dependency.name)",
                    location: path
                )
            }
            result.source = .directory(path: path)
        } else {
            let repository = repositories[dependency.repository] ?? Repository(url: dependency.repository)
            let fetched = try await fetchChart(
                named: dependency.name,
                version: exactVersion,
                from: repository,
                progress: progress
            )
            result.source = .archive(path: fetched.archive.archivePath)
        }
        return result
    }

    /// Helm's `resolver.GetLocalPath`: `file://` stripped; absolute paths as is, others under the chart.
    private func localPath(_ repository: String, chartDirectory: String) throws(RepoError) -> String {
        var path = repository
        if path.lowercased().hasPrefix("file://") { path = String(path.dropFirst("file://".count)) }
        let full = path.hasPrefix("/") ? path : (chartDirectory as NSString).appendingPathComponent(path)
        let standardized = (full as NSString).standardizingPath
        guard FileManager.default.fileExists(atPath: standardized) else {
            throw RepoError(code: .dependency, message: "directory \(standardized) not found", location: standardized)
        }
        return standardized
    }

    /// The `version` field of a local chart's Chart.yaml.
    private func localChartVersion(_ directory: String) throws(RepoError) -> String {
        let path = directory + "/Chart.yaml"
        let text = try readSmallFile(path)
        let node: Node?
        do { node = try Yams.compose(yaml: text, .basic) } catch {
            throw RepoError(
                code: .dependency,
                message: "\(path): not valid YAML: \(error)",
                location: path,
                cause: SendableDescription(error)
            )
        }
        guard let version = node?.mapping?["version"].map(RepositoryIndex.scalarText), !version.isEmpty else {
            throw RepoError(code: .dependency, message: "\(path): version is required", location: path)
        }
        return version
    }

    /// Reads a lock file or Chart.yaml, refusing anything over 1 MiB.
    private func readSmallFile(_ path: String) throws(RepoError) -> String {
        let limit = 1 << 20
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RepoError(code: .dependency, message: "cannot open \(path)", location: path)
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw RepoError(
                code: .dependency, message: "cannot read \(path)", location: path, cause: SendableDescription(error))
        }
        guard data.count <= limit else {
            throw RepoError(code: .tooLarge, message: "\(path) is larger than \(limit) bytes", location: path)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
