public import GoTemplate

/// A loaded Helm chart: its metadata, default values, schema, templates, other files and
/// subcharts (Helm's `chart.Chart`).
///
/// Build one with ``ChartLoader``. Subcharts are values too; ``dependencies`` holds them in the
/// order Helm loads them.
public struct Chart: Sendable {
    /// The parsed `Chart.yaml` (plus `requirements.yaml` for v1 charts).
    public var metadata: ChartMetadata
    /// The parsed `Chart.lock` (or `requirements.lock`), if present.
    public var lock: ChartLock?
    /// The default values from `values.yaml` (empty when the file is absent).
    public var values: [String: Value]
    /// The raw text of `values.yaml`, for `show values`; `nil` when the file is absent.
    public var valuesText: String?
    /// The bytes of `values.schema.json`, if present.
    public var schema: [UInt8]?
    /// Every file under `templates/`, including partials and `NOTES.txt`.
    public var templates: [ChartFile]
    /// The files visible through `.Files`: everything except `Chart.yaml`, `Chart.lock`,
    /// `values.yaml`, `values.schema.json`, `templates/` and `charts/` (but `.prov` files in
    /// `charts/`, and `requirements.*` of v1 charts, are kept), as Helm's loader sorts them.
    public var files: [ChartFile]
    /// The loaded subcharts.
    public var dependencies: [Chart]

    /// Creates a chart from its parts.
    public init(
        metadata: ChartMetadata,
        lock: ChartLock? = nil,
        values: [String: Value] = [:],
        valuesText: String? = nil,
        schema: [UInt8]? = nil,
        templates: [ChartFile] = [],
        files: [ChartFile] = [],
        dependencies: [Chart] = []
    ) {
        self.metadata = metadata
        self.lock = lock
        self.values = values
        self.valuesText = valuesText
        self.schema = schema
        self.templates = templates
        self.files = files
        self.dependencies = dependencies
    }

    /// The chart's name (after dependency processing, its alias when it has one).
    public var name: String { metadata.name }

    /// Whether this is a library chart, whose templates are defined but not rendered.
    public var isLibrary: Bool { metadata.isLibrary }

    /// `templates/NOTES.txt`, if the chart has one.
    public var notes: ChartFile? { templates.first { $0.name == "templates/NOTES.txt" } }

    /// This chart's own CRD files: `crds/` files ending `.yaml`, `.yml` or `.json` (any case).
    public var crds: [ChartFile] {
        files.filter { file in
            guard file.name.hasPrefix("crds/") else { return false }
            let ext = GoPath.ext(file.name).lowercased()
            return ext == ".yaml" || ext == ".yml" || ext == ".json"
        }
    }

    /// The CRDs of this chart and every subchart, each with the path Helm prints for it
    /// (`parent/charts/sub/crds/x.yaml`), parents first.
    ///
    /// - Parameter fullPath: this chart's full path (its name for the root chart).
    public func allCRDs(fullPath: String? = nil) -> [(path: String, file: ChartFile)] {
        let base = fullPath ?? name
        var out = crds.map { (path: base + "/" + $0.name, file: $0) }
        for dependency in dependencies {
            out += dependency.allCRDs(fullPath: base + "/charts/" + dependency.name)
        }
        return out
    }
}
