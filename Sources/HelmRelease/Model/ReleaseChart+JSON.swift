// The chart's JSON form inside a release record (Helm's pkg/chart/v2 struct tags).

extension ReleaseChart {
    init(json: LosslessJSON, path: String, record: String?) throws(ReleaseError) {
        var reader = try JSONObjectReader(json, path: path, record: record)
        self.init()
        if let value = reader.take("metadata") {
            metadata = try ChartMetadata(json: value, path: reader.fieldPath("metadata"), record: record)
        }
        if let value = reader.take("lock") {
            var lockReader = try JSONObjectReader(value, path: reader.fieldPath("lock"), record: record)
            lock = ChartLock(
                generated: try lockReader.time("generated"),
                digest: try lockReader.string("digest"),
                dependencies: try lockReader.objects("dependencies") { (value, path) throws(ReleaseError) in
                    try ChartDependency(json: value, path: path, record: record)
                }
            )
        }
        templates = try reader.objects("templates") { (value, path) throws(ReleaseError) in
            try ChartFile(json: value, path: path, record: record)
        }
        values = try reader.object("values")
        schema = try reader.bytes("schema")
        schemaModTime = try reader.time("schemamodtime")
        files = try reader.objects("files") { (value, path) throws(ReleaseError) in
            try ChartFile(json: value, path: path, record: record)
        }
        modTime = try reader.time("modtime")
        unknownFields = reader.remaining
    }

    func write(to writer: inout GoJSONWriter) {
        writer.beginObject()
        writer.field("metadata")
        if let metadata { metadata.write(to: &writer) } else { writer.null() }
        writer.field("lock")
        if let lock {
            writer.beginObject()
            writer.time("generated", lock.generated, omitZero: false)
            writer.field("digest")
            writer.string(lock.digest)
            writer.field("dependencies")
            writer.dependencies(lock.dependencies)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.field("templates")
        writer.files(templates)
        writer.field("values")
        if let values { writer.object(values) } else { writer.null() }
        writer.field("schema")
        if let schema { writer.base64(schema) } else { writer.null() }
        writer.time("schemamodtime", schemaModTime, omitZero: false)
        writer.field("files")
        writer.files(files)
        writer.time("modtime", modTime, omitZero: true)
        writer.unknown(unknownFields)
        writer.endObject()
    }
}

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
        self.init(apiVersion: "")
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
        kubeVersion = try reader.string("kubeVersion")
        dependencies =
            try reader.objects("dependencies") { (value, path) throws(ReleaseError) in
                try ChartDependency(json: value, path: path, record: record)
            } ?? []
        type = try reader.string("type")
        unknownFields = reader.remaining
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
        writer.unknown(unknownFields)
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
        importValues = try reader.array("import-values") ?? []
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
            writer.value(.array(importValues))
        }
        writer.nonEmpty("alias", alias)
        writer.endObject()
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
