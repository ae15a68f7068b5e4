public import HelmEngine
public import KubeAPI

/// Turns manifest text into resources: YAML documents become objects, the namespace defaults to the release
/// namespace for namespaced kinds (an explicit one in the object wins; cluster-scoped kinds get none), and kinds
/// are resolved through discovery.
///
/// A `kind: List` (or any `...List` kind with `items`) expands to its items, as Helm's resource builder flattens
/// lists. Empty documents (blank, comments only, `null`) are skipped. An unknown kind fails with Helm's
/// `resource mapping not found for name: ... ensure CRDs are installed first`, naming the `# Source:` file.
///
/// ```swift
/// let builder = ResourceBuilder(client: client, namespace: "apps")
/// let resources = try await builder.build(manifest: release.manifest)
/// ```
public struct ResourceBuilder: Sendable {
    /// The cluster whose discovery resolves kinds.
    public let client: KubeClient
    /// The release namespace, given to namespaced objects that name none.
    public let namespace: String
    /// At most this many objects per build (after list expansion); more is an error, not a hang.
    public var maxObjects: Int = 50_000

    /// Creates a builder for objects of a release in `namespace`.
    public init(client: KubeClient, namespace: String) {
        self.client = client
        self.namespace = namespace
    }

    /// Builds the objects of a release manifest (`---`-separated documents, each after a `# Source: PATH` line),
    /// in document order.
    ///
    /// - Throws: ``ReleaseError`` with code ``ReleaseError/Code/invalidManifest`` naming the source file for bad
    ///   YAML, a missing `apiVersion`/`kind`, or a kind the cluster does not serve;
    ///   ``ReleaseError/Code/resourceFailed`` when discovery itself fails.
    public func build(manifest: String) async throws -> [ReleaseResource] {
        try await build(documents: ManifestDocuments.split(manifest))
    }

    /// Builds the objects of rendered manifests (one document each), in the given order.
    ///
    /// - Throws: as ``build(manifest:)``.
    public func build(manifests: [HelmEngine.Manifest]) async throws -> [ReleaseResource] {
        try await build(
            documents: manifests.map { ManifestDocuments.Document(sourcePath: $0.sourcePath, text: $0.content) })
    }

    /// ``namespace``, or the client's configured namespace when that is empty (as Helm's kube client falls back to
    /// the kubeconfig's).
    var defaultNamespace: String {
        namespace.isEmpty ? (client.config.namespace.isEmpty ? "default" : client.config.namespace) : namespace
    }

    /// Decodes, expands and maps documents; mapping failures are gathered and reported together, as Helm's
    /// builder continues past them.
    func build(documents: [ManifestDocuments.Document]) async throws -> [ReleaseResource] {
        var objects: [(object: KubeObject, source: String)] = []
        for document in documents {
            for object in try ManifestDocuments.objects(in: document) {
                objects.append((object, document.sourcePath))
                if objects.count > maxObjects {
                    throw ReleaseError.tooManyObjects(limit: maxObjects, source: document.sourcePath)
                }
            }
        }
        var resources: [ReleaseResource] = []
        resources.reserveCapacity(objects.count)
        var unmapped: [ReleaseError] = []
        for (object, source) in objects {
            let mapping: ResourceMapping
            do {
                mapping = try await client.resourceMapping(for: object.groupVersionKind)
            } catch let error as KubeAPIError where error.code == .noKindMatch {
                unmapped.append(.noMapping(object, source: source, cause: error))
                continue
            } catch {
                throw ReleaseError.discoveryFailed(object, source: source, cause: error)
            }
            var placed = object
            if mapping.namespaced {
                if placed.namespace.isEmpty { placed.namespace = defaultNamespace }
            } else {
                // The API server ignores a namespace on a cluster-scoped object; drop it so keys compare cleanly.
                placed.namespace = ""
            }
            resources.append(ReleaseResource(object: placed, mapping: mapping, sourcePath: source))
        }
        if let error = ReleaseError.aggregate(unmapped) { throw error }
        return resources
    }
}
