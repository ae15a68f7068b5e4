import KubeAPI

/// Every manifest under the sync paths at one revision, with the errors found reading them.
///
/// Objects are identified by ``ObjectID`` (group, kind, namespace, name); an object defined twice is an error
/// for each definition, and neither is applied. ``manifests`` is in a stable order: by file path, then document
/// number, then List item.
public struct ManifestSet: Sendable {
    /// The objects read, in file and document order, duplicates removed.
    public var manifests: [Manifest]
    /// Documents that did not parse or are not objects. When non-empty, a sync skips pruning.
    public var parseErrors: [AgentError]
    /// Objects defined more than once (one error per definition).
    public var duplicates: [AgentError]

    /// Creates a set.
    public init(manifests: [Manifest], parseErrors: [AgentError] = [], duplicates: [AgentError] = []) {
        self.manifests = manifests
        self.parseErrors = parseErrors
        self.duplicates = duplicates
    }

    /// Reads every manifest file (`.yaml`, `.yml`, `.json`) of `files`.
    ///
    /// - Parameters:
    /// - Parameter files: the files under the sync paths; other extensions are ignored. Their order does not matter.
    /// - Returns: the set; it never throws, so one bad file cannot stop the others.
    public static func read(_ files: [SourceFile]) -> ManifestSet {
        var manifests: [Manifest] = []
        var errors: [AgentError] = []
        for file in files.sorted(by: { $0.path < $1.path }) where file.isManifest {
            let parsed = ManifestParser.parse(file)
            manifests += parsed.manifests
            errors += parsed.errors
        }
        return ManifestSet(manifests: manifests, parseErrors: errors)
    }

    /// The CRDs of this set by the group and kind they define, with their scope (`true` when namespaced), so
    /// custom resources of a CRD that arrives in the same commit get their namespace before the CRD is served.
    public var definedKinds: [GroupKind: Bool] {
        var kinds: [GroupKind: Bool] = [:]
        for manifest in manifests where manifest.isCRD {
            guard let group = manifest.object["spec", "group"]?.stringValue,
                let kind = manifest.object["spec", "names", "kind"]?.stringValue
            else { continue }
            kinds[GroupKind(group: group, kind: kind)] = manifest.object["spec", "scope"]?.stringValue != "Cluster"
        }
        return kinds
    }

    /// Removes objects defined more than once (by their final ``ObjectID``s) and records an error for each copy.
    ///
    /// - Parameter ids: the ID of each manifest, same order as ``manifests``.
    /// - Returns: the IDs of the manifests kept, same order as the new ``manifests``.
    mutating func removeDuplicates(ids: [ObjectID]) -> [ObjectID] {
        var origins: [ObjectID: [ManifestOrigin]] = [:]
        for (manifest, id) in zip(manifests, ids) { origins[id, default: []].append(manifest.origin) }
        let duplicated = origins.filter { $0.value.count > 1 }
        guard !duplicated.isEmpty else { return ids }
        for (id, places) in duplicated.sorted(by: { $0.key < $1.key }) {
            for place in places {
                let others = places.filter { $0 != place }.map(\.description).joined(separator: ", ")
                duplicates.append(.duplicate(id, place, others: others))
            }
        }
        var keptManifests: [Manifest] = []
        var keptIDs: [ObjectID] = []
        for (manifest, id) in zip(manifests, ids) where duplicated[id] == nil {
            keptManifests.append(manifest)
            keptIDs.append(id)
        }
        manifests = keptManifests
        return keptIDs
    }
}
