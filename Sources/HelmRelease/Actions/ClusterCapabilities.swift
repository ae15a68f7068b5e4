public import HelmEngine
public import KubeAPI

/// Reads what a cluster supports into the `.Capabilities` templates see, as Helm's install and upgrade do
/// (`Configuration.getCapabilities`): the server's version from `/version`, and as API versions every served
/// group version (`apps/v1`) plus every kind at it (`apps/v1/Deployment`).
public enum ClusterCapabilities {
    /// The capabilities of the cluster `client` reaches.
    ///
    /// A group version whose discovery fails is skipped, as Helm skips an orphaned API service (it warns and
    /// renders with the rest). Versions are sorted so renders are reproducible (Helm's order is a Go map's).
    /// - Throws: ``ReleaseError/Code/kubernetes`` when `/version` or the group list cannot be read.
    public static func read(from client: KubeClient, timeout: Duration? = nil) async throws -> Capabilities {
        let version: ServerVersion
        let groups: [APIGroup]
        do {
            version = try await client.serverVersion(timeout: timeout)
            groups = try await client.serverGroups(timeout: timeout)
        } catch let error as KubeAPIError {
            throw ReleaseError.kubernetes("could not get server version and API groups from Kubernetes", cause: error)
        }
        var versions = Set<String>()
        let groupVersions = groups.flatMap { group in
            group.versions.map { (group: group.name, version: $0) }
        }
        for groupVersion in groupVersions {
            versions.insert(
                groupVersion.group.isEmpty ? groupVersion.version : groupVersion.group + "/" + groupVersion.version)
        }
        let kinds = await withTaskGroup(of: [String].self) { tasks in
            for groupVersion in groupVersions {
                tasks.addTask {
                    let prefix =
                        groupVersion.group.isEmpty
                        ? groupVersion.version : groupVersion.group + "/" + groupVersion.version
                    guard
                        let resources = try? await client.serverResources(
                            group: groupVersion.group, version: groupVersion.version, timeout: timeout)
                    else { return [] }
                    return resources.map { prefix + "/" + $0.kind }
                }
            }
            var all: [String] = []
            for await list in tasks { all += list }
            return all
        }
        versions.formUnion(kinds)
        let kubeVersion =
            KubeVersion(parsing: version.gitVersion)
            ?? KubeVersion(version: version.gitVersion, major: version.major, minor: version.minor)
        var capabilities = Capabilities(
            kubeVersion: KubeVersion(version: version.gitVersion, major: version.major, minor: version.minor),
            apiVersions: versions.sorted())
        // Helm keeps the server's major/minor strings but compares constraints against the parsed version.
        capabilities.kubeVersion.normalizedVersion = kubeVersion.normalizedVersion
        return capabilities
    }
}
