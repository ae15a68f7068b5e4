import GoTemplate
import HelmEngine
import HelmRelease

/// The short forms of a release Helm's `list`, `history` and `get metadata` print.
extension Release {
    /// `NAME-VERSION` of the chart, or `MISSING` when the record has no chart (Helm's `formatChartName`).
    var chartDisplayName: String {
        guard let metadata = chart?.metadata else { return "MISSING" }
        return "\(metadata.name)-\(metadata.version)"
    }

    /// The chart's appVersion, or `MISSING` (Helm's `formatAppVersion`).
    var appVersionDisplay: String {
        guard let metadata = chart?.metadata else { return "MISSING" }
        return metadata.appVersion
    }

    /// When this revision was deployed (Go's zero time when the record has no info).
    var lastDeployed: GoTime { info?.lastDeployed ?? .zero }

    /// The user-supplied values as Go sees them after decoding the record (`nil` map when there are none).
    var configValue: Value {
        guard let config, !config.isEmpty else { return .null }
        return LosslessJSON.object(config).goValue
    }
}
