public import HelmEngine

/// A chart as a release record holds it (Helm's `pkg/chart/v2.Chart` JSON form).
///
/// Helm writes the chart's metadata, lock, raw templates, default values, schema and other files, but not its
/// subcharts. `nil` collections are written as JSON `null`, as Go writes nil slices and maps. The parts are
/// HelmEngine's chart types (``HelmEngine/ChartMetadata``, ``HelmEngine/ChartLock``, ``HelmEngine/ChartFile``);
/// their record JSON form is in `ChartMetadata+ReleaseJSON.swift`. The default values stay JSON, exactly as
/// stored, so a record read and written again is unchanged.
public struct ReleaseChart: Sendable, Hashable {
    /// `Chart.yaml`; `nil` is written as `null`.
    public var metadata: ChartMetadata?
    /// `Chart.lock`; `nil` is written as `null`.
    public var lock: ChartLock?
    /// The files under `templates/`, unrendered.
    public var templates: [ChartFile]?
    /// The default values from `values.yaml`.
    public var values: [String: LosslessJSON]?
    /// `values.schema.json`'s bytes.
    public var schema: [UInt8]?
    /// The schema file's modification time; Helm always writes it, zero as `0001-01-01T00:00:00Z`.
    public var schemaModTime: GoTime
    /// Every other file of the chart (README, `files/`, `crds/`, ...).
    public var files: [ChartFile]?
    /// The chart's modification time; zero is omitted.
    public var modTime: GoTime
    /// Members a newer Helm wrote that this model does not know; written back unchanged.
    public var unknownFields: [String: LosslessJSON]

    /// Creates a chart record; collections default to `nil` and times to zero.
    public init(
        metadata: ChartMetadata? = nil, lock: ChartLock? = nil, templates: [ChartFile]? = nil,
        values: [String: LosslessJSON]? = nil, schema: [UInt8]? = nil, schemaModTime: GoTime = .zero,
        files: [ChartFile]? = nil, modTime: GoTime = .zero, unknownFields: [String: LosslessJSON] = [:]
    ) {
        self.metadata = metadata
        self.lock = lock
        self.templates = templates
        self.values = values
        self.schema = schema
        self.schemaModTime = schemaModTime
        self.files = files
        self.modTime = modTime
        self.unknownFields = unknownFields
    }
}
