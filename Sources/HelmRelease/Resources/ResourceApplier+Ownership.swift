import GoTemplate
import KubeAPI

/// Helm's release ownership metadata and the checks that keep a release from taking over objects it does not own
/// (Helm's `checkOwnership`, `existingResourceConflict`, `requireAdoption`).
extension ResourceApplier {
    /// `app.kubernetes.io/managed-by`.
    static let managedByLabel = "app.kubernetes.io/managed-by"
    /// The value Helm writes in ``managedByLabel``.
    static let managedByHelm = "Helm"
    /// `meta.helm.sh/release-name`.
    static let releaseNameAnnotation = "meta.helm.sh/release-name"
    /// `meta.helm.sh/release-namespace`.
    static let releaseNamespaceAnnotation = "meta.helm.sh/release-namespace"
    /// `helm.sh/resource-policy`.
    static let resourcePolicyAnnotation = "helm.sh/resource-policy"

    /// The object with this release's label and annotations, overwriting any the chart set (Helm writes them with
    /// `forceOwnership`, since the chart currently renders the object).
    func withOwnership(_ object: KubeObject) -> KubeObject {
        // Set key by key so other labels and annotations reach the server exactly as rendered (a non-string value
        // must fail there, as with Helm, not vanish here).
        var owned = object
        owned.json.setValue(.string(Self.managedByHelm), at: ["metadata", "labels", Self.managedByLabel])
        owned.json.setValue(.string(releaseName), at: ["metadata", "annotations", Self.releaseNameAnnotation])
        owned.json.setValue(
            .string(releaseNamespace), at: ["metadata", "annotations", Self.releaseNamespaceAnnotation])
        return owned
    }

    /// Why `live` cannot be adopted by this release, as Helm words it, or nil when it already belongs to it.
    func ownershipProblem(_ live: KubeObject) -> String? {
        var problems: [String] = []
        if let problem = Self.requireValue(live.labels, Self.managedByLabel, Self.managedByHelm) {
            problems.append("label validation error: \(problem)")
        }
        if let problem = Self.requireValue(live.annotations, Self.releaseNameAnnotation, releaseName) {
            problems.append("annotation validation error: \(problem)")
        }
        if let problem = Self.requireValue(live.annotations, Self.releaseNamespaceAnnotation, releaseNamespace) {
            problems.append("annotation validation error: \(problem)")
        }
        guard !problems.isEmpty else { return nil }
        return "invalid ownership metadata; " + problems.joined(separator: "; ")
    }

    private static func requireValue(_ map: [String: String], _ key: String, _ value: String) -> String? {
        guard let actual = map[key] else {
            return "missing key \(GoQuote.quote(key)): must be set to \(GoQuote.quote(value))"
        }
        if actual != value {
            return "key \(GoQuote.quote(key)) must equal \(GoQuote.quote(value)): "
                + "current value is \(GoQuote.quote(actual))"
        }
        return nil
    }

    /// Which of `resources` exist already, failing on the first one (in the given order) this release may not
    /// adopt, unless `takeOwnership`. Objects named by `generateName` are skipped: they never exist beforehand.
    /// Reads run concurrently per kind, like writes.
    ///
    /// - Parameter operation: `install` or `update`, for Helm's `unable to continue with ...` prefix.
    /// - Throws: ``ReleaseError`` ``ReleaseError/Code/resourceConflict`` or, when a read fails,
    ///   ``ReleaseError/Code/resourceFailed``.
    func existing(
        _ resources: [ReleaseResource], takeOwnership: Bool, operation: String
    ) async throws -> Set<ReleaseResource.Identity> {
        var named: [ReleaseResource] = []
        for resource in resources where try !Self.usesGenerateName(resource, operation: operation) {
            named.append(resource)
        }
        let results = await perform(named) { resource -> Result<Bool, ReleaseError> in
            let live: KubeObject
            do {
                live = try await client.get(resource.gvk, resource.key)
            } catch let error as KubeAPIError where error.code == .notFound {
                return .success(false)
            } catch {
                return .failure(ReleaseError.unreadable(resource, operation: operation, cause: error))
            }
            if !takeOwnership, let problem = ownershipProblem(live) {
                return .failure(ReleaseError.ownershipConflict(resource, operation: operation, problem: problem))
            }
            return .success(true)
        }
        var found: Set<ReleaseResource.Identity> = []
        for (resource, result) in zip(named, results) {
            if try result.get() { found.insert(resource.identity) }
        }
        return found
    }

    /// Whether the object is named by `generateName` (Helm skips existence checks for those).
    ///
    /// - Throws: ``ReleaseError/Code/invalidManifest`` when both `name` and `generateName` are set.
    static func usesGenerateName(_ resource: ReleaseResource, operation: String) throws -> Bool {
        let generateName = resource.object["metadata", "generateName"]?.stringValue ?? ""
        if generateName.isEmpty { return false }
        if resource.object.name.isEmpty { return true }
        throw ReleaseError(
            code: .invalidManifest,
            message: "unable to continue with \(operation): metadata.name and metadata.generateName cannot both be "
                + "set (\(resource.helmResourceString))",
            location: resource.sourcePath.isEmpty ? nil : resource.sourcePath)
    }
}

