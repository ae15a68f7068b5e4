extension KubeClient {
    /// The API groups the server serves, the core group (`/api`) first with an empty name.
    ///
    /// - Parameter timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Throws: ``KubeAPIError``.
    public func serverGroups(timeout: Duration? = nil) async throws -> [APIGroup] {
        let core = try await getJSON(APICall(method: "GET", path: "/api", action: "discover core API"), timeout)
        var groups: [APIGroup] = []
        let coreVersions = core["versions"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if !coreVersions.isEmpty {
            groups.append(APIGroup(name: "", versions: coreVersions, preferredVersion: coreVersions.first ?? "v1"))
        }
        let list = try await getJSON(APICall(method: "GET", path: "/apis", action: "discover API groups"), timeout)
        for group in list["groups"]?.arrayValue ?? [] {
            guard let name = group["name"]?.stringValue else { continue }
            let versions = group["versions"]?.arrayValue?.compactMap { $0["version"]?.stringValue } ?? []
            let preferred = group["preferredVersion", "version"]?.stringValue ?? versions.first ?? ""
            groups.append(APIGroup(name: name, versions: versions, preferredVersion: preferred))
        }
        return groups
    }

    /// The resources one group version serves; also refreshes the ``restMapper`` for it.
    ///
    /// - Parameters:
    ///   - group: the group, empty for core.
    ///   - version: the version.
    ///   - timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Throws: ``KubeAPIError`` (``KubeAPIError/Code/notFound`` when the group version is not served).
    public func serverResources(group: String, version: String, timeout: Duration? = nil) async throws
        -> [APIResource]
    {
        let gv = GroupVersionKind(group: group, version: version, kind: "")
        let path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        let list = try await getJSON(
            APICall(method: "GET", path: path, action: "discover resources of \(gv.apiVersion)"), timeout)
        let resources = (list["resources"]?.arrayValue ?? []).map(APIResource.init)
        restMapper.store(group: group, version: version, resources: resources)
        return resources
    }

    /// Maps a kind to its resource, from the cache or by discovering its group version.
    ///
    /// A kind the cache lacks triggers one discovery of its group version, so a CRD created since the last lookup
    /// is found.
    ///
    /// - Throws: ``KubeAPIError/Code/noKindMatch`` when the server does not serve the kind.
    public func resourceMapping(for gvk: GroupVersionKind, timeout: Duration? = nil) async throws -> ResourceMapping {
        if let cached = restMapper.cachedMapping(for: gvk) { return cached }
        do {
            _ = try await serverResources(group: gvk.group, version: gvk.version, timeout: timeout)
        } catch let error as KubeAPIError where error.code == .notFound {
            throw KubeAPIError.noKindMatch(gvk)
        }
        guard let mapping = restMapper.cachedMapping(for: gvk) else { throw KubeAPIError.noKindMatch(gvk) }
        return mapping
    }

    /// GETs a path and parses the JSON body.
    func getJSON(_ call: APICall, _ timeout: Duration?) async throws -> JSONValue {
        let response = try await perform(call, timeout: timeout)
        return try JSONParser.parse(response.body, context: call.action)
    }
}
