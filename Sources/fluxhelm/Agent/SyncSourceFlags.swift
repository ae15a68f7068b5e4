import Agent
import ArgumentParser
import Foundation
import GitSource

/// Where the manifests come from, shared by `sync` and `agent`: a local directory (`--path`) or a remote
/// repository (`--git-url`, `--git-branch`), and the paths inside it (`--git-path`, repeatable).
struct SyncSourceFlags: ParsableArguments {
    @Option(name: .customLong("path"), help: "A local checkout (or any directory) to read the manifests from.")
    var path: String?

    @Option(name: .customLong("git-url"), help: "The git repository to read the manifests from.")
    var gitURL: String?

    @Option(name: .customLong("git-branch"), help: "The branch of --git-url to sync.")
    var gitBranch = "main"

    @Option(
        name: .customLong("git-path"),
        help: "A path in the repository holding manifests (repeatable; default: the whole repository).")
    var gitPaths: [String] = []

    @Option(
        name: .customLong("git-cache-dir"),
        help: "Where the mirror of --git-url is kept (default: $TMPDIR/fluxhelm-git).")
    var gitCacheDirectory: String?

    @Option(name: .customLong("git-ssh-key"), help: "SSH private key file for --git-url (needs --git-known-hosts).")
    var gitSSHKey: String?

    @Option(name: .customLong("git-known-hosts"), help: "known_hosts file checked for SSH remotes.")
    var gitKnownHosts: String?

    @Option(name: .customLong("git-token-file"), help: "File holding an HTTPS bearer token for --git-url.")
    var gitTokenFile: String?

    @Option(name: .customLong("git-username"), help: "HTTPS user name for --git-url (with --git-password-file).")
    var gitUsername: String?

    @Option(name: .customLong("git-password-file"), help: "File holding the HTTPS password for --git-username.")
    var gitPasswordFile: String?

    @Option(name: .customLong("name"), help: "The agent's name: the owner label's value and the inventory's name.")
    var name = "fluxhelm-agent"

    @Option(
        name: .customLong("default-namespace"), help: "The namespace of namespaced objects that name none.")
    var defaultNamespace = "default"

    @Flag(name: .customLong("prune"), help: "Delete objects the agent applied that have left git.")
    var prune = false

    func validate() throws {
        if path != nil && gitURL != nil { throw ValidationError("give --path or --git-url, not both") }
        if path == nil && gitURL == nil { throw ValidationError("give --path DIR or --git-url URL") }
        if (gitSSHKey == nil) != (gitKnownHosts == nil) {
            throw ValidationError("--git-ssh-key and --git-known-hosts go together")
        }
        if (gitUsername == nil) != (gitPasswordFile == nil) {
            throw ValidationError("--git-username and --git-password-file go together")
        }
        for gitPath in gitPaths where gitPath.hasPrefix("/") || gitPath.split(separator: "/").contains("..") {
            throw ValidationError("--git-path \(gitPath) must be relative to the repository and stay inside it")
        }
    }

    /// The sync settings these flags describe.
    func configuration(namespace: String) -> Syncer.Configuration {
        Syncer.Configuration(
            name: name, namespace: namespace, defaultNamespace: defaultNamespace, prune: prune,
            repository: gitURL ?? path ?? "")
    }

    /// The source these flags name.
    func manifestSource() async throws -> any ManifestSource {
        if let path { return DirectorySource(root: path, paths: gitPaths) }
        let cache =
            gitCacheDirectory ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("fluxhelm-git")
        do {
            return try await GitMirrorSource.open(
                url: gitURL ?? "", branch: gitBranch, paths: gitPaths, cacheDirectory: cache,
                credentials: credentials)
        } catch {
            throw CLIError(error.message)
        }
    }

    /// The git credentials the flags name.
    var credentials: GitCredentials {
        if let gitSSHKey, let gitKnownHosts { return .ssh(privateKeyFile: gitSSHKey, knownHostsFile: gitKnownHosts) }
        if let gitTokenFile { return .bearerToken(file: gitTokenFile) }
        if let gitUsername, let gitPasswordFile { return .basic(username: gitUsername, passwordFile: gitPasswordFile) }
        return .none
    }

    /// Reads the files under the sync paths once.
    func snapshot() async throws -> SourceSnapshot {
        let source = try await manifestSource()
        do {
            return try await source.snapshot()
        } catch {
            throw CLIError(error.message)
        }
    }
}
