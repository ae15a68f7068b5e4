import GoTemplate
import HelmEngine
import KubeAPI

/// A chart rendered for one revision, with the resources it describes.
struct RenderedRevision: Sendable {
    /// The chart after dependency processing, as it is stored.
    var chart: HelmEngine.Chart
    /// The rendered release: manifests in install order, hooks, notes, CRDs.
    var rendered: RenderedRelease
    /// The manifests' objects, resolved through discovery, in install order.
    var resources: [ReleaseResource]
}

extension ActionConfiguration {
    /// Prepares values and renders `chart` for a revision as `helm install`/`upgrade` do; nothing is written.
    /// - Throws: ``ReleaseError/Code/renderFailed`` naming the chart and the failure (schema, template, YAML).
    func render(
        chart: HelmEngine.Chart, values: [String: Value], name: String, namespace: String, revision: Int,
        isUpgrade: Bool, skipSchemaValidation: Bool
    ) async throws -> (prepared: ReleaseValues.Prepared, rendered: RenderedRelease) {
        let prepared = try prepare(chart: chart, values: values, name: name, skipSchemaValidation: skipSchemaValidation)
        return (
            prepared,
            try await render(prepared, name: name, namespace: namespace, revision: revision, isUpgrade: isUpgrade)
        )
    }

    /// Processes dependencies, coalesces and validates values (`ReleaseValues.prepare`).
    /// - Throws: ``ReleaseError/Code/renderFailed``.
    func prepare(
        chart: HelmEngine.Chart, values: [String: Value], name: String, skipSchemaValidation: Bool
    ) throws -> ReleaseValues.Prepared {
        do {
            return try ReleaseValues.prepare(chart: chart, values: values, skipSchemaValidation: skipSchemaValidation)
        } catch {
            throw ReleaseError.renderFailed(release: name, chart: chart.name, cause: error)
        }
    }

    /// Renders prepared values for a revision, with `lookup` reading the live cluster as Helm's install and
    /// upgrade do (unless the configured renderer already has a reader).
    /// - Throws: ``ReleaseError/Code/renderFailed``.
    func render(
        _ prepared: ReleaseValues.Prepared, name: String, namespace: String, revision: Int, isUpgrade: Bool
    ) async throws -> RenderedRelease {
        let options = ReleaseOptions(
            name: name, namespace: namespace, revision: revision, isInstall: !isUpgrade, isUpgrade: isUpgrade)
        var renderer = self.renderer
        if renderer.clusterReader == nil { renderer.clusterReader = KubeClusterReader(client: client) }
        do {
            return try await renderOffPool { [renderer] in try renderer.render(prepared, release: options) }
        } catch {
            throw ReleaseError.renderFailed(release: name, chart: prepared.chart.name, cause: error)
        }
    }

    /// The objects of a manifest text (a stored release's), resolved through discovery.
    func resources(
        of manifest: String, release: String, namespace: String, what: String
    ) async throws -> [ReleaseResource] {
        do {
            return try await ResourceBuilder(client: client, namespace: namespace).build(manifest: manifest)
        } catch {
            throw ReleaseError.operationFailed(
                "unable to build kubernetes objects from \(what): \(ReleaseError.text(of: error))", release: release,
                cause: error)
        }
    }

    /// The objects of rendered manifests, resolved through discovery.
    func resources(of rendered: RenderedRelease, release: String, namespace: String) async throws -> [ReleaseResource] {
        do {
            return try await ResourceBuilder(client: client, namespace: namespace).build(manifests: rendered.manifests)
        } catch {
            throw ReleaseError.operationFailed(
                "unable to build kubernetes objects from release manifest: \(ReleaseError.text(of: error))",
                release: release, cause: error)
        }
    }

    /// Creates the chart's CRDs (`crds/` of the chart and its subcharts) unless they exist, and waits until
    /// they are established, as Helm does before rendering.
    func installCRDs(
        _ files: [(path: String, file: HelmEngine.ChartFile)], release: String, namespace: String, timeout: Duration
    ) async throws {
        guard !files.isEmpty else { return }
        var crds: [ReleaseResource] = []
        let builder = ResourceBuilder(client: client, namespace: namespace)
        for crd in files {
            do {
                crds += try await builder.build(manifest: "---\n# Source: \(crd.path)\n\(crd.file.text)\n")
            } catch {
                throw ReleaseError.operationFailed(
                    "failed to install CRD \(crd.path): \(ReleaseError.text(of: error))", release: release, cause: error
                )
            }
        }
        do {
            try await applier(for: release, namespace: namespace).installCRDs(crds, timeout: timeout)
        } catch {
            throw ReleaseError.operationFailed(
                "failed to install CRDs: \(ReleaseError.text(of: error))", release: release, cause: error)
        }
    }

    /// Creates the namespace (labelled `name`, as Helm's `--create-namespace`) unless it exists.
    func createNamespace(_ namespace: String) async throws {
        var object = KubeObject(
            GroupVersionKind(group: "", version: "v1", kind: "Namespace"), key: ObjectKey(name: namespace))
        object.labels = ["name": namespace]
        do {
            _ = try await client.create(object, fieldManager: fieldManager)
        } catch let error as KubeAPIError where error.code == .alreadyExists {
            return
        } catch {
            throw ReleaseError.kubernetes("cannot create namespace \(namespace)", cause: error)
        }
    }

    /// A new revision's record, before it is stored.
    func newRelease(
        name: String, namespace: String, version: Int, prepared: ReleaseValues.Prepared, rendered: RenderedRelease,
        config: [String: Value], labels: [String: String], status: ReleaseStatus, description: String,
        firstDeployed: GoTime? = nil
    ) throws -> Release {
        let now = clock.now()
        let stored = try LosslessJSON.values(config)
        return Release(
            name: name,
            info: ReleaseInfo(
                firstDeployed: firstDeployed ?? now, lastDeployed: now, status: status, description: description,
                notes: rendered.notes),
            chart: try ReleaseChart(prepared.chart),
            config: stored.isEmpty ? nil : stored,
            manifest: rendered.manifestText(),
            hooks: rendered.hooks,
            version: version,
            namespace: namespace,
            labels: labels,
            applyMethod: "ssa")
    }
}

extension Release {
    /// Sets the status and description (Helm's `SetStatus`).
    mutating func setStatus(_ status: ReleaseStatus, _ description: String) {
        var info = self.info ?? ReleaseInfo()
        info.status = status
        info.description = description
        self.info = info
    }
}
