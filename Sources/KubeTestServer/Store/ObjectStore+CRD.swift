/// CustomResourceDefinitions: serving, establishing and removing custom resources.
extension ObjectStore {
    /// The resources a CRD serves (one per served version).
    static func resources(of crd: JSONValue) -> [ResourceType] {
        guard let group = crd[path: ["spec", "group"]]?.stringValue,
            let plural = crd[path: ["spec", "names", "plural"]]?.stringValue,
            let kind = crd[path: ["spec", "names", "kind"]]?.stringValue
        else { return [] }
        let singular = crd[path: ["spec", "names", "singular"]]?.stringValue ?? kind.lowercased()
        let namespaced = (crd[path: ["spec", "scope"]]?.stringValue ?? "Namespaced") == "Namespaced"
        let shortNames = (crd[path: ["spec", "names", "shortNames"]]?.arrayValue ?? []).compactMap(\.stringValue)
        return (crd[path: ["spec", "versions"]]?.arrayValue ?? []).compactMap { version in
            guard let name = version["name"]?.stringValue, version["served"]?.boolValue ?? false else { return nil }
            return ResourceType(
                group: group, version: name, plural: plural, singular: singular.isEmpty ? kind.lowercased() : singular,
                kind: kind, namespaced: namespaced, hasStatus: version[path: ["subresources", "status"]] != nil,
                hasGeneration: true, shortNames: shortNames, isCustom: true)
        }
    }

    /// Validates a CRD, sets NamesAccepted/Established conditions and starts serving its versions.
    mutating func establish(_ crd: inout JSONValue, name: String, now: String) throws(APIError) {
        var causes: [APIError.Cause] = []
        func require(_ path: [String]) -> String? {
            guard let value = crd[path: path]?.stringValue, !value.isEmpty else {
                causes.append(
                    APIError.Cause(
                        reason: "FieldValueRequired", message: "Required value", field: path.joined(separator: ".")))
                return nil
            }
            return value
        }
        let group = require(["spec", "group"])
        let plural = require(["spec", "names", "plural"])
        _ = require(["spec", "names", "kind"])
        let scope = crd[path: ["spec", "scope"]]?.stringValue ?? ""
        if scope != "Namespaced" && scope != "Cluster" {
            causes.append(
                APIError.Cause(
                    reason: "FieldValueNotSupported",
                    message: "Unsupported value: \"\(scope)\": supported values: \"Cluster\", \"Namespaced\"",
                    field: "spec.scope"))
        }
        let versions = crd[path: ["spec", "versions"]]?.arrayValue ?? []
        if versions.isEmpty {
            causes.append(
                APIError.Cause(reason: "FieldValueRequired", message: "Required value", field: "spec.versions"))
        } else if versions.filter({ $0["storage"]?.boolValue ?? false }).count != 1 {
            causes.append(
                APIError.Cause(
                    reason: "FieldValueInvalid",
                    message: "Invalid value: []string{}: must have exactly one version marked as storage version",
                    field: "spec.versions"))
        }
        if let group, let plural, name != "\(plural).\(group)" {
            causes.append(
                APIError.Cause(
                    reason: "FieldValueInvalid",
                    message: "Invalid value: \"\(name)\": must be spec.names.plural+\".\"+spec.group",
                    field: "metadata.name"))
        }
        if !causes.isEmpty {
            throw APIError.invalid(
                kind: "CustomResourceDefinition", group: "apiextensions.k8s.io", name: name, causes: causes)
        }
        var acceptedNames = crd[path: ["spec", "names"]] ?? .object([:])
        let kind = acceptedNames["kind"]?.stringValue ?? ""
        if acceptedNames["singular"] == nil { acceptedNames["singular"] = .string(kind.lowercased()) }
        if acceptedNames["listKind"] == nil { acceptedNames["listKind"] = .string(kind + "List") }
        let storage = versions.first { $0["storage"]?.boolValue ?? false }?["name"] ?? .null
        crd["status"] = .object([
            "acceptedNames": acceptedNames,
            "storedVersions": .array([storage]),
            "conditions": .array([
                .object([
                    "type": "NamesAccepted", "status": "True", "reason": "NoConflicts",
                    "message": "no conflicts found", "lastTransitionTime": .string(now),
                ]),
                Self.establishedCondition(!holdsCRDEstablishment, now: now),
            ]),
        ])
        if !holdsCRDEstablishment { serve(crd) }
    }

    /// The `Established` condition: True once serving, False (`Installing`) while held.
    private static func establishedCondition(_ established: Bool, now: String) -> JSONValue {
        established
            ? .object([
                "type": "Established", "status": "True", "reason": "InitialNamesAccepted",
                "message": "the initial names have been accepted", "lastTransitionTime": .string(now),
            ])
            : .object([
                "type": "Established", "status": "False", "reason": "Installing",
                "message": "the initial names have been accepted", "lastTransitionTime": .string(now),
            ])
    }

    /// Establishes every CRD created while establishment was held: sets `Established` True (a MODIFIED event)
    /// and starts serving it.
    mutating func establishHeldCRDs() {
        let key = StorageKey(group: "apiextensions.k8s.io", plural: "customresourcedefinitions")
        guard let resource = resources.first(where: { $0.storageKey == key }) else { return }
        let now = timestamp()
        for objectKey in (objects[key] ?? [:]).keys.sorted() {
            guard var crd = objects[key]?[objectKey] else { continue }
            var conditions = crd[path: ["status", "conditions"]]?.arrayValue ?? []
            guard let index = conditions.firstIndex(where: { $0["type"]?.stringValue == "Established" }),
                conditions[index]["status"]?.stringValue != "True"
            else { continue }
            let previous = crd
            conditions[index] = Self.establishedCondition(true, now: now)
            crd[path: ["status", "conditions"]] = .array(conditions)
            let version = nextResourceVersion()
            crd[path: ["metadata", "resourceVersion"]] = .string(String(version))
            objects[key]?[objectKey] = crd
            record("MODIFIED", resource, object: crd, resourceVersion: version, previous: previous)
            serve(crd)
        }
    }

    /// (Re)registers the versions a CRD serves; versions no longer served stop being served.
    mutating func serve(_ crd: JSONValue) {
        let resources = Self.resources(of: crd)
        if let first = resources.first { unregister(first.storageKey) }
        for resource in resources { register(resource) }
    }

    /// Called when a CRD is gone: deletes every custom object (DELETED events) and stops serving it.
    mutating func retire(_ crd: JSONValue) {
        guard let group = crd[path: ["spec", "group"]]?.stringValue,
            let plural = crd[path: ["spec", "names", "plural"]]?.stringValue
        else { return }
        let storageKey = StorageKey(group: group, plural: plural)
        if let resource = resources.first(where: { $0.storageKey == storageKey && $0.isCustom }) {
            for key in (objects[storageKey] ?? [:]).keys.sorted() {
                guard var object = objects[storageKey]?.removeValue(forKey: key) else { continue }
                let version = nextResourceVersion()
                object[path: ["metadata", "resourceVersion"]] = .string(String(version))
                record("DELETED", resource, object: object, resourceVersion: version)
            }
        }
        objects[storageKey] = nil
        unregister(storageKey)
    }
}
