public import GoTemplate

/// Prepares a release's `.Values` the way `helm template`/`install` does: processes the
/// chart's dependencies, coalesces user values over chart defaults, and validates them
/// against every applicable `values.schema.json`.
public enum ReleaseValues {
    /// The result of preparing values.
    public struct Prepared: Sendable {
        /// The chart after dependency processing (aliases applied, disabled subcharts removed,
        /// imported values merged into parents).
        public var chart: Chart
        /// The coalesced values (the template's `.Values` for the root chart).
        public var values: [String: Value]
        /// Warnings Helm would log while merging.
        public var warnings: [String]
    }

    /// Processes dependencies, coalesces and validates.
    ///
    /// - Parameters:
    ///   - chart: the loaded chart.
    ///   - values: the user-supplied values (see ``ValuesOptions/merge(readFile:)``).
    ///   - skipSchemaValidation: Helm's `--skip-schema-validation`.
    /// - Throws: ``ChartError`` (`schemaViolation`, `invalidSchema`, `invalidValues`).
    public static func prepare(
        chart: Chart, values: [String: Value], skipSchemaValidation: Bool = false
    ) throws -> Prepared {
        var chart = chart
        var warnings: [String] = []
        do {
            try ChartDependencies.process(&chart, values: values, warnings: &warnings)
        } catch let error as ChartError {
            // Helm's install wraps ProcessDependencies' error in these words.
            throw ChartError(
                code: error.code, message: "chart dependencies processing failed: " + error.message, path: error.path,
                cause: error)
        }
        let coalesced = try Values.coalesce(chart: chart, values: values, warnings: &warnings)
        if !skipSchemaValidation {
            try ValuesSchema.validate(chart: chart, values: coalesced)
        }
        return Prepared(chart: chart, values: coalesced, warnings: warnings)
    }
}
