public import GoTemplate

extension ChartMetadata {
    /// The metadata as Helm's JSON encoding of `chart.Metadata` gives it (JSON tags, empty fields omitted):
    /// what `helm show chart` prints through `toYaml` and what release records store.
    public var jsonValue: Value {
        var fields: [String: Value] = [:]
        func put(_ key: String, _ text: String) { if !text.isEmpty { fields[key] = .string(text) } }
        func put(_ key: String, _ list: [String]) { if !list.isEmpty { fields[key] = .list(list.map(Value.string)) } }
        put("name", name)
        put("home", home)
        put("sources", sources)
        put("version", version)
        put("description", description)
        put("keywords", keywords)
        if !maintainers.isEmpty {
            fields["maintainers"] = .list(
                maintainers.map { maintainer in
                    var entry: [String: Value] = [:]
                    if !maintainer.name.isEmpty { entry["name"] = .string(maintainer.name) }
                    if !maintainer.email.isEmpty { entry["email"] = .string(maintainer.email) }
                    if !maintainer.url.isEmpty { entry["url"] = .string(maintainer.url) }
                    return .map(entry)
                })
        }
        put("icon", icon)
        put("apiVersion", apiVersion)
        put("condition", condition)
        put("tags", tags)
        put("appVersion", appVersion)
        if deprecated { fields["deprecated"] = .bool(true) }
        if !annotations.isEmpty { fields["annotations"] = .map(annotations.mapValues(Value.string), .string) }
        put("kubeVersion", kubeVersion)
        if !dependencies.isEmpty { fields["dependencies"] = .list(dependencies.map(\.jsonValue)) }
        put("type", type)
        return .map(fields)
    }
}

extension ChartDependency {
    /// The dependency as Helm's JSON encoding gives it: `name` and `repository` always, the rest when set.
    public var jsonValue: Value {
        var fields: [String: Value] = ["name": .string(name), "repository": .string(repository)]
        if !version.isEmpty { fields["version"] = .string(version) }
        if !condition.isEmpty { fields["condition"] = .string(condition) }
        if !tags.isEmpty { fields["tags"] = .list(tags.map(Value.string)) }
        if enabled { fields["enabled"] = .bool(true) }
        if !importValues.isEmpty { fields["import-values"] = .list(importValues.map(\.jsonValue)) }
        if !alias.isEmpty { fields["alias"] = .string(alias) }
        return .map(fields)
    }
}

extension ChartDependency.ImportValue {
    /// The entry as JSON: a string, or a map with `child` and `parent`.
    var jsonValue: Value {
        switch self {
        case .exported(let name): .string(name)
        case .mapping(let child, let parent): .map(["child": .string(child), "parent": .string(parent)])
        case .ignored: .null
        }
    }
}
