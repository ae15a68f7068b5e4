public import HelmEngine

// The JSON form of HelmEngine's chart types inside a release record (Helm's pkg/chart/v2 struct tags:
// Metadata, Maintainer, Dependency, Lock, and pkg/chart/common.File). Field order and omission rules are Helm's,
// so a record fluxhelm writes is byte for byte what Helm writes.

extension ChartFile {
    init(json: LosslessJSON, path: String, record: String?) throws(ReleaseError) {
        var reader = try JSONObjectReader(json, path: path, record: record)
        self.init(
            name: try reader.string("name"), data: try reader.bytes("data") ?? [], modTime: try reader.time("modtime"))
    }
}

extension ChartMetadata {
    init(json: LosslessJSON, path: String, record: String?) throws(ReleaseError) {
        var reader = try JSONObjectReader(json, path: path, record: record)
        self.init()
        name = try reader.string("name")
        home = try reader.string("home")
        sources = try reader.strings("sources")
        version = try reader.string("version")
        description = try reader.string("description")
        keywords = try reader.strings("keywords")
        maintainers =
            try reader.objects("maintainers") { (value, path) throws(ReleaseError) in
                var maintainer = try JSONObjectReader(value, path: path, record: record)
                return ChartMaintainer(
                    name: try maintainer.string("name"),
                    email: try maintainer.string("email"),
                    url: try maintainer.string("url")
                )
            } ?? []
        icon = try reader.string("icon")
        apiVersion = try reader.string("apiVersion")
        condition = try reader.string("condition")
        tags = try reader.string("tags")
        appVersion = try reader.string("appVersion")
        deprecated = try reader.bool("deprecated")
        annotations = try reader.stringMap("annotations")
        // Helm omits empty annotations, so a record has them only when there are some.
        hasAnnotations = !annotations.isEmpty
        kubeVersion = try reader.string("kubeVersion")
        dependencies =
            try reader.objects("dependencies") { (value, path) throws(ReleaseError) in
                try ChartDependency(json: value, path: path, record: record)
            } ?? []
        type = try reader.string("type")
        unknownFields = reader.remaining.mapValues(\.jsonText)
    }

    func write(to writer: inout GoJSONWriter) {
        writer.beginObject()
        writer.nonEmpty("name", name)
        writer.nonEmpty("home", home)
        writer.strings("sources", sources)
        writer.nonEmpty("version", version)
        writer.nonEmpty("description", description)
        writer.strings("keywords", keywords)
        if !maintainers.isEmpty {
            writer.field("maintainers")
            writer.beginArray()
            for maintainer in maintainers {
                writer.beginObject()
                writer.nonEmpty("name", maintainer.name)
                writer.nonEmpty("email", maintainer.email)
                writer.nonEmpty("url", maintainer.url)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.nonEmpty("icon", icon)
        writer.nonEmpty("apiVersion", apiVersion)
        writer.nonEmpty("condition", condition)
        writer.nonEmpty("tags", tags)
        writer.nonEmpty("appVersion", appVersion)
        if deprecated {
            writer.field("deprecated")
            writer.bool(true)
        }
        if !annotations.isEmpty {
            writer.field("annotations")
            writer.stringMap(annotations)
        }
        writer.nonEmpty("kubeVersion", kubeVersion)
        if !dependencies.isEmpty {
            writer.field("dependencies")
            writer.dependencies(dependencies)
        }
        writer.nonEmpty("type", type)
        writer.unknown(unknownFields.mapValues(LosslessJSON.init(storedText:)))
        writer.endObject()
    }
}

extension ChartDependency {
    init(json: LosslessJSON, path: String, record: String?) throws(ReleaseError) {
        var reader = try JSONObjectReader(json, path: path, record: record)
        self.init()
        name = try reader.string("name")
        version = try reader.string("version")
        repository = try reader.string("repository")
        condition = try reader.string("condition")
        tags = try reader.strings("tags")
        enabled = try reader.bool("enabled")
        importValues = (try reader.array("import-values") ?? []).map(ImportValue.init(recordJSON:))
        alias = try reader.string("alias")
    }

    func write(to writer: inout GoJSONWriter) {
        writer.beginObject()
        writer.field("name")
        writer.string(name)
        writer.nonEmpty("version", version)
        writer.field("repository")
        writer.string(repository)
        writer.nonEmpty("condition", condition)
        writer.strings("tags", tags)
        if enabled {
            writer.field("enabled")
            writer.bool(true)
        }
        if !importValues.isEmpty {
            writer.field("import-values")
            writer.value(.array(importValues.map(\.recordJSON)))
        }
        writer.nonEmpty("alias", alias)
        writer.endObject()
    }
}

extension ChartDependency.ImportValue {
    /// Reads a stored `import-values` entry: a string, a `{child, parent}` map of two strings, or any other JSON
    /// (kept as its text, so writing the record again loses nothing).
    init(recordJSON value: LosslessJSON) {
        if let name = value.stringValue {
            self = .exported(name)
        } else if let members = value.objectValue, members.count == 2, let child = members["child"]?.stringValue,
            let parent = members["parent"]?.stringValue
        {
            self = .mapping(child: child, parent: parent)
        } else {
            self = .ignored(json: value.jsonText)
        }
    }

    /// The entry as a release record stores it: a string, a `{child, parent}` map, or the JSON it was read as
    /// (`null` for an entry Helm ignores that came from YAML).
    public var recordJSON: LosslessJSON {
        switch self {
        case .exported(let name): .string(name)
        case .mapping(let child, let parent): .object(["child": .string(child), "parent": .string(parent)])
        case .ignored(let json): json.map(LosslessJSON.init(storedText:)) ?? .null
        }
    }
}

extension LosslessJSON {
    /// The value of JSON text that ``jsonText`` wrote (unknown record members kept as text by HelmEngine's
    /// types); `null` for text that is not JSON.
    init(storedText text: String) {
        self = (try? JSONParser.parse(Array(text.utf8))) ?? .null
    }
}

extension GoJSONWriter {
    mutating func nonEmpty(_ key: String, _ value: String) {
        guard !value.isEmpty else { return }
        field(key)
        string(value)
    }

    /// Writes `[]*common.File`; nil is `null`.
    mutating func files(_ files: [ChartFile]?) {
        guard let files else { return null() }
        beginArray()
        for file in files {
            beginObject()
            field("name")
            string(file.name)
            field("data")
            // Go writes a nil []byte as null; a loaded file always has non-nil data.
            base64(file.data)
            time("modtime", file.modTime, omitZero: true)
            endObject()
        }
        endArray()
    }

    mutating func dependencies(_ dependencies: [ChartDependency]?) {
        guard let dependencies else { return null() }
        beginArray()
        for dependency in dependencies { dependency.write(to: &self) }
        endArray()
    }
}
