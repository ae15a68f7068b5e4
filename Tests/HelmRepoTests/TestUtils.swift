import Foundation
import HTTPTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import NIOSSL

// Test support: a real Hummingbird server on 127.0.0.1:0 serving a chart repository built in the test,
// and helpers that build chart archives with /bin/tar and hash them with /usr/bin/sha256sum (tools
// independent of the code under test).

/// What the test repository serves and what it has seen.
actor RepoFixture {
    struct File {
        var bytes: [UInt8]
        var contentType: String = "application/octet-stream"
        var etag: String? = nil
        var hang: Bool = false
        /// Answer 302 with this `Location` instead of the bytes.
        var redirect: String? = nil
    }

    private var files: [String: File] = [:]
    private(set) var requests: [String: Int] = [:]
    private(set) var authorizations: [String: [String]] = [:]
    private var credentials: (user: String, password: String)?
    private var hanging: [CheckedContinuation<Void, Never>] = []

    func serve(_ path: String, _ file: File) { files[path] = file }
    func serve(_ path: String, text: String, etag: String? = nil) {
        files[path] = File(bytes: Array(text.utf8), contentType: "text/yaml", etag: etag)
    }
    func remove(_ path: String) { files[path] = nil }
    func requireBasicAuth(user: String, password: String) { credentials = (user, password) }
    func count(_ path: String) -> Int { requests[path, default: 0] }
    var totalRequests: Int { requests.values.reduce(0, +) }

    /// Lets every request parked on a hanging file finish (called before shutdown).
    func releaseHanging() {
        for waiter in hanging { waiter.resume() }
        hanging = []
    }

    func respond(path: String, headers: HTTPFields) async -> Response {
        requests[path, default: 0] += 1
        authorizations[path, default: []].append(headers[.authorization] ?? "")
        if let credentials {
            let expected = "Basic " + Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
            guard headers[.authorization] == expected else { return Response(status: .unauthorized) }
        }
        guard let file = files[path] else { return Response(status: .notFound) }
        if file.hang {
            await withCheckedContinuation { hanging.append($0) }
            return Response(status: .serviceUnavailable)
        }
        if let redirect = file.redirect { return Response(status: .found, headers: [.location: redirect]) }
        var responseHeaders: HTTPFields = [.contentType: file.contentType]
        if let etag = file.etag {
            responseHeaders[.eTag] = etag
            if headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: responseHeaders) }
        }
        return Response(
            status: .ok,
            headers: responseHeaders,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes))
        )
    }
}

/// Runs `body` with a live server for `fixture`, passing the base URL `http://127.0.0.1:PORT` (`https` when
/// `tls` is given).
func withRepoServer<T: Sendable>(
    _ fixture: RepoFixture,
    tls: TLSConfiguration? = nil,
    _ body: @Sendable (String) async throws -> T
) async throws -> T {
    let router = Router()
    router.get("**") { request, _ -> Response in
        await fixture.respond(path: request.uri.path, headers: request.headers)
    }
    return try await withLoopbackServer(router, tls: tls, beforeShutdown: { await fixture.releaseHanging() }, body)
}

/// A fresh temporary directory.
func makeTemporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("helmrepo-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes a minimal chart directory `parent/name` with the given Chart.yaml version.
@discardableResult
func writeChart(name: String, version: String, in parent: String) throws -> String {
    let directory = parent + "/" + name
    try FileManager.default.createDirectory(atPath: directory + "/templates", withIntermediateDirectories: true)
    try "apiVersion: v2\nname: \(name)\nversion: \(version)\n".write(
        toFile: directory + "/Chart.yaml",
        atomically: true,
        encoding: .utf8
    )
    try "kind: ConfigMap\n".write(toFile: directory + "/templates/cm.yaml", atomically: true, encoding: .utf8)
    return directory
}

/// Builds `name-version.tgz` with /bin/tar and returns its bytes.
func makeChartArchive(name: String, version: String) throws -> [UInt8] {
    let work = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: work) }
    try writeChart(name: name, version: version, in: work)
    let archive = work + "/\(name)-\(version).tgz"
    try run("/bin/tar", ["-czf", archive, "-C", work, name])
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: archive)))
}

/// sha256 hex of `bytes`, computed by /usr/bin/sha256sum.
func sha256sum(_ bytes: [UInt8]) throws -> String {
    let output = try run("/usr/bin/sha256sum", [], input: bytes)
    return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}

@discardableResult
func run(_ tool: String, _ arguments: [String], input: [UInt8]? = nil) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let stdout = Pipe()
    process.standardOutput = stdout
    let stdin = Pipe()
    if input != nil { process.standardInput = stdin }
    try process.run()
    if let input {
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
    }
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(tool) failed"])
    }
    return [UInt8](data)
}

/// An index.yaml listing `versions` of `name`, each with a URL and digest.
func indexYAML(_ charts: [(name: String, version: String, url: String, digest: String)]) -> String {
    var text = "apiVersion: v1\nentries:\n"
    for name in Set(charts.map(\.name)).sorted() {
        text += "  \(name):\n"
        for chart in charts where chart.name == name {
            text += "  - name: \(chart.name)\n    version: \(chart.version)\n    urls:\n    - \(chart.url)\n"
            text += "    digest: \(chart.digest)\n    apiVersion: v2\n"
        }
    }
    return text + "generated: \"2026-01-01T00:00:00Z\"\n"
}
