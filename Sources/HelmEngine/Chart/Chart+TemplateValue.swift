public import GoTemplate

extension Chart {
    /// The `.Chart` object templates see: Helm 4 converts `chart.Metadata` into a
    /// `map[string]interface {}` keyed by Go field names (`Name`, `Version`, `AppVersion`,
    /// `Dependencies`, …) and adds `IsRoot`.
    ///
    /// - Parameter isRoot: whether this chart is the release's top-level chart.
    public func templateValue(isRoot: Bool) -> Value {
        metadata.templateValue(isRoot: isRoot)
    }
}

extension ChartMetadata {
    /// The metadata as Helm 4's `MetadataAsMap` builds it, plus `IsRoot`.
    public func templateValue(isRoot: Bool) -> Value {
        let maintainers: [Value] = maintainers.map { maintainer in
            .map(["Name": .string(maintainer.name), "Email": .string(maintainer.email), "URL": .string(maintainer.url)])
        }
        let dependencies: [Value] = dependencies.map { dependency in
            .map([
                "Name": .string(dependency.name),
                "Version": .string(dependency.version),
                "Repository": .string(dependency.repository),
                "Condition": .string(dependency.condition),
                "Tags": .list(dependency.tags.map(Value.string)),
                "Enabled": .bool(dependency.enabled),
                "ImportValues": .list(dependency.importValues.map(\.templateValue)),
                "Alias": .string(dependency.alias),
            ])
        }
        return .map([
            "Name": .string(name),
            "Home": .string(home),
            "Sources": .list(sources.map(Value.string)),
            "Version": .string(version),
            "Description": .string(description),
            "Keywords": .list(keywords.map(Value.string)),
            "Maintainers": .list(maintainers),
            "Icon": .string(icon),
            "APIVersion": .string(apiVersion),
            "Condition": .string(condition),
            "Tags": .string(tags),
            "AppVersion": .string(appVersion),
            "Deprecated": .bool(deprecated),
            "Annotations": .map(annotations.mapValues(Value.string), .string),
            "KubeVersion": .string(kubeVersion),
            "Dependencies": .list(dependencies),
            "Type": .string(type),
            "IsRoot": .bool(isRoot),
        ])
    }
}

extension ChartDependency.ImportValue {
    /// The entry as templates see it: a string, or a `map[string]string` with child and parent.
    var templateValue: Value {
        switch self {
        case .exported(let name): .string(name)
        case .mapping(let child, let parent): .map(["child": .string(child), "parent": .string(parent)], .string)
        case .ignored: .null
        }
    }
}
