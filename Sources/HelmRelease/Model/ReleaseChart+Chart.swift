public import HelmEngine

extension ReleaseChart {
    /// The chart as Helm stores it in a release: metadata, lock, templates, default values, schema and files
    /// of the top-level chart (subcharts are not stored, as Helm's JSON leaves them out).
    ///
    /// Pass the chart after dependency processing (``HelmEngine/ReleaseValues/Prepared/chart``), as Helm stores
    /// it. Modification times are not known to the loaded chart and stay zero (omitted).
    /// - Throws: ``ReleaseError/Code/invalidRelease`` when the default values cannot be written as JSON.
    public init(_ chart: HelmEngine.Chart) throws {
        self.init(
            metadata: ChartMetadata(chart.metadata),
            lock: chart.lock.map(ChartLock.init),
            templates: chart.templates.map { ChartFile(name: $0.name, data: $0.data) },
            values: try LosslessJSON.values(chart.values),
            schema: chart.schema,
            files: chart.files.map { ChartFile(name: $0.name, data: $0.data) }
        )
    }

    /// The stored chart as a `HelmEngine.Chart` (without subcharts, which records do not hold), for coalescing
    /// its values again (`--reuse-values`) or rendering its templates.
    /// - Throws: ``ReleaseError/Code/corruptedRecord`` when the stored values cannot be read.
    public func engineChart() throws -> HelmEngine.Chart {
        HelmEngine.Chart(
            metadata: metadata.map { $0.engineMetadata } ?? HelmEngine.ChartMetadata(),
            lock: lock.map { $0.engineLock },
            values: try LosslessJSON.templateValues(values),
            schema: schema,
            templates: (templates ?? []).map { HelmEngine.ChartFile(name: $0.name, data: $0.data) },
            files: (files ?? []).map { HelmEngine.ChartFile(name: $0.name, data: $0.data) }
        )
    }
}

extension ChartMetadata {
    /// The record form of `Chart.yaml`.
    public init(_ metadata: HelmEngine.ChartMetadata) {
        self.init(name: metadata.name, version: metadata.version, apiVersion: metadata.apiVersion)
        home = metadata.home
        sources = metadata.sources
        description = metadata.description
        keywords = metadata.keywords
        maintainers = metadata.maintainers.map { ChartMaintainer(name: $0.name, email: $0.email, url: $0.url) }
        icon = metadata.icon
        condition = metadata.condition
        tags = metadata.tags
        appVersion = metadata.appVersion
        deprecated = metadata.deprecated
        annotations = metadata.annotations
        kubeVersion = metadata.kubeVersion
        dependencies = metadata.dependencies.map(ChartDependency.init)
        type = metadata.type
    }

    /// The engine form of the stored metadata.
    public var engineMetadata: HelmEngine.ChartMetadata {
        var metadata = HelmEngine.ChartMetadata()
        metadata.name = name
        metadata.home = home
        metadata.sources = sources
        metadata.version = version
        metadata.description = description
        metadata.keywords = keywords
        metadata.maintainers = maintainers.map {
            HelmEngine.ChartMaintainer(name: $0.name, email: $0.email, url: $0.url)
        }
        metadata.icon = icon
        metadata.apiVersion = apiVersion
        metadata.condition = condition
        metadata.tags = tags
        metadata.appVersion = appVersion
        metadata.deprecated = deprecated
        metadata.annotations = annotations
        metadata.hasAnnotations = !annotations.isEmpty
        metadata.kubeVersion = kubeVersion
        metadata.dependencies = dependencies.map { $0.engineDependency }
        metadata.type = type
        return metadata
    }
}

extension ChartDependency {
    /// The record form of a dependency; `import-values` entries Helm ignores are stored as `null`.
    public init(_ dependency: HelmEngine.ChartDependency) {
        self.init(name: dependency.name, version: dependency.version, repository: dependency.repository)
        condition = dependency.condition
        tags = dependency.tags
        enabled = dependency.enabled
        alias = dependency.alias
        importValues = dependency.importValues.map { entry in
            switch entry {
            case .exported(let name): .string(name)
            case .mapping(let child, let parent): .object(["child": .string(child), "parent": .string(parent)])
            case .ignored: .null
            }
        }
    }

    /// The engine form of the stored dependency.
    public var engineDependency: HelmEngine.ChartDependency {
        var dependency = HelmEngine.ChartDependency(name: name, version: version, repository: repository)
        dependency.condition = condition
        dependency.tags = tags
        dependency.enabled = enabled
        dependency.alias = alias
        dependency.importValues = importValues.map { entry in
            if let name = entry.stringValue { return .exported(name) }
            if let child = entry["child"]?.stringValue, let parent = entry["parent"]?.stringValue {
                return .mapping(child: child, parent: parent)
            }
            return .ignored
        }
        return dependency
    }
}

extension ChartLock {
    /// The record form of `Chart.lock`; a `generated` time that is not RFC 3339 is stored as zero.
    public init(_ lock: HelmEngine.ChartLock) {
        self.init(
            generated: GoTime(rfc3339: lock.generated) ?? .zero, digest: lock.digest,
            dependencies: lock.dependencies.map(ChartDependency.init))
    }

    /// The engine form of the stored lock.
    public var engineLock: HelmEngine.ChartLock {
        var lock = HelmEngine.ChartLock()
        lock.generated = generated.isZero ? "" : generated.rfc3339Nano
        lock.digest = digest
        lock.dependencies = (dependencies ?? []).map { $0.engineDependency }
        return lock
    }
}
