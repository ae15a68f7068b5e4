import HelmEngine

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
