import HelmEngine

// Reading and writing the release model as Helm's JSON. Field order and omission rules follow the struct tags
// of Helm's pkg/release/v1 (Release, Info, Hook, HookExecution) and pkg/chart/v2 (Chart, Metadata, Dependency,
// Lock) and pkg/chart/common.File.

extension Release {
    /// Reads a release from its JSON form; `record` names the record in errors.
    init(json: LosslessJSON, record: String?) throws(ReleaseError) {
        var reader = try JSONObjectReader(json, path: "", record: record)
        self.init()
        name = try reader.string("name")
        if let value = reader.take("info") {
            info = try ReleaseInfo(json: value, path: "info", record: record)
        }
        if let value = reader.take("chart") {
            chart = try ReleaseChart(json: value, path: "chart", record: record)
        }
        config = try reader.object("config")
        manifest = try reader.string("manifest")
        hooks =
            try reader.objects("hooks") { (value, path) throws(ReleaseError) in
                try Hook(json: value, path: path, record: record)
            } ?? []
        version = try reader.int("version")
        namespace = try reader.string("namespace")
        applyMethod = try reader.string("apply_method")
        unknownFields = reader.remaining
    }

    /// Writes the release as Helm's `json.Marshal(release)` does.
    func write(to writer: inout GoJSONWriter) {
        writer.beginObject()
        writer.string("name", name, omitEmpty: true)
        if let info {
            writer.field("info")
            info.write(to: &writer)
        }
        if let chart {
            writer.field("chart")
            chart.write(to: &writer)
        }
        if let config, !config.isEmpty {
            writer.field("config")
            writer.object(config)
        }
        writer.string("manifest", manifest, omitEmpty: true)
        if !hooks.isEmpty {
            writer.field("hooks")
            writer.beginArray()
            for hook in hooks { hook.write(to: &writer) }
            writer.endArray()
        }
        if version != 0 {
            writer.field("version")
            writer.int(version)
        }
        writer.string("namespace", namespace, omitEmpty: true)
        writer.string("apply_method", applyMethod, omitEmpty: true)
        writer.unknown(unknownFields)
        writer.endObject()
    }
}

extension ReleaseInfo {
    init(json: LosslessJSON, path: String, record: String?) throws(ReleaseError) {
        var reader = try JSONObjectReader(json, path: path, record: record)
        self.init()
        firstDeployed = try reader.time("first_deployed")
        lastDeployed = try reader.time("last_deployed")
        deleted = try reader.time("deleted")
        description = try reader.string("description")
        status = ReleaseStatus(rawValue: try reader.string("status"))
        notes = try reader.string("notes")
        resources = try reader.object("resources")
        unknownFields = reader.remaining
    }

    func write(to writer: inout GoJSONWriter) {
        writer.beginObject()
        writer.time("first_deployed", firstDeployed, omitZero: true)
        writer.time("last_deployed", lastDeployed, omitZero: true)
        writer.time("deleted", deleted, omitZero: true)
        writer.string("description", description, omitEmpty: true)
        writer.string("status", status.rawValue, omitEmpty: true)
        writer.string("notes", notes, omitEmpty: true)
        if let resources, !resources.isEmpty {
            writer.field("resources")
            writer.object(resources)
        }
        writer.unknown(unknownFields)
        writer.endObject()
    }
}

extension Hook {
    init(json: LosslessJSON, path: String, record: String?) throws(ReleaseError) {
        var reader = try JSONObjectReader(json, path: path, record: record)
        self.init()
        name = try reader.string("name")
        kind = try reader.string("kind")
        self.path = try reader.string("path")
        manifest = try reader.string("manifest")
        events = try reader.strings("events").map(HookEvent.init(rawValue:))
        if let value = reader.take("last_run") {
            var run = try JSONObjectReader(value, path: reader.fieldPath("last_run"), record: record)
            lastRun = HookExecution(
                startedAt: try run.time("started_at"),
                completedAt: try run.time("completed_at"),
                phase: HookPhase(rawValue: try run.string("phase"))
            )
        }
        weight = try reader.int("weight")
        deletePolicies = try reader.strings("delete_policies").map(HookDeletePolicy.init(rawValue:))
        outputLogPolicies = try reader.strings("output_log_policies").map(HookOutputLogPolicy.init(rawValue:))
        unknownFields = reader.remaining.mapValues(\.jsonText)
    }

    func write(to writer: inout GoJSONWriter) {
        writer.beginObject()
        writer.string("name", name, omitEmpty: true)
        writer.string("kind", kind, omitEmpty: true)
        writer.string("path", path, omitEmpty: true)
        writer.string("manifest", manifest, omitEmpty: true)
        writer.strings("events", events.map(\.rawValue))
        writer.field("last_run")
        writer.beginObject()
        writer.time("started_at", lastRun.startedAt, omitZero: true)
        writer.time("completed_at", lastRun.completedAt, omitZero: true)
        writer.field("phase")
        writer.string(lastRun.phase.rawValue)
        writer.endObject()
        if weight != 0 {
            writer.field("weight")
            writer.int(weight)
        }
        writer.strings("delete_policies", deletePolicies.map(\.rawValue))
        writer.strings("output_log_policies", outputLogPolicies.map(\.rawValue))
        writer.unknown(unknownFields.mapValues(LosslessJSON.init(storedText:)))
        writer.endObject()
    }
}

extension GoJSONWriter {
    /// Writes a string member; with `omitEmpty` (Go's `omitempty`) an empty string writes nothing.
    mutating func string(_ key: String, _ value: String, omitEmpty: Bool) {
        guard !(omitEmpty && value.isEmpty) else { return }
        field(key)
        string(value)
    }

    /// Writes a time member; Go's `omitzero` and Helm's custom marshallers drop zero times.
    mutating func time(_ key: String, _ time: GoTime, omitZero: Bool) {
        guard !(omitZero && time.isZero) else { return }
        field(key)
        string(time.rfc3339Nano)
    }

    /// Writes a `[]string` member with `omitempty`.
    mutating func strings(_ key: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        field(key)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes members a newer Helm wrote, after the known ones, in byte order.
    mutating func unknown(_ members: [String: LosslessJSON]) {
        for key in members.keys.sorted(by: Self.byteOrder) {
            field(key)
            value(members[key] ?? .null)
        }
    }
}
