import Foundation
import HTTPTestSupport
import Hummingbird
import NIOCore

// Test support for `fluxhelm template --repo`: a real Hummingbird server on 127.0.0.1:0, in this process, serving a
// chart repository the test builds (index.yaml and archives made with /bin/tar, digests with /usr/bin/sha256sum:
// tools independent of the code under test), and a way to run the binary without blocking the server's tasks.

/// What the loopback repository serves and which requests reached it.
actor LoopbackChartRepository {
    private var files: [String: [UInt8]] = [:]
    private var credentials: (user: String, password: String)?
    private(set) var requests: [String] = []

    func serve(_ path: String, _ bytes: [UInt8]) { files[path] = bytes }
    func requireBasicAuth(user: String, password: String) { credentials = (user, password) }
    func count(_ path: String) -> Int { requests.filter { $0 == path }.count }

    func respond(path: String, authorization: String?) -> Response {
        requests.append(path)
        if let credentials {
            let expected = "Basic " + Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
            guard authorization == expected else { return Response(status: .unauthorized) }
        }
        guard let bytes = files[path] else { return Response(status: .notFound) }
        return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Runs `body` with the server listening, passing its base URL `http://127.0.0.1:PORT`.
    nonisolated func withServer<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.get("**") { [self] request, _ -> Response in
            await self.respond(path: request.uri.path, authorization: request.headers[.authorization])
        }
        return try await withLoopbackServer(router, body)
    }
}

/// A chart made in the test: `name-version.tgz` bytes and their sha256.
struct TestChartArchive {
    var name: String
    var version: String
    var bytes: [UInt8]
    var digest: String

    /// Builds a chart whose one template prints its name and version, packed with /bin/tar.
    init(name: String, version: String) throws {
        self.name = name
        self.version = version
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("fluxhelm-repo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let chart = work.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: chart.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "apiVersion: v2\nname: \(name)\nversion: \(version)\n".write(
            to: chart.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        try "greeting: hello\n".write(
            to: chart.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        let template = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-{{ .Chart.Name }}
            data:
              version: {{ .Chart.Version | quote }}
              greeting: {{ .Values.greeting }}

            """
        try template.write(
            to: chart.appendingPathComponent("templates/cm.yaml"), atomically: true, encoding: .utf8)
        let archive = work.appendingPathComponent("\(name)-\(version).tgz")
        try tool("/bin/tar", ["-czf", archive.path, "-C", work.path, name])
        bytes = [UInt8](try Data(contentsOf: archive))
        digest = String(decoding: try tool("/usr/bin/sha256sum", [archive.path]), as: UTF8.self)
            .split(separator: " ").first.map(String.init) ?? ""
    }

    /// index.yaml listing `charts`, archives under `charts/` relative to the repository.
    static func index(_ charts: [TestChartArchive], digestOverride: String? = nil) -> [UInt8] {
        var text = "apiVersion: v1\nentries:\n"
        for name in Set(charts.map(\.name)).sorted() {
            text += "  \(name):\n"
            for chart in charts where chart.name == name {
                text += "  - apiVersion: v2\n    name: \(name)\n    version: \(chart.version)\n"
                text += "    digest: \(digestOverride ?? chart.digest)\n"
                text += "    urls:\n    - charts/\(name)-\(chart.version).tgz\n"
            }
        }
        return Array((text + "generated: \"2026-01-01T00:00:00Z\"\n").utf8)
    }
}

/// Runs a tool to completion and returns its standard output (fails on a non-zero exit).
@discardableResult
private func tool(_ path: String, _ arguments: [String]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(path) failed"])
    }
    return [UInt8](data)
}

/// `runFluxhelm` for async tests: the wait happens off the cooperative pool (the child's exit resumes the task), so
/// a server in this process keeps answering while the binary talks to it.
func runFluxhelmAsync(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandResult {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fluxhelm-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("stdout")
    let errURL = dir.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = fluxhelmExecutable()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do {
            try process.run()
        } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
        }
    }
    return CommandResult(
        status: status,
        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}
