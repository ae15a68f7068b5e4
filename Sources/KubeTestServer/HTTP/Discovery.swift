/// Discovery documents: `/version`, `/api`, `/apis`, `/api/v1`, `/apis/G`, `/apis/G/V`.
enum Discovery {
    /// `/version`.
    static let version: JSONValue = .object([
        "major": "1", "minor": "34", "gitVersion": "v1.34.0-kubetestserver", "gitCommit": "",
        "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.24.0", "compiler": "gc",
        "platform": "linux/amd64",
    ])

    /// `/api` (APIVersions).
    static func coreVersions(serverAddress: String) -> JSONValue {
        .object([
            "kind": "APIVersions", "versions": .array(["v1"]),
            "serverAddressByClientCIDRs": .array([
                .object(["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)])
            ]),
        ])
    }

    /// The served versions of `group`, most preferred first (kube's version priority: GA over beta over alpha,
    /// higher numbers first).
    static func versions(of group: String, in resources: [ResourceType]) -> [String] {
        Array(Set(resources.filter { $0.group == group }.map(\.version))).sorted(by: isPreferred)
    }

    /// `/apis` (APIGroupList), groups in order of first appearance.
    static func groupList(_ resources: [ResourceType]) -> JSONValue {
        var groups: [String] = []
        for resource in resources where !resource.group.isEmpty && !groups.contains(resource.group) {
            groups.append(resource.group)
        }
        return .object([
            "kind": "APIGroupList", "apiVersion": "v1",
            "groups": .array(groups.compactMap { group(named: $0, resources, withTypeMeta: false) }),
        ])
    }

    /// `/apis/G` (APIGroup), nil when the group is not served.
    static func group(named name: String, _ resources: [ResourceType], withTypeMeta: Bool = true) -> JSONValue? {
        let versions = versions(of: name, in: resources)
        guard let preferred = versions.first else { return nil }
        func entry(_ version: String) -> JSONValue {
            .object(["groupVersion": .string("\(name)/\(version)"), "version": .string(version)])
        }
        var members: [String: JSONValue] = [
            "name": .string(name), "versions": .array(versions.map(entry)), "preferredVersion": entry(preferred),
        ]
        if withTypeMeta {
            members["kind"] = "APIGroup"
            members["apiVersion"] = "v1"
        }
        return .object(members)
    }

    /// `/api/v1` or `/apis/G/V` (APIResourceList), nil when nothing is served there.
    static func resourceList(group: String, version: String, _ resources: [ResourceType]) -> JSONValue? {
        let served = resources.filter { $0.group == group && $0.version == version }
        guard !served.isEmpty else { return nil }
        var entries: [JSONValue] = []
        for resource in served.sorted(by: { $0.plural < $1.plural }) {
            var verbs = resource.verbs
            if resource.plural == "namespaces" && group.isEmpty { verbs.removeAll { $0 == "deletecollection" } }
            var entry: [String: JSONValue] = [
                "name": .string(resource.plural), "singularName": .string(resource.singular),
                "namespaced": .bool(resource.namespaced), "kind": .string(resource.kind),
                "verbs": .array(verbs.map(JSONValue.string)),
            ]
            if !resource.shortNames.isEmpty { entry["shortNames"] = .array(resource.shortNames.map(JSONValue.string)) }
            entries.append(.object(entry))
            if resource.hasStatus {
                entries.append(
                    .object([
                        "name": .string(resource.plural + "/status"), "singularName": "",
                        "namespaced": .bool(resource.namespaced), "kind": .string(resource.kind),
                        "verbs": .array(["get", "patch", "update"]),
                    ]))
            }
        }
        return .object([
            "kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"), "resources": .array(entries),
        ])
    }

    /// kube's version ordering (`k8s.io/apimachinery/pkg/version.CompareKubeAwareVersionStrings`).
    static func isPreferred(_ left: String, _ right: String) -> Bool {
        func parse(_ version: String) -> (stability: Int, major: Int, minor: Int)? {
            guard version.hasPrefix("v") else { return nil }
            let body = version.dropFirst()
            let digits = body.prefix { $0.isNumber }
            guard let major = Int(digits) else { return nil }
            let rest = body.dropFirst(digits.count)
            if rest.isEmpty { return (3, major, 0) }
            for (label, stability) in [("beta", 2), ("alpha", 1)] where rest.hasPrefix(label) {
                guard let minor = Int(rest.dropFirst(label.count)) else { return nil }
                return (stability, major, minor)
            }
            return nil
        }
        switch (parse(left), parse(right)) {
        case (let l?, let r?):
            if l.stability != r.stability { return l.stability > r.stability }
            if l.major != r.major { return l.major > r.major }
            return l.minor > r.minor
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return left < right
        }
    }
}
