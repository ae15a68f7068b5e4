import Foundation

/// The output of one run of the `fluxhelm` binary.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `fluxhelm` executable, found beside the test bundle in the build folder.
func fluxhelmExecutable() -> URL {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("fluxhelm")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/fluxhelm")
}

/// Runs `fluxhelm` with `arguments` and the given environment additions, and collects its output.
func runFluxhelm(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, directory: URL? = nil
) throws -> CommandResult {
    let process = Process()
    if let directory { process.currentDirectoryURL = directory }
    process.executableURL = fluxhelmExecutable()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    // Output goes to files, not pipes, so a child that fills one stream cannot block on it.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fluxhelm-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("stdout")
    let errURL = dir.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    process.waitUntilExit()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
    return CommandResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self)
    )
}
