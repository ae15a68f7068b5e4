import GoTemplate
import HelmEngine
import HelmRelease

extension Release {
    /// The release as `get all --template` exposes it: `.Release` with Go's field names (`.Release.Name`,
    /// `.Release.Info.Status`, `.Release.Chart.Metadata.Version`, ...). Times are Go's `Time.String()` text.
    /// (Helm hands the template its Go struct; here it is a map, so a misspelt field prints `<no value>` where
    /// Helm reports an error.)
    var templateValue: Value {
        let info = self.info ?? ReleaseInfo()
        let metadata = chart?.metadata
        func time(_ time: GoTime) -> Value { .string(GoTimeLayout.string.format(time)) }
        var chartValue: Value = .null
        if let chart {
            var metadataValue: Value = .null
            if let metadata {
                metadataValue = .map([
                    "Name": .string(metadata.name), "Version": .string(metadata.version),
                    "AppVersion": .string(metadata.appVersion), "Description": .string(metadata.description),
                    "APIVersion": .string(metadata.apiVersion), "Type": .string(metadata.type),
                    "Home": .string(metadata.home), "Icon": .string(metadata.icon),
                    "KubeVersion": .string(metadata.kubeVersion), "Deprecated": .bool(metadata.deprecated),
                    "Keywords": .list(metadata.keywords.map { .string($0) }, .string),
                    "Sources": .list(metadata.sources.map { .string($0) }, .string),
                    "Annotations": .map(metadata.annotations.mapValues { .string($0) }, .string),
                ])
            }
            chartValue = .map([
                "Metadata": metadataValue,
                "Values": chart.values.map { LosslessJSON.object($0).goValue } ?? .null,
            ])
        }
        return .map([
            "Name": .string(name), "Namespace": .string(namespace), "Version": .int(version),
            "Manifest": .string(manifest), "Config": configValue, "ApplyMethod": .string(applyMethod),
            "Labels": .map(labels.mapValues { .string($0) }, .string),
            "Info": .map([
                "FirstDeployed": time(info.firstDeployed), "LastDeployed": time(info.lastDeployed),
                "Deleted": time(info.deleted), "Description": .string(info.description),
                "Status": .string(info.status.rawValue), "Notes": .string(info.notes),
            ]),
            "Chart": chartValue,
            "Hooks": .list(
                hooks.map { hook in
                    .map([
                        "Name": .string(hook.name), "Kind": .string(hook.kind), "Path": .string(hook.path),
                        "Manifest": .string(hook.manifest), "Weight": .int(hook.weight),
                        "Events": .list(hook.events.map { .string($0.rawValue) }, .string),
                    ])
                }),
        ])
    }
}
