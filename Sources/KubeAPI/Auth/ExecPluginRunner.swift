import Foundation
import Logging
import Subprocess
import SystemPackage

/// Runs an exec credential plugin once and returns the credential it printed.
///
/// The plugin gets fluxhelm's environment plus its kubeconfig `env` and `KUBERNETES_EXEC_INFO`, no standard input
/// (it never has a terminal), at most ``maximumOutputBytes`` of standard output, and ``ExecCredentialPlugin/timeout``
/// of real time before it is killed. Its standard error goes to the logger line by line, as client-go passes it
/// to the user's terminal; the last line also ends the error message when the plugin fails.
struct ExecPluginRunner: Sendable {
    /// The cap on what a plugin may print: credentials are a few kilobytes.
    static let maximumOutputBytes = 1024 * 1024
    /// How much of a plugin's standard error is logged; the rest is read and dropped.
    static let maximumLoggedErrorBytes = 64 * 1024
    /// The longest standard-error line logged or quoted.
    static let maximumLineBytes = 1024

    let logger: Logger

    /// Runs `plugin` and parses its output.
    ///
    /// - Throws: ``KubeAPIError/Code/config`` naming the kubeconfig user and command when the plugin cannot run,
    ///   fails or prints something that is not a valid credential; ``KubeAPIError/Code/timeout`` when it runs
    ///   too long; ``KubeAPIError/Code/cancelled`` when the calling task is cancelled.
    func run(_ plugin: ExecCredentialPlugin, cluster: ExecClusterInfo?) async throws(KubeAPIError) -> ExecCredential {
        if plugin.interactiveMode == .always {
            throw .config(
                "\(plugin.label): needs a terminal (interactiveMode: Always), which fluxhelm never has; use a plugin "
                    + "or settings that work with interactiveMode Never or IfAvailable")
        }
        let executable = try resolveExecutable(plugin)
        var variables: [Environment.Key: String?] = [:]
        for variable in plugin.environment {
            guard let key = Environment.Key(rawValue: variable.name) else {
                throw .config("\(plugin.label): env name \"\(variable.name)\" is not a valid variable name")
            }
            variables[key] = variable.value
        }
        variables["KUBERNETES_EXEC_INFO"] = ExecClusterInfo.execInfo(plugin: plugin, cluster: cluster)
        let environment = Environment.inherit.updating(variables)
        let arguments = Arguments(plugin.arguments)
        let logger = logger
        let label = plugin.label

        let outcome: Outcome
        do {
            outcome = try await withRealTimeout(plugin.timeout, context: "\(label): did not finish") {
                let result = try await Subprocess.run(
                    executable, arguments: arguments, environment: environment, input: .none,
                    output: .bytes(limit: Self.maximumOutputBytes), error: .sequence
                ) { execution in
                    try await Self.drain(execution.standardError, logger: logger, label: label)
                }
                return Outcome(
                    status: result.terminationStatus, output: result.standardOutput,
                    lastErrorLine: result.closureResult)
            }
        } catch let error as KubeAPIError {
            throw error
        } catch let error as SubprocessError {
            throw Self.map(error, plugin: plugin)
        } catch is CancellationError {
            throw .cancelled(label)
        } catch {
            throw .config("\(label): could not run: \(error)", cause: error)
        }
        guard outcome.status.isSuccess else {
            let how: String
            switch outcome.status {
            case .exited(let code): how = "exited with status \(code)"
            case .signaled(let signal): how = "was killed by signal \(signal)"
            }
            let detail = outcome.lastErrorLine.map { ": \($0)" } ?? ""
            throw .config("\(label): \(how)\(detail)")
        }
        logger.debug("exec credential plugin succeeded", metadata: ["plugin": "\(label)"])
        return try ExecCredential.parse(outcome.output, plugin: plugin)
    }

    private struct Outcome: Sendable {
        var status: TerminationStatus
        var output: [UInt8]
        var lastErrorLine: String?
    }

    /// A path (with a `/`) must name an executable file; a bare name is looked up in `PATH` by Subprocess.
    private func resolveExecutable(_ plugin: ExecCredentialPlugin) throws(KubeAPIError) -> Executable {
        guard !plugin.command.isEmpty else { throw .config("\(plugin.label): command is empty") }
        guard plugin.command.contains("/") else { return .name(plugin.command) }
        guard FileManager.default.fileExists(atPath: plugin.command) else { throw Self.notFound(plugin) }
        guard FileManager.default.isExecutableFile(atPath: plugin.command) else {
            throw .config("\(plugin.label): \(plugin.command) is not executable")
        }
        return .path(FilePath(plugin.command))
    }

    private static func notFound(_ plugin: ExecCredentialPlugin) -> KubeAPIError {
        let hint = plugin.installHint.map { ": \($0.trimmingWhitespace())" } ?? ""
        // The hint may span lines; an error is one line.
        let oneLine = hint.split(whereSeparator: \.isNewline).joined(separator: " ")
        let place = plugin.command.contains("/") ? "not found" : "not found in PATH"
        return .config("\(plugin.label): executable \(place)\(oneLine)")
    }

    private static func map(_ error: SubprocessError, plugin: ExecCredentialPlugin) -> KubeAPIError {
        switch error.code {
        case .executableNotFound: return notFound(plugin)
        case .outputLimitExceeded:
            return .config("\(plugin.label): printed more than \(maximumOutputBytes) bytes", cause: error)
        default: return .config("\(plugin.label): could not run: \(error)", cause: error)
        }
    }

    /// Logs standard error line by line up to the caps and returns its last non-empty line.
    private static func drain(_ stream: SubprocessOutputSequence, logger: Logger, label: String) async throws
        -> String?
    {
        var pending: [UInt8] = []
        var logged = 0
        var last: String?
        func emit(_ line: ArraySlice<UInt8>) {
            var bytes = Array(line.prefix(maximumLineBytes))
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            guard !text.isEmpty else { return }
            last = text
            guard logged < maximumLoggedErrorBytes else { return }
            logged += bytes.count
            logger.notice("exec credential plugin: \(text)", metadata: ["plugin": "\(label)"])
        }
        // After a line is cut at the cap, the rest of it is skipped up to its newline.
        var skipping = false
        for try await buffer in stream {
            buffer.withUnsafeBytes { pending.append(contentsOf: $0) }
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                if !skipping { emit(pending[..<newline]) }
                skipping = false
                pending.removeSubrange(...newline)
            }
            // A line with no end in sight is cut, so one endless line cannot grow memory.
            if pending.count > maximumLineBytes {
                if !skipping { emit(pending[...]) }
                skipping = true
                pending.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty && !skipping { emit(pending[...]) }
        return last
    }
}
