public import GoTemplate

// The Go objects behind `.Capabilities`: field names, printing and JSON as Helm's structs produce them.

extension Capabilities {
    /// The `.Capabilities` object templates see (`*common.Capabilities`).
    public var templateValue: Value { .object(CapabilitiesObject(capabilities: self)) }
}

struct CapabilitiesObject: GoObject {
    let capabilities: Capabilities

    var goTypeName: String { "*common.Capabilities" }
    var goKind: GoKind { .ptr }

    func field(_ name: String) -> Value? {
        switch name {
        case "KubeVersion": .object(KubeVersionObject(version: capabilities.kubeVersion))
        case "APIVersions": .object(VersionSetObject(versions: capabilities.apiVersions))
        case "HelmVersion": .object(BuildInfoObject(info: capabilities.helmVersion))
        default: nil
        }
    }

    var goDescription: String {
        let kube = KubeVersionObject(version: capabilities.kubeVersion).structDescription
        let apis = "[" + capabilities.apiVersions.joined(separator: " ") + "]"
        let helm = BuildInfoObject(info: capabilities.helmVersion).goDescription
        return "&{\(kube) \(apis) \(helm)}"
    }

    var jsonValue: Value? {
        .map([
            "KubeVersion": KubeVersionObject(version: capabilities.kubeVersion).jsonValue ?? .null,
            "APIVersions": .list(capabilities.apiVersions.map { .string($0) }, .string),
            "HelmVersion": BuildInfoObject(info: capabilities.helmVersion).jsonValue ?? .null,
        ])
    }
}

/// `common.KubeVersion`: printing calls its `String()` method, so `{{ .Capabilities.KubeVersion }}` is `v1.36.0`.
struct KubeVersionObject: GoObject {
    let version: KubeVersion

    var goTypeName: String { "common.KubeVersion" }
    var goKind: GoKind { .struct }

    func field(_ name: String) -> Value? {
        switch name {
        case "Version": .string(version.version)
        case "Major": .string(version.major)
        case "Minor": .string(version.minor)
        default: nil
        }
    }

    func method(_ name: String) -> TemplateFunction? {
        switch name {
        case "GitVersion":
            let full = version.version
            return TemplateFunction([]) { _, _ in .string(full) }
        case "String":
            let normalized = version.normalizedVersion
            return TemplateFunction([]) { _, _ in .string(normalized) }
        default:
            return nil
        }
    }

    var goDescription: String { version.normalizedVersion }

    /// What `%v` prints for the struct without its `String()` method (as `printf` reaches it by value).
    var goValueDescription: String { structDescription }

    /// The struct's fields as `%v` prints them.
    var structDescription: String {
        "{\(version.version) \(version.normalizedVersion) \(version.major) \(version.minor)}"
    }

    var jsonValue: Value? {
        .map(["Version": .string(version.version), "Major": .string(version.major), "Minor": .string(version.minor)])
    }
}

/// `common.VersionSet`, a `[]string` with a `Has` method.
struct VersionSetObject: GoObject {
    let versions: [String]

    var goTypeName: String { "common.VersionSet" }
    var goKind: GoKind { .slice }

    func method(_ name: String) -> TemplateFunction? {
        guard name == "Has" else { return nil }
        let versions = Set(self.versions)
        return TemplateFunction([.string]) { arguments, _ in
            guard case .string(let wanted) = arguments.first else { return .bool(false) }
            return .bool(versions.contains(wanted))
        }
    }

    var goDescription: String { "[" + versions.joined(separator: " ") + "]" }
    var jsonValue: Value? { underlyingValue }
    var underlyingValue: Value? { .list(versions.map { .string($0) }, .string) }
}

/// `version.BuildInfo`; its JSON tags are lower-case and omit empty fields.
struct BuildInfoObject: GoObject {
    let info: HelmBuildInfo

    var goTypeName: String { "version.BuildInfo" }
    var goKind: GoKind { .struct }

    func field(_ name: String) -> Value? {
        switch name {
        case "Version": .string(info.version)
        case "GitCommit": .string(info.gitCommit)
        case "GitTreeState": .string(info.gitTreeState)
        case "GoVersion": .string(info.goVersion)
        case "KubeClientVersion": .string(info.kubeClientVersion)
        default: nil
        }
    }

    var goDescription: String {
        "{\(info.version) \(info.gitCommit) \(info.gitTreeState) \(info.goVersion) \(info.kubeClientVersion)}"
    }

    var jsonValue: Value? {
        var fields: [String: Value] = [:]
        let pairs = [
            ("version", info.version), ("git_commit", info.gitCommit), ("git_tree_state", info.gitTreeState),
            ("go_version", info.goVersion), ("kube_client_version", info.kubeClientVersion),
        ]
        for (key, value) in pairs where !value.isEmpty { fields[key] = .string(value) }
        return .map(fields)
    }
}
