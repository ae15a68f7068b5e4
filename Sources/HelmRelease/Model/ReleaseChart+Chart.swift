public import HelmEngine

extension ReleaseChart {
    /// The chart as Helm stores it in a release: metadata, lock, templates, default values, schema and files
    /// of the top-level chart (subcharts are not stored, as Helm's JSON leaves them out).
    ///
    /// Pass the chart after dependency processing (``HelmEngine/ReleaseValues/Prepared/chart``), as Helm stores
    /// it. Modification times are not known to the loaded chart and stay zero (omitted).
    /// - Throws: ``ReleaseError/Code/invalidRelease`` when the default values cannot be written as JSON.
    public init(_ chart: HelmEngine.Chart) throws {
        var metadata = chart.metadata
        // A record cannot tell an empty annotations map from none (Helm omits both), so keep what reading the
        // record back gives.
        metadata.hasAnnotations = !metadata.annotations.isEmpty
        self.init(
            metadata: metadata,
            lock: chart.lock,
            templates: chart.templates,
            values: try LosslessJSON.values(chart.values),
            schema: chart.schema,
            files: chart.files
        )
    }

    /// The stored chart as a `HelmEngine.Chart` (without subcharts, which records do not hold), for coalescing
    /// its values again (`--reuse-values`) or rendering its templates.
    /// - Throws: ``ReleaseError/Code/corruptedRecord`` when the stored values cannot be read.
    public func engineChart() throws -> HelmEngine.Chart {
        HelmEngine.Chart(
            metadata: metadata ?? ChartMetadata(),
            lock: lock,
            values: try LosslessJSON.templateValues(values),
            schema: schema,
            templates: templates ?? [],
            files: files ?? []
        )
    }
}
