import Foundation
import Yams

// Reading follows Helm's `loadIndex`: an empty file or a missing apiVersion is an error; a null entry or one
// failing chart metadata validation is skipped with a warning; each chart's versions are sorted newest first.

extension RepositoryIndex {
    /// The most chart versions an index may list (500,000; the largest public indexes list tens of thousands).
    public static let maximumVersions = 500_000

    /// Parses `index.yaml` text.
    ///
    /// - Parameters:
    ///   - yaml: The file's text (YAML or JSON).
    ///   - source: The URL or path it came from, used in messages and warnings.
    /// - Throws: ``RepoError/Code/badIndex`` naming `source` for empty input (`empty index.yaml file`), text that
    ///   is not YAML, a document that is not a mapping, `entries` of the wrong shape, or no `apiVersion`
    ///   (`no API version specified`).
    public init(yaml: String, source: String) throws(RepoError) {
        if yaml.isEmpty { throw .badIndex(source, "empty index.yaml file") }
        let root: Node?
        do {
            // The basic resolver skips Yams' regex-based implicit tag resolution (which dominated parse time);
            // every field read here is text anyway, and nulls and booleans are recognised below.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch {
            throw .badIndex(source, "not valid YAML: \(error)", cause: SendableDescription(error))
        }
        guard let root, let mapping = root.mapping else {
            throw .badIndex(source, "the document is not a mapping of apiVersion and entries")
        }
        var apiVersion = ""
        var generated = ""
        var entries: [String: [ChartVersion]] = [:]
        var warnings: [String] = []
        var total = 0
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "apiVersion": apiVersion = value.scalar?.string ?? ""
            case "generated": generated = value.scalar?.string ?? ""
            case "entries":
                if value.null != nil { continue }
                guard let charts = value.mapping else { throw .badIndex(source, "entries is not a mapping") }
                for (nameNode, versionsNode) in charts {
                    let name = nameNode.string ?? ""
                    if versionsNode.null != nil {
                        entries[name] = []
                        continue
                    }
                    guard let list = versionsNode.sequence else {
                        throw .badIndex(source, "entries.\(name) is not a list of chart versions")
                    }
                    // YAML aliases can repeat one large list many times; a cap keeps that from exhausting memory.
                    total += list.count
                    guard total <= RepositoryIndex.maximumVersions else {
                        throw .badIndex(source, "more than \(RepositoryIndex.maximumVersions) chart versions")
                    }
                    var versions: [ChartVersion] = []
                    versions.reserveCapacity(list.count)
                    for item in list {
                        switch RepositoryIndex.chartVersion(item) {
                        case .success(let version): versions.append(version)
                        case .failure(let skip):
                            warnings.append(
                                "skipping loading invalid entry for chart \(goQuoted(name)) \(goQuoted(skip.version)) "
                                    + "from \(source): \(skip.reason)"
                            )
                        }
                    }
                    entries[name] = versions
                }
            default: continue
            }
        }
        guard !apiVersion.isEmpty else { throw .badIndex(source, "no API version specified") }
        self.init(apiVersion: apiVersion, generated: generated, entries: entries)
        self.warnings = warnings
    }

    struct Skip: Error {
        var version: String
        var reason: String
    }

    /// One entry, validated as Helm's `Metadata.Validate` does for the fields an index carries.
    static func chartVersion(_ node: Node) -> Result<ChartVersion, Skip> {
        if node.null != nil { return .failure(Skip(version: "", reason: "empty entry")) }
        guard let fields = node.mapping else { return .failure(Skip(version: "", reason: "entry is not a mapping")) }
        var name = ""
        var version = ""
        var apiVersion = ""
        var appVersion = ""
        var description = ""
        var type = ""
        var kubeVersion = ""
        var created = ""
        var digest = ""
        var urls: [String] = []
        var deprecated = false
        var dependencies: [DependencyRequest] = []
        var annotations: [String: String] = [:]
        for (key, value) in fields {
            switch key.string ?? "" {
            case "name": name = scalarText(value)
            case "version": version = scalarText(value)
            case "apiVersion": apiVersion = scalarText(value)
            case "appVersion": appVersion = scalarText(value)
            case "description": description = scalarText(value)
            case "type": type = scalarText(value)
            case "kubeVersion": kubeVersion = scalarText(value)
            case "created": created = scalarText(value)
            case "digest": digest = scalarText(value)
            case "deprecated": deprecated = isTrue(value)
            case "urls": urls = value.sequence?.compactMap { $0.scalar?.string } ?? []
            case "annotations":
                for (k, v) in value.mapping ?? Node.Mapping([]) { annotations[k.string ?? ""] = scalarText(v) }
            case "dependencies":
                for dependency in value.sequence ?? Node.Sequence([]) {
                    guard let parsed = dependencyRequest(dependency) else {
                        return .failure(Skip(version: version, reason: "dependencies must not contain empty nodes"))
                    }
                    dependencies.append(parsed)
                }
            default: continue
            }
        }
        if apiVersion.isEmpty { apiVersion = "v1" }
        if name.isEmpty { return .failure(Skip(version: version, reason: "chart.metadata.name is required")) }
        if name == "." || name == ".." || name.contains("/") {
            return .failure(Skip(version: version, reason: "chart.metadata.name \(goQuoted(name)) is invalid"))
        }
        if version.isEmpty { return .failure(Skip(version: version, reason: "chart.metadata.version is required")) }
        if !["", "application", "library"].contains(type) {
            return .failure(Skip(version: version, reason: "chart.metadata.type must be application or library"))
        }
        for dependency in dependencies where !dependency.alias.isEmpty && !isValidAlias(dependency.alias) {
            return .failure(
                Skip(
                    version: version,
                    reason: "dependency \(goQuoted(dependency.name)) has disallowed characters in the alias"
                )
            )
        }
        do {
            return .success(
                try ChartVersion(
                    name: name,
                    version: version,
                    urls: urls,
                    digest: digest,
                    appVersion: appVersion,
                    apiVersion: apiVersion,
                    description: description,
                    type: type,
                    kubeVersion: kubeVersion,
                    created: created,
                    deprecated: deprecated,
                    dependencies: dependencies,
                    annotations: annotations
                )
            )
        } catch {
            return .failure(Skip(version: version, reason: "chart.metadata.version \(goQuoted(version)) is invalid"))
        }
    }

    static func dependencyRequest(_ node: Node) -> DependencyRequest? {
        guard let fields = node.mapping else { return nil }
        var request = DependencyRequest(name: "", version: "", repository: "")
        for (key, value) in fields {
            switch key.string ?? "" {
            case "name": request.name = scalarText(value)
            case "version": request.version = scalarText(value)
            case "repository": request.repository = scalarText(value)
            case "condition": request.condition = scalarText(value)
            case "alias": request.alias = scalarText(value)
            case "tags": request.tags = value.sequence?.map(scalarText) ?? []
            case "import-values":
                request.importValues = (value.sequence ?? Node.Sequence([])).compactMap { item in
                    if let text = item.scalar?.string { return .name(text) }
                    guard let pair = item.mapping else { return nil }
                    return .mapping(
                        child: pair["child"].map(scalarText) ?? "", parent: pair["parent"].map(scalarText) ?? "")
                }
            default: continue
            }
        }
        return request
    }

    /// A scalar's text; `null`/`~` and non-scalars read as `""` (as a Go string field would stay empty).
    static func scalarText(_ node: Node) -> String {
        guard let scalar = node.scalar, node.null == nil else { return "" }
        return scalar.string
    }

    /// A YAML 1.1 true (`true`, `yes`, `on` in any case, unquoted), as Go's YAML reader reads a bool field.
    static func isTrue(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["true", "yes", "on"].contains(scalar.string.lowercased())
    }

    /// Helm's alias rule `^[a-zA-Z0-9_-]+$`.
    static func isValidAlias(_ alias: String) -> Bool {
        !alias.isEmpty
            && alias.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }
}

/// Carries a non-Sendable error's text as a Sendable cause.
struct SendableDescription: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ error: any Error) { self.description = String(describing: error) }
    init(text: String) { self.description = text }
}
