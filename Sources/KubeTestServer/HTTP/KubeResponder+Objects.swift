import HTTPTypes
import Hummingbird
import Synchronization

/// CRUD handlers for objects and collections.
extension KubeResponder {
    /// Runs a store operation under the lock and hands its events to the watches. With `dryRun` the operation runs
    /// on a copy, so nothing is stored and nobody is notified (kube's `dryRun=All`).
    func mutate<T: Sendable>(dryRun: Bool, _ body: (inout ObjectStore) throws(APIError) -> T) throws(APIError) -> T {
        try server.state.withLock { (state: inout ServerState) throws(APIError) -> T in
            if dryRun {
                var copy = state.store
                return try body(&copy)
            }
            let result = try body(&state.store)
            state.hub.dispatch(state.store.drainEvents())
            return result
        }
    }

    /// Decodes a request body (JSON, or YAML when the content type says so).
    static func decodeBody(_ request: APIRequest, _ body: [UInt8]) throws(APIError) -> JSONValue {
        if request.contentType.contains("yaml") {
            do {
                return try JSONValue.parseYAML(String(decoding: body, as: UTF8.self))
            } catch {
                throw APIError.badRequest(error.message)
            }
        }
        if !request.contentType.isEmpty && !request.contentType.contains("json") {
            throw APIError(
                code: 415, reason: "UnsupportedMediaType",
                message: "the body of the request was in an unknown format - accepted media types include: "
                    + "application/json, application/yaml",
                details: nil)
        }
        do {
            return try JSONParser.parse(body)
        } catch {
            throw APIError.badRequest("the object provided is unrecognized: \(error)")
        }
    }

    private static func isDryRun(_ request: APIRequest, body: JSONValue? = nil) -> Bool {
        if request.query["dryRun"] == "All" { return true }
        return body?["dryRun"]?.arrayValue?.contains(.string("All")) ?? false
    }

    /// GET, PUT, PATCH and DELETE on `.../RES/NAME[/status]`.
    func handleObject(
        _ request: APIRequest, target: ResourceTarget, name: String, body: [UInt8]
    ) throws(APIError)
        -> Response
    {
        let resource = target.resource
        let namespace = target.namespace
        let manager = request.query["fieldManager"] ?? request.defaultManager
        switch request.method {
        case "GET":
            let object = try server.state.withLock { (state: inout ServerState) throws(APIError) -> JSONValue in
                try state.store.get(resource, namespace: namespace, name: name)
            }
            return Self.json(object)
        case "PUT":
            let document = try Self.decodeBody(request, body)
            let object = try mutate(dryRun: Self.isDryRun(request)) { (store: inout ObjectStore) throws(APIError) in
                try store.update(
                    resource, namespace: namespace, name: name, body: document, subresource: target.subresource,
                    manager: manager)
            }
            return Self.json(object)
        case "PATCH":
            guard let type = ObjectStore.PatchType(rawValue: request.contentType) else {
                throw APIError.unsupportedMediaType(request.contentType)
            }
            let force = request.flag("force")
            if request.query["force"] != nil && type != .apply {
                throw APIError.badRequest("force may not be specified for non-apply patch")
            }
            let options = ObjectStore.PatchOptions(
                fieldManager: request.query["fieldManager"], force: force, defaultManager: request.defaultManager)
            let result = try mutate(dryRun: Self.isDryRun(request)) { (store: inout ObjectStore) throws(APIError) in
                try store.patch(
                    resource, namespace: namespace, name: name, type: type, body: body, subresource: target.subresource,
                    options: options)
            }
            return Self.json(result.object, status: result.created ? .created : .ok)
        case "DELETE":
            guard target.subresource == .main else { throw APIError.methodNotAllowed(request.method) }
            var optionsBody: JSONValue?
            if !body.isEmpty { optionsBody = try Self.decodeBody(request, body) }
            let options = try Self.deleteOptions(request, optionsBody)
            let outcome = try mutate(dryRun: Self.isDryRun(request, body: optionsBody)) {
                (store: inout ObjectStore) throws(APIError) in
                try store.delete(resource, namespace: namespace, name: name, options: options)
            }
            switch outcome {
            case .pending(let object):
                return Self.json(object)
            case .deleted(let object):
                if resource.isCustom || (resource.group.isEmpty && ["pods", "namespaces"].contains(resource.plural)) {
                    return Self.json(object)
                }
                return Self.json(Self.deletedStatus(resource, object))
            }
        default:
            throw APIError.methodNotAllowed(request.method)
        }
    }

    /// GET (list), POST (create) and DELETE (deletecollection) on `.../RES`.
    func handleCollection(_ request: APIRequest, target: ResourceTarget, body: [UInt8]) throws(APIError) -> Response {
        let resource = target.resource
        let namespace = target.namespace
        switch request.method {
        case "GET":
            let options = try Self.listOptions(request, resource)
            let page = try server.state.withLock {
                (state: inout ServerState) throws(APIError) -> ObjectStore.ListPage in
                try state.store.list(resource, namespace: namespace, options: options)
            }
            return Self.json(Self.listObject(resource, page))
        case "POST":
            if resource.namespaced && namespace == nil { throw APIError.methodNotAllowed(request.method) }
            let document = try Self.decodeBody(request, body)
            let manager = request.query["fieldManager"] ?? request.defaultManager
            let object = try mutate(dryRun: Self.isDryRun(request)) { (store: inout ObjectStore) throws(APIError) in
                try store.create(resource, namespace: namespace, body: document, manager: manager)
            }
            return Self.json(object, status: .created)
        case "DELETE":
            var optionsBody: JSONValue?
            if !body.isEmpty { optionsBody = try Self.decodeBody(request, body) }
            let options = try Self.deleteOptions(request, optionsBody)
            let listOptions = try Self.listOptions(request, resource)
            let deleted = try mutate(dryRun: Self.isDryRun(request, body: optionsBody)) {
                (store: inout ObjectStore) throws(APIError) -> [JSONValue] in
                let page = try store.list(resource, namespace: namespace, options: listOptions)
                var deleted: [JSONValue] = []
                for item in page.items {
                    guard let name = item[path: ["metadata", "name"]]?.stringValue else { continue }
                    let itemNamespace = item[path: ["metadata", "namespace"]]?.stringValue
                    switch try? store.delete(resource, namespace: itemNamespace, name: name, options: options) {
                    case .deleted(let object), .pending(let object): deleted.append(object)
                    case nil: continue
                    }
                }
                return deleted
            }
            let page = ObjectStore.ListPage(
                items: deleted, resourceVersion: server.state.withLock { $0.store.resourceVersion })
            return Self.json(Self.listObject(resource, page))
        default:
            throw APIError.methodNotAllowed(request.method)
        }
    }

    // MARK: Options and bodies

    /// Label/field selectors and pagination from the query.
    static func listOptions(_ request: APIRequest, _ resource: ResourceType) throws(APIError) -> ObjectStore.ListOptions
    {
        var options = ObjectStore.ListOptions()
        if let selector = request.query["labelSelector"] { options.labelSelector = try LabelSelector.parse(selector) }
        if let selector = request.query["fieldSelector"] {
            options.fieldSelector = try FieldSelector.parse(selector, resource: resource)
        }
        if let limit = request.query["limit"], !limit.isEmpty {
            guard let value = Int(limit), value >= 0 else {
                throw APIError.badRequest("limit: Invalid value: \"\(limit)\": must be a non-negative integer")
            }
            options.limit = value
        }
        options.continueToken = request.query["continue"]
        return options
    }

    /// DeleteOptions from the body, else from the query.
    static func deleteOptions(_ request: APIRequest, _ body: JSONValue?) throws(APIError) -> ObjectStore.DeleteOptions {
        var options = ObjectStore.DeleteOptions()
        options.propagationPolicy = body?["propagationPolicy"]?.stringValue ?? request.query["propagationPolicy"]
        options.preconditionUID = body?[path: ["preconditions", "uid"]]?.stringValue
        options.preconditionResourceVersion = body?[path: ["preconditions", "resourceVersion"]]?.stringValue
        if let orphan = body?["orphanDependents"]?.boolValue {
            options.orphanDependents = orphan
        } else if let orphan = request.query["orphanDependents"] {
            options.orphanDependents = orphan == "true"
        }
        return options
    }

    /// `XList` with `metadata.resourceVersion`, `continue` and `remainingItemCount`.
    static func listObject(_ resource: ResourceType, _ page: ObjectStore.ListPage) -> JSONValue {
        var metadata: [String: JSONValue] = ["resourceVersion": .string(String(page.resourceVersion))]
        if let token = page.continueToken { metadata["continue"] = .string(token) }
        if let remaining = page.remainingItemCount { metadata["remainingItemCount"] = .int(Int64(remaining)) }
        return .object([
            "kind": .string(resource.listKind), "apiVersion": .string(resource.apiVersion),
            "metadata": .object(metadata), "items": .array(page.items),
        ])
    }

    /// The `Status` kube returns when an object was deleted at once.
    static func deletedStatus(_ resource: ResourceType, _ object: JSONValue) -> JSONValue {
        var details: [String: JSONValue] = [
            "name": object[path: ["metadata", "name"]] ?? "", "kind": .string(resource.plural),
            "uid": object[path: ["metadata", "uid"]] ?? "",
        ]
        if !resource.group.isEmpty { details["group"] = .string(resource.group) }
        return .object([
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Success",
            "details": .object(details),
        ])
    }
}
