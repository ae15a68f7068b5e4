import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Answers every HTTP request: counts it, applies auth, injected faults and latency, then routes it.
struct KubeResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// kube-apiserver's request body limit (3 MiB).
    static let maximumBodyBytes = 3 * 1024 * 1024

    let server: KubeTestServer

    func respond(to request: Request, context: Context) async throws -> Response {
        let api = APIRequest(
            method: request.method.rawValue.uppercased(), path: request.uri.path,
            segments: APIRequest.parseSegments(request.uri.path), query: APIRequest.parseQuery(request.uri.query),
            contentType: (request.headers[.contentType] ?? "").split(separator: ";").first
                .map { $0.trimmingSpaces().lowercased() } ?? "",
            userAgent: request.headers[.userAgent] ?? "")
        let (fault, latency) = server.state.withLock { state in
            state.requestCount += 1
            return (state.takeFault(method: api.method, path: api.path, isWatch: api.isWatch), state.latency)
        }
        if let latency { try await Task.sleep(for: latency) }
        if let fault { return Self.response(for: fault.error) }
        if let failure = authenticate(request, api) { return Self.response(for: failure) }
        do {
            var body: [UInt8] = []
            if ["POST", "PUT", "PATCH", "DELETE"].contains(api.method) {
                guard let buffer = try? await request.body.collect(upTo: Self.maximumBodyBytes) else {
                    throw APIError.requestTooLarge
                }
                body = Array(buffer.readableBytesView)
            }
            return try await route(api, body: body)
        } catch let error as APIError {
            return Self.response(for: error)
        }
    }

    /// 401 unless the configured bearer token is present; public info paths also answer without a token.
    private func authenticate(_ request: Request, _ api: APIRequest) -> APIError? {
        guard let token = server.configuration.bearerToken else { return nil }
        let header = request.headers[.authorization]
        if header == nil, ["/version", "/healthz", "/livez", "/readyz"].contains(api.path) { return nil }
        guard let header, header.hasPrefix("Bearer "), header.dropFirst(7) == token else { return .unauthorized }
        return nil
    }

    // MARK: Routing

    private func route(_ request: APIRequest, body: [UInt8]) async throws -> Response {
        let segments = request.segments
        switch segments.first {
        case "version" where segments.count == 1:
            return Self.json(Discovery.version)
        case "healthz", "livez", "readyz":
            return Response(
                status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
        case "api":
            if segments.count == 1 {
                return Self.json(Discovery.coreVersions(serverAddress: "127.0.0.1:\(server.port)"))
            }
            guard segments[1] == "v1" else { throw APIError.pathNotFound() }
            if segments.count == 2 {
                let resources = server.state.withLock { $0.store.resources }
                guard let list = Discovery.resourceList(group: "", version: "v1", resources) else {
                    throw APIError.pathNotFound()
                }
                return Self.json(list)
            }
            return try await routeResource(
                request, group: "", version: "v1", rest: Array(segments.dropFirst(2)), body: body)
        case "apis":
            let resources = server.state.withLock { $0.store.resources }
            switch segments.count {
            case 1: return Self.json(Discovery.groupList(resources))
            case 2:
                guard let group = Discovery.group(named: segments[1], resources) else { throw APIError.pathNotFound() }
                return Self.json(group)
            case 3:
                guard let list = Discovery.resourceList(group: segments[1], version: segments[2], resources) else {
                    throw APIError.pathNotFound()
                }
                return Self.json(list)
            default:
                return try await routeResource(
                    request, group: segments[1], version: segments[2], rest: Array(segments.dropFirst(3)), body: body)
            }
        default:
            throw APIError.pathNotFound()
        }
    }

    /// A resource path after `/api/v1` or `/apis/G/V`.
    private func routeResource(
        _ request: APIRequest, group: String, version: String, rest: [String], body: [UInt8]
    )
        async throws -> Response
    {
        var rest = rest
        var namespace: String?
        if rest.count >= 3, rest[0] == "namespaces", !(group.isEmpty && ["status", "finalize"].contains(rest[2])) {
            namespace = rest[1]
            rest.removeFirst(2)
        }
        guard let plural = rest.first, rest.count <= 3 else { throw APIError.pathNotFound() }
        let resource = server.state.withLock { $0.store.resource(group: group, version: version, plural: plural) }
        guard let resource else { throw APIError.pathNotFound() }
        if namespace != nil && !resource.namespaced { throw APIError.pathNotFound() }
        let name = rest.count >= 2 ? rest[1] : nil
        var subresource = ObjectStore.Subresource.main
        if rest.count == 3 {
            guard rest[2] == "status", resource.hasStatus else { throw APIError.pathNotFound() }
            subresource = .status
        }
        let target = ResourceTarget(resource: resource, namespace: namespace, name: name, subresource: subresource)
        if let name {
            if resource.namespaced && namespace == nil { throw APIError.pathNotFound() }
            return try handleObject(request, target: target, name: name, body: body)
        }
        if request.method == "GET" && request.isWatch { return try watch(request, target: target) }
        return try handleCollection(request, target: target, body: body)
    }

    // MARK: Responses

    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: value.serializedBytes())))
    }

    /// The Status response for an error.
    static func response(for error: APIError) -> Response {
        json(error.statusObject(), status: HTTPResponse.Status(code: error.code))
    }
}

/// What a resource path addresses.
struct ResourceTarget: Sendable {
    /// The resource and version.
    var resource: ResourceType
    /// The namespace in the path, if any.
    var namespace: String?
    /// The object name, if any.
    var name: String?
    /// Main resource or `/status`.
    var subresource: ObjectStore.Subresource
}
