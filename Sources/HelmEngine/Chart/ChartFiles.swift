public import GoTemplate

/// The `.Files` object: a chart's non-template files by path, with Helm's methods `Get`,
/// `GetBytes`, `Glob`, `Lines`, `AsConfig` and `AsSecrets` (Helm's `engine.files`).
///
/// Go sees it as a `map[string][]byte`, so templates can also `range` over it and print it.
public struct ChartFiles: GoObject, Sendable {
    /// The files' bytes by chart-relative path.
    public let contents: [String: [UInt8]]
    /// Encodes a value as Helm's `toYaml` does (without the final newline); used by
    /// `AsConfig` and `AsSecrets`.
    public let yamlEncoder: @Sendable (Value) -> String

    /// Creates the object for a chart's files.
    ///
    /// - Parameters:
    ///   - files: the chart's ``Chart/files``.
    ///   - yamlEncoder: Helm's `toYaml` (Go YAML emitter); the result must not end with a newline.
    public init(files: [ChartFile], yamlEncoder: @escaping @Sendable (Value) -> String) {
        var contents: [String: [UInt8]] = [:]
        for file in files { contents[file.name] = file.data }
        self.init(contents: contents, yamlEncoder: yamlEncoder)
    }

    /// Creates the object for a chart's files, encoding `AsConfig`/`AsSecrets` with ``GoYAML``
    /// as Helm's `toYAML` does (the final newline removed, an encoding failure giving "").
    public init(files: [ChartFile]) {
        self.init(files: files, yamlEncoder: Self.helmToYAML)
    }

    /// Helm's engine `toYAML`: `yaml.Marshal` without the final newline, "" on failure.
    public static let helmToYAML: @Sendable (Value) -> String = { value in
        guard var text = try? GoYAML.encode(value) else { return "" }
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Creates the object from paths and bytes.
    public init(contents: [String: [UInt8]], yamlEncoder: @escaping @Sendable (Value) -> String) {
        self.contents = contents
        self.yamlEncoder = yamlEncoder
    }

    public var goTypeName: String { "engine.files" }
    public var goKind: GoKind { .map }

    public var goDescription: String {
        "map["
            + contents.keys.sorted().map { key in
                key + ":[" + (contents[key] ?? []).map(String.init).joined(separator: " ") + "]"
            }.joined(separator: " ") + "]"
    }

    /// The entries as Go's reflection sees the map (for `range`, `index`, `len`).
    public var underlyingValue: Value? { .map(contents.mapValues(Self.bytesValue), .named("engine.files")) }

    /// `encoding/json` writes `[]byte` as base64 strings.
    public var jsonValue: Value? { .map(contents.mapValues { .string(Base64.encode($0)) }) }

    public func method(_ name: String) -> TemplateFunction? {
        switch name {
        case "Get":
            return TemplateFunction([.string]) { arguments, _ in
                .string(GoBytes.string(from: contents[arguments.first?.stringValue ?? ""] ?? []))
            }
        case "GetBytes":
            return TemplateFunction([.string]) { arguments, _ in
                Self.bytesValue(contents[arguments.first?.stringValue ?? ""] ?? [])
            }
        case "Glob":
            return TemplateFunction([.string]) { arguments, _ in
                .object(glob(arguments.first?.stringValue ?? ""))
            }
        case "Lines":
            return TemplateFunction([.string]) { arguments, _ in
                let path = arguments.first?.stringValue ?? ""
                // Helm 4.2 only returns early for a missing file; an empty one panics in Go.
                if let data = contents[path], data.isEmpty {
                    throw TemplateFunctionError("runtime error: index out of range [-1]")
                }
                return .list(lines(path).map(Value.string), .string)
            }
        case "AsConfig":
            return TemplateFunction([]) { _, _ in .string(asConfig()) }
        case "AsSecrets":
            return TemplateFunction([]) { _, _ in .string(asSecrets()) }
        default:
            return nil
        }
    }

    // MARK: Methods

    /// `Glob`: the files whose path matches a gobwas/glob pattern (`*` stays within one path
    /// segment, `**` crosses them, `{a,b}` alternates); an invalid pattern matches everything.
    public func glob(_ pattern: String) -> ChartFiles {
        let matcher = FilesGlob(pattern: pattern)
        return ChartFiles(contents: contents.filter { matcher.matches($0.key) }, yamlEncoder: yamlEncoder)
    }

    /// `Lines`: the file's lines, without a final empty line after a trailing newline.
    public func lines(_ path: String) -> [String] {
        guard let data = contents[path], !data.isEmpty else { return [] }
        var text = GoBytes.string(from: data)
        if text.hasSuffix("\n") { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `AsConfig`: a YAML map from each file's base name to its text.
    public func asConfig() -> String {
        var map: [String: Value] = [:]
        for (path, data) in contents { map[GoPath.base(path)] = .string(GoBytes.string(from: data)) }
        return Self.trimmingFinalNewline(yamlEncoder(.map(map, .string)))
    }

    /// `AsSecrets`: a YAML map from each file's base name to its base64-encoded bytes.
    public func asSecrets() -> String {
        var map: [String: Value] = [:]
        for (path, data) in contents { map[GoPath.base(path)] = .string(Base64.encode(data)) }
        return Self.trimmingFinalNewline(yamlEncoder(.map(map, .string)))
    }

    /// Helm's `files.go` `toYAML` drops the final newline go-yaml ends with.
    static func trimmingFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    static func bytesValue(_ bytes: [UInt8]) -> Value {
        .list(bytes.map { .int(Int($0), .uint8) }, .uint8)
    }
}

extension Value {
    fileprivate var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
