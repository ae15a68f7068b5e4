import Foundation

/// CREATE (POST) and the checks every write shares.
extension ObjectStore {
    /// Characters kube's name generator appends to `generateName` (`k8s.io/apiserver/pkg/storage/names`).
    private static let generatedNameAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// Checks `body` is an object whose kind/apiVersion (when given) match `resource`, filling them in when absent.
    static func checkTypeMeta(_ body: JSONValue, _ resource: ResourceType) throws(APIError) -> JSONValue {
        guard case .object = body else {
            throw APIError.badRequest(
                "the object provided is unrecognized (must be of type \(resource.kind)): "
                    + "json: cannot unmarshal \(body.typeName) into Go value of type \(resource.kind)")
        }
        var object = body
        if let apiVersion = body["apiVersion"]?.stringValue, !apiVersion.isEmpty {
            guard apiVersion == resource.apiVersion else {
                throw APIError.badRequest(
                    "the API version in the data (\(apiVersion)) does not match the expected API version "
                        + "(\(resource.apiVersion))")
            }
        } else {
            object["apiVersion"] = .string(resource.apiVersion)
        }
        if let kind = body["kind"]?.stringValue, !kind.isEmpty {
            guard kind == resource.kind else {
                throw APIError.badRequest(
                    "the kind in the data (\(kind)) does not match the expected kind (\(resource.kind))")
            }
        } else {
            object["kind"] = .string(resource.kind)
        }
        if object["metadata"] == nil { object["metadata"] = .object([:]) }
        guard object["metadata"]?.objectValue != nil else {
            throw APIError.badRequest("metadata must be an object")
        }
        return object
    }

    /// Applies the namespace from the path: 400 when the body names another one, cleared for cluster scope.
    static func checkNamespace(_ object: inout JSONValue, _ resource: ResourceType, namespace: String?) throws(APIError)
    {
        let bodyNamespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
        guard resource.namespaced else {
            object[path: ["metadata", "namespace"]] = nil
            return
        }
        let pathNamespace = namespace ?? ""
        if !bodyNamespace.isEmpty && bodyNamespace != pathNamespace {
            throw APIError.badRequest(
                "the namespace of the provided object does not match the namespace sent on the request")
        }
        object[path: ["metadata", "namespace"]] = .string(pathNamespace)
    }

    /// Requires the namespace to exist and not be terminating (kube's NamespaceLifecycle admission).
    func checkNamespaceAdmits(_ namespace: String, _ resource: ResourceType, name: String) throws(APIError) {
        try requireNamespace(namespace)
        let key = StorageKey(group: "", plural: "namespaces")
        if objects[key]?[ObjectKey(namespace: "", name: namespace)]?[path: ["metadata", "deletionTimestamp"]] != nil {
            throw APIError(
                code: 403, reason: "Forbidden",
                message: "\(resource.groupResource) \"\(name)\" is forbidden: unable to create new content in "
                    + "namespace \(namespace) because it is being terminated",
                details: .object(["name": .string(name), "kind": .string(resource.plural)]))
        }
    }

    /// POST: creates an object.
    ///
    /// - Throws: 400 (bad body, namespace mismatch, resourceVersion set), 404 (namespace), 409 (exists),
    ///   422 (name missing or invalid).
    mutating func create(
        _ resource: ResourceType, namespace: String?, body: JSONValue, manager: String,
        ownership: Ownership? = nil
    ) throws(APIError) -> JSONValue {
        var object = try Self.checkTypeMeta(body, resource)
        try Self.checkNamespace(&object, resource, namespace: namespace)
        if let version = object[path: ["metadata", "resourceVersion"]]?.stringValue, !version.isEmpty {
            throw APIError.badRequest("resourceVersion should not be set on objects to be created")
        }
        var name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        if name.isEmpty, let prefix = object[path: ["metadata", "generateName"]]?.stringValue, !prefix.isEmpty {
            var generator = SystemRandomNumberGenerator()
            let suffix = String((0..<5).map { _ in Self.generatedNameAlphabet.randomElement(using: &generator) ?? "x" })
            name = String(prefix.prefix(58)) + suffix
            object[path: ["metadata", "name"]] = .string(name)
        }
        guard !name.isEmpty else {
            throw APIError.invalid(
                kind: resource.kind, group: resource.group, name: "",
                causes: [
                    APIError.Cause(
                        reason: "FieldValueRequired", message: "Required value: name or generateName is required",
                        field: "metadata.name")
                ])
        }
        let problems = NameValidation.problems(name, rule: NameValidation.rule(for: resource))
        if !problems.isEmpty { throw NameValidation.invalidName(name, resource: resource, problems: problems) }
        let objectNamespace = resource.namespaced ? namespace ?? "" : ""
        if resource.namespaced { try checkNamespaceAdmits(objectNamespace, resource, name: name) }
        let key = ObjectKey(namespace: objectNamespace, name: name)
        if objects[resource.storageKey]?[key] != nil { throw APIError.alreadyExists(resource, name: name) }

        let now = timestamp()
        for field in ["uid", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"] {
            object[path: ["metadata", field]] = nil
        }
        if ownership != .applied { object[path: ["metadata", "managedFields"]] = nil }
        object[path: ["metadata", "uid"]] = .string(UUID().uuidString.lowercased())
        object[path: ["metadata", "creationTimestamp"]] = .string(now)
        object[path: ["metadata", "generation"]] = resource.hasGeneration ? .int(1) : nil
        if resource.hasStatus {
            // PrepareForCreate resets status: custom resources drop it, built-ins start empty.
            object["status"] = resource.isCustom ? nil : .object([:])
        }
        try applyCreateDefaults(&object, resource, name: name, now: now)
        if ownership != .applied {
            ServerSideApply.recordUpdate(from: nil, to: &object, manager: manager, resource: resource, now: now)
        }
        return insert(object, resource, key: key)
    }

    /// Stores a new object under a fresh resourceVersion and records ADDED.
    mutating func insert(_ object: JSONValue, _ resource: ResourceType, key: ObjectKey) -> JSONValue {
        var object = object
        let version = nextResourceVersion()
        object[path: ["metadata", "resourceVersion"]] = .string(String(version))
        objects[resource.storageKey, default: [:]][key] = object
        record("ADDED", resource, object: object, resourceVersion: version)
        return served(object, as: resource)
    }

    /// Type-specific defaults and status a real cluster fills in at creation.
    private mutating func applyCreateDefaults(
        _ object: inout JSONValue, _ resource: ResourceType, name: String, now: String
    )
        throws(APIError)
    {
        switch (resource.group, resource.plural) {
        case ("", "namespaces"):
            object[path: ["metadata", "labels", "kubernetes.io/metadata.name"]] = .string(name)
            object[path: ["spec", "finalizers"]] = .array(["kubernetes"])
            object["status"] = .object(["phase": "Active"])
        case ("", "secrets"):
            if object["type"] == nil { object["type"] = "Opaque" }
        case ("apiextensions.k8s.io", "customresourcedefinitions"):
            try establish(&object, name: name, now: now)
        default:
            break
        }
    }
}
