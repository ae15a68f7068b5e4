import Foundation
import Subprocess
import SystemPackage

// Test support: real git repositories on disk, built and inspected with the `git` command directly (not through
// GitSource), so expected commits, trees and contents come from git itself.

struct TestFailure: Error, CustomStringConvertible {
    var description: String
}

/// A fresh temporary directory, removed by `cleanUp()`.
struct TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("gitsource-test-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `git ARGUMENTS` in `directory` with a test-only isolated environment and returns its trimmed output.
@discardableResult
func git(_ arguments: [String], in directory: String, input: String? = nil) async throws -> String {
    let environment: [Environment.Key: String] = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory,
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_AUTHOR_NAME": "Test Author",
        "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test Author",
        "GIT_COMMITTER_EMAIL": "test@example.com", "LC_ALL": "C",
    ]
    let result = try await Subprocess.run(
        .name("git"), arguments: Arguments(["-c", "init.defaultBranch=main"] + arguments),
        environment: .custom(environment), workingDirectory: FilePath(directory),
        input: .string(input ?? ""), output: .string(limit: 16 << 20), error: .string(limit: 1 << 20))
    guard result.terminationStatus.isSuccess else {
        throw TestFailure(description: "git \(arguments.joined(separator: " ")) failed: \(result.standardError)")
    }
    return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Runs any program and returns its trimmed standard output, failing on a non-zero exit.
@discardableResult
func runTool(_ path: String, _ arguments: [String]) async throws -> String {
    let result = try await Subprocess.run(
        .path(FilePath(path)), arguments: Arguments(arguments), output: .string(limit: 1 << 20),
        error: .string(limit: 1 << 20))
    guard result.terminationStatus.isSuccess else {
        throw TestFailure(description: "\(path) failed: \(result.standardError)")
    }
    return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A bare "remote" repository and a work clone that commits and pushes to it.
struct Upstream: Sendable {
    let root: TemporaryDirectory
    var bare: String { root.path + "/remote.git" }
    var work: String { root.path + "/work" }
    var url: String { "file://" + bare }

    /// Creates the bare repository and the clone; nothing is committed yet.
    static func make() async throws -> Upstream {
        let upstream = Upstream(root: try TemporaryDirectory())
        try await git(["init", "--bare", "--quiet", upstream.bare], in: upstream.root.path)
        try await git(["clone", "--quiet", upstream.bare, upstream.work], in: upstream.root.path)
        return upstream
    }

    /// Writes `files` (path → content; nil deletes), commits them on the current branch and pushes it.
    @discardableResult
    func commit(_ files: [String: String?], message: String = "change", branch: String = "main") async throws
        -> String
    {
        for (path, content) in files {
            let full = work + "/" + path
            if let content {
                try FileManager.default.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try content.write(toFile: full, atomically: true, encoding: .utf8)
            } else {
                try FileManager.default.removeItem(atPath: full)
            }
        }
        try await git(["add", "--all"], in: work)
        try await git(["commit", "--quiet", "-m", message], in: work)
        try await git(["push", "--quiet", "origin", "HEAD:refs/heads/\(branch)"], in: work)
        return try await git(["rev-parse", "HEAD"], in: work)
    }

    /// Git's own answer for `rev-parse SPEC` in the bare repository.
    func revParse(_ spec: String) async throws -> String {
        try await git(["rev-parse", spec], in: bare)
    }

    func cleanUp() { root.cleanUp() }
}

/// The state letter of a process from /proc (`Z` for a zombie), or nil when it no longer exists.
func processState(_ pid: Int32) -> Character? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return nil }
    return stat[stat.index(after: close)...].first { !$0.isWhitespace }
}

/// Whether a process is gone (or a zombie waiting to be reaped, which is dead too).
func isDead(_ pid: Int32) -> Bool {
    guard let state = processState(pid) else { return true }
    return state == "Z" || state == "X"
}
