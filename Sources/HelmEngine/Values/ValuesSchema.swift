public import GoTemplate

/// Validation of values against charts' `values.schema.json` files, as Helm's
/// `ValidateAgainstSchema` does: the chart's own schema on its values, then each subchart's
/// schema on the subchart's section (a non-map section is reported as such).
public enum ValuesSchema {
    /// Validates coalesced values against `chart`'s schema and its subcharts' schemas.
    ///
    /// - Parameters:
    ///   - chart: the chart (after dependency processing).
    ///   - values: the chart's coalesced values.
    /// - Throws: ``ChartError`` `schemaViolation` with Helm's message (`values don't meet the
    ///   specifications of the schema(s) in the following chart(s):` …), or `invalidSchema` when
    ///   a schema file is not valid JSON or cannot be applied.
    public static func validate(chart: Chart, values: [String: Value]) throws {
        var invalidSchema = false
        let report = report(chart: chart, values: values, invalidSchema: &invalidSchema)
        if !report.isEmpty {
            throw ChartError(
                code: invalidSchema ? .invalidSchema : .schemaViolation,
                message: "values don't meet the specifications of the schema(s) in the following chart(s):\n" + report)
        }
    }

    /// The per-chart failure text Helm builds (empty when everything is valid).
    /// Helm reports a schema that cannot be read or applied inside the same message, under the
    /// chart's name, without a trailing newline.
    static func report(chart: Chart, values: [String: Value], invalidSchema: inout Bool) -> String {
        var out = ""
        if let schema = chart.schema {
            do {
                if let failure = try validate(values: values, schema: schema, chartName: chart.name) {
                    out += "\(chart.name):\n" + failure
                }
            } catch {
                invalidSchema = true
                out += "\(chart.name):\n" + ((error as? ChartError)?.message ?? "\(error)")
            }
        }
        for subchart in chart.dependencies {
            guard let raw = values[subchart.name] else { continue }
            switch raw {
            case .null:
                continue
            case .map(let map, _):
                out += report(chart: subchart, values: map, invalidSchema: &invalidSchema)
            default:
                out +=
                    "\(subchart.name):\ninvalid type for values: expected object (map), got \(raw.conversionTypeName)\n"
            }
        }
        return out
    }

    /// Validates `values` against one schema document; returns the failure lines (each
    /// `- at '/path': message`, nested causes indented) ending with a newline, or `nil`.
    static func validate(values: [String: Value], schema: [UInt8], chartName: String) throws -> String? {
        let document: JSONValue
        do {
            document = try JSONReader.parseDocument(schema.withoutUTF8BOM)
        } catch let error as JSONReader.Failure {
            throw ChartError(code: .invalidSchema, message: error.message, path: chartName + "/values.schema.json")
        }
        let validator = SchemaValidator(root: document)
        guard let failure = try validator.validate(.map(values)) else { return nil }
        var lines: [String] = []
        // The top-level wrapper is trimmed by Helm; its causes print at the first level.
        let causes = failure.kind == .group ? failure.causes : [failure]
        for cause in causes { cause.render(into: &lines, indent: 1) }
        return lines.joined(separator: "\n") + "\n"
    }
}
