import Foundation
import HTTPTypes
import HTTPTestSupport
import Hummingbird
import NIOCore
import Subprocess
import SystemPackage

/// Serves the repositories under `root` over HTTP on 127.0.0.1 through git's own CGI program, `git http-backend`,
/// behind a Hummingbird server that demands credentials: basic auth with `username`/`password`, or a bearer
/// `token`. Every request without them gets 401 with a `WWW-Authenticate: Basic` challenge.
struct GitHTTPBackendServer: Sendable {
    var root: String
    var username: String
    var password: String
    var token: String

    static let backend = "/usr/lib/git-core/git-http-backend"

    private func authorized(_ header: String?) -> String? {
        guard let header else { return nil }
        if header == "Bearer \(token)" { return "bearer" }
        let expected = "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        return header == expected ? username : nil
    }

    private func respond(_ request: Request) async throws -> Response {
        guard let user = authorized(request.headers[.authorization]) else {
            return Response(
                status: .unauthorized, headers: [.wwwAuthenticate: "Basic realm=\"git\""],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "credentials required\n")))
        }
        var body = try await request.body.collect(upTo: 64 << 20)
        let bytes = body.readBytes(length: body.readableBytes) ?? []
        var environment: [Subprocess.Environment.Key: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "GIT_PROJECT_ROOT": root,
            "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": request.uri.path, "REQUEST_METHOD": request.method.rawValue,
            "QUERY_STRING": request.uri.query ?? "", "REMOTE_USER": user, "REMOTE_ADDR": "127.0.0.1",
            "CONTENT_LENGTH": "\(bytes.count)", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            "HOME": root,
        ]
        if let type = request.headers[.contentType] { environment["CONTENT_TYPE"] = type }
        if let encoding = request.headers[.contentEncoding] { environment["HTTP_CONTENT_ENCODING"] = encoding }
        if let name = HTTPField.Name("Git-Protocol"), let value = request.headers[name] {
            environment["GIT_PROTOCOL"] = value
        }
        let result = try await Subprocess.run(
            .path(FilePath(Self.backend)), environment: .custom(environment), input: .array(bytes),
            output: .bytes(limit: 64 << 20), error: .discarded)
        return Self.parseCGI(result.standardOutput)
    }

    /// Splits a CGI response into its header block (with an optional `Status:`) and body.
    private static func parseCGI(_ output: [UInt8]) -> Response {
        var headerEnd = output.count
        var bodyStart = output.count
        for index in output.indices where output[index] == UInt8(ascii: "\n") {
            if index + 1 < output.count, output[index + 1] == UInt8(ascii: "\n") {
                headerEnd = index
                bodyStart = index + 2
                break
            }
            if index + 2 < output.count, output[index + 1] == UInt8(ascii: "\r"),
                output[index + 2] == UInt8(ascii: "\n")
            {
                headerEnd = index
                bodyStart = index + 3
                break
            }
        }
        var status = HTTPResponse.Status.ok
        var headers = HTTPFields()
        for line in String(decoding: output[..<headerEnd], as: UTF8.self).split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name.lowercased() == "status" {
                status = HTTPResponse.Status(code: Int(value.prefix(3)) ?? 500)
            } else if let field = HTTPField.Name(name) {
                headers[field] = value
            }
        }
        return Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: output[min(bodyStart, output.count)...])))
    }

    /// Runs `body` with the server listening, passing its base URL `http://127.0.0.1:PORT`.
    func run<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        let server = self
        router.get("**") { request, _ in try await server.respond(request) }
        router.post("**") { request, _ in try await server.respond(request) }
        return try await withLoopbackServer(router, body)
    }
}
