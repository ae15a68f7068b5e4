import Crypto
import Foundation
import Yams

/// A `Chart.lock` (or v1 `requirements.lock`): the exact versions chosen for a chart's dependencies and a
/// digest of the dependency list they were chosen for (Helm's `chart.Lock`).
public struct DependencyLock: Sendable, Hashable {
    /// One locked dependency.
    public struct Entry: Sendable, Hashable {
        /// The chart name.
        public var name: String
        /// The exact version chosen.
        public var version: String
        /// The repository as written in Chart.yaml.
        public var repository: String

        /// Creates an entry.
        public init(name: String, version: String, repository: String) {
            self.name = name
            self.version = version
            self.repository = repository
        }
    }

    /// `sha256:` + hex digest of the requested and locked lists (Helm's `resolver.HashReq`).
    public var digest: String
    /// The `generated` timestamp text as written, or `""`.
    public var generated: String
    /// The locked dependencies, in Chart.yaml order.
    public var dependencies: [Entry]

    /// Creates a lock.
    public init(digest: String, generated: String = "", dependencies: [Entry]) {
        self.digest = digest
        self.generated = generated
        self.dependencies = dependencies
    }

    /// Parses lock-file YAML.
    ///
    /// - Parameters:
    ///   - yaml: The file's text.
    ///   - source: The file path, for messages.
    /// - Throws: ``RepoError/Code/dependency`` naming `source` if it is not a lock file.
    public init(yaml: String, source: String) throws(RepoError) {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml, .basic) } catch {
            throw RepoError(
                code: .dependency,
                message: "\(source): not valid YAML: \(error)",
                location: source,
                cause: SendableDescription(error)
            )
        }
        guard let mapping = root?.mapping else {
            throw RepoError(code: .dependency, message: "\(source): not a lock file mapping", location: source)
        }
        var lock = DependencyLock(digest: "", dependencies: [])
        for (key, value) in mapping {
            switch key.string {
            case "digest": lock.digest = RepositoryIndex.scalarText(value)
            case "generated": lock.generated = RepositoryIndex.scalarText(value)
            case "dependencies":
                for item in value.sequence ?? Node.Sequence([]) {
                    let fields = item.mapping
                    lock.dependencies.append(
                        Entry(
                            name: fields?["name"].map(RepositoryIndex.scalarText) ?? "",
                            version: fields?["version"].map(RepositoryIndex.scalarText) ?? "",
                            repository: fields?["repository"].map(RepositoryIndex.scalarText) ?? ""
                        )
                    )
                }
            default: continue
            }
        }
        self = lock
    }

    /// The lock as YAML in the layout `helm dependency update` writes.
    public var yaml: String {
        var text = "dependencies:\n"
        for entry in dependencies {
            text += "- name: \(entry.name)\n  repository: \(entry.repository)\n  version: \(entry.version)\n"
        }
        text += "digest: \(digest)\ngenerated: \"\(generated)\"\n"
        return text
    }

    /// Helm's `resolver.HashReq`: sha256 of the JSON array `[requested, locked]`, as Go's `encoding/json`
    /// writes it (field order and `omitempty` of `chart.Dependency`, HTML-safe escaping).
    public static func digest(requested: [DependencyRequest], locked: [Entry]) -> String {
        var json = "[["
        json += requested.map(GoJSON.dependency).joined(separator: ",")
        json += "],["
        json += locked.map {
            GoJSON.dependency(DependencyRequest(name: $0.name, version: $0.version, repository: $0.repository))
        }
        .joined(separator: ",")
        json += "]]"
        return "sha256:" + SHA256.hash(data: Data(json.utf8)).hexString
    }

    /// Helm's `resolver.HashV2Req`, used to accept old v1 `requirements.lock` digests.
    public static func v2Digest(requested: [DependencyRequest]) -> String {
        let json = "{\"dependencies\":[" + requested.map(GoJSON.dependency).joined(separator: ",") + "]}"
        return "sha256:" + SHA256.hash(data: Data(json.utf8)).hexString
    }
}
