import Foundation
import Logging
import Subprocess
import SystemPackage

/// Runs one `git` command at a time, isolated from the user's and the system's git configuration, with a timeout,
/// capped output and credentials passed only through the environment.
///
/// Isolation: `HOME` and `XDG_CONFIG_HOME` point into a private directory, `GIT_CONFIG_NOSYSTEM=1`,
/// `GIT_CONFIG_GLOBAL=/dev/null`, `GIT_TERMINAL_PROMPT=0`, `LC_ALL=C` (so failures can be classified), no hooks
/// (`core.hooksPath=/dev/null`), no credential helpers but ours, and the `ext::` transport is never allowed.
struct GitRunner: Sendable {
    /// What one call produced.
    struct Output: Sendable {
        var status: TerminationStatus
        var stdout: [UInt8]
        /// Standard error, redacted.
        var stderr: String
        var succeeded: Bool { status.isSuccess }
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    let configuration: GitConfiguration
    /// The private `HOME` directory (also holds the askpass helper).
    let home: String
    let credentials: GitCredentials
    /// The redacted URL errors name.
    let url: String?
    let redactor: Redactor
    let logger: Logger

    /// Prepares a runner: creates `home` and the askpass helper if missing.
    init(
        configuration: GitConfiguration, home: String, credentials: GitCredentials, url: String?,
        extraSecrets: [String] = [], logger: Logger
    ) throws(GitSourceError) {
        self.configuration = configuration
        self.home = home
        self.credentials = credentials
        self.url = url
        var secrets = extraSecrets
        switch credentials.storage {
        case .basic(_, let password): secrets.append(password)
        case .bearer(let token): secrets.append(token)
        default: break
        }
        self.redactor = Redactor(secrets: secrets)
        self.logger = logger
        try Self.prepareHome(home)
    }

    var askpassPath: String { home + "/askpass.sh" }

    private static let askpassScript = """
        #!/bin/sh
        # Written by fluxhelm: answers git's credential prompts from the environment, so no secret is on a command line.
        case "$1" in
        Username*) printf '%s\\n' "$FLUXHELM_GIT_USERNAME" ;;
        *) printf '%s\\n' "$FLUXHELM_GIT_PASSWORD" ;;
        esac

        """

    private static func prepareHome(_ home: String) throws(GitSourceError) {
        let manager = FileManager.default
        let script = home + "/askpass.sh"
        if manager.isExecutableFile(atPath: script) { return }
        do {
            try manager.createDirectory(
                atPath: home + "/.config", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: home)
            let temporary = script + ".\(UUID().uuidString)"
            guard manager.createFile(atPath: temporary, contents: Data(askpassScript.utf8)) else {
                throw CocoaError(.fileWriteUnknown)
            }
            try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: temporary)
            _ = rename(temporary, script)
        } catch {
            throw .io("could not prepare git's private home directory \(home): \(error)", path: home, cause: error)
        }
    }

    /// Runs `git ARGUMENTS` and returns what it did, whatever its exit status.
    ///
    /// - Parameters:
    ///   - arguments: the git subcommand and its arguments, after the isolating `-c` options.
    ///   - directory: the working directory (a repository or work tree).
    ///   - network: whether the call talks to a remote (network timeout and credentials) or is local.
    ///   - environment: extra variables, such as `GIT_INDEX_FILE` or the author's name.
    ///   - input: bytes for standard input.
    ///   - outputLimit: the cap on standard output; ``GitConfiguration/maximumOutputBytes`` when nil.
    /// - Throws: ``GitSourceError/Code/timeout``, ``GitSourceError/Code/cancelled``,
    ///   ``GitSourceError/Code/gitNotFound``, ``GitSourceError/Code/tooLarge`` (output over the cap) or
    ///   ``GitSourceError/Code/credentials``.
    func run(
        _ arguments: [String], in directory: String?, network: Bool, environment extra: [String: String] = [:],
        input: [UInt8]? = nil, outputLimit: Int? = nil, what: String
    ) async throws(GitSourceError) -> Output {
        var variables: [String: String] = [
            "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "LANG": "C",
            "GIT_LITERAL_PATHSPECS": "1", "GIT_ASKPASS": "/bin/false", "SSH_ASKPASS": "/bin/false",
        ]
        if let path = ProcessInfo.processInfo.environment["PATH"] { variables["PATH"] = path }
        if network {
            let (credentialVariables, _) = try credentials.environment(askpass: askpassPath)
            variables.merge(credentialVariables) { _, new in new }
        } else {
            variables["GIT_SSH_COMMAND"] = credentials.sshCommand
        }
        variables.merge(extra) { _, new in new }
        var environment: [Environment.Key: String] = [:]
        for (name, value) in variables {
            if let key = Environment.Key(rawValue: name) { environment[key] = value }
        }
        let isolation = [
            "-c", "core.hooksPath=/dev/null", "-c", "credential.helper=", "-c", "protocol.ext.allow=never",
            "-c", "core.fsmonitor=false", "-c", "gc.auto=0", "-c", "advice.detachedHead=false",
            "-c", "init.defaultBranch=main", "-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false",
        ]
        let executable: Executable =
            configuration.gitExecutable.contains("/")
            ? .path(FilePath(configuration.gitExecutable)) : .name(configuration.gitExecutable)
        var options = PlatformOptions()
        // Its own process group, so a timeout also kills the ssh or git-remote-http it started.
        options.processGroupID = 0
        options.teardownSequence = [
            .send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(500))
        ]
        let limit = outputLimit ?? configuration.maximumOutputBytes
        let errorLimit = configuration.maximumOutputBytes
        let workingDirectory = directory.map { FilePath($0) }
        let timeout = network ? configuration.networkTimeout : configuration.localTimeout
        let command = Arguments(isolation + arguments)
        let finalOptions = options
        let finalEnvironment = Environment.custom(environment)
        let subcommand = arguments.first ?? ""
        logger.trace("git \(subcommand)", metadata: ["git.url": "\(url ?? "-")"])
        do {
            let result = try await Self.withTimeout(timeout) {
                if let input {
                    return try await Subprocess.run(
                        executable, arguments: command, environment: finalEnvironment,
                        workingDirectory: workingDirectory, platformOptions: finalOptions, input: .array(input),
                        output: .bytes(limit: limit), error: .bytes(limit: errorLimit))
                }
                return try await Subprocess.run(
                    executable, arguments: command, environment: finalEnvironment,
                    workingDirectory: workingDirectory, platformOptions: finalOptions, input: .none,
                    output: .bytes(limit: limit), error: .bytes(limit: errorLimit))
            }
            guard let result else { throw GitSourceError.timeout(what, after: timeout, url: url) }
            let stderr = redactor.redact(String(decoding: result.standardError, as: UTF8.self))
            return Output(status: result.terminationStatus, stdout: result.standardOutput, stderr: stderr)
        } catch let error as GitSourceError {
            throw error
        } catch let error as SubprocessError {
            switch error.code {
            case .executableNotFound: throw .gitNotFound(configuration.gitExecutable)
            case .outputLimitExceeded:
                throw .tooLarge("\(what) printed more than \(limit) bytes", url: url)
            default:
                throw GitSourceError(
                    code: .gitFailed, message: "\(what) could not run git: \(error)", url: url, cause: error)
            }
        } catch is CancellationError {
            throw .cancelled(what, url: url)
        } catch {
            throw GitSourceError(code: .gitFailed, message: "\(what) failed: \(error)", url: url, cause: error)
        }
    }

    /// Runs `operation`; nil when `timeout` of real time passed first, in which case the operation (and with it
    /// the process) is cancelled.
    private static func withTimeout<T: Sendable>(
        _ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: timeout, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return nil }
            return first
        }
    }

    /// Runs `git ARGUMENTS` and returns its standard output; a failure throws the code its standard error points
    /// to for network calls, or `fallback` for local ones.
    func checked(
        _ arguments: [String], in directory: String?, network: Bool, environment: [String: String] = [:],
        input: [UInt8]? = nil, outputLimit: Int? = nil, ref: String? = nil, path: String? = nil,
        what: String
    ) async throws(GitSourceError) -> Output {
        let description = what
        let output = try await run(
            arguments, in: directory, network: network, environment: environment, input: input,
            outputLimit: outputLimit, what: description)
        guard output.succeeded else {
            let (code, hint) = network ? GitFailure.classify(output.stderr) : (.gitFailed, nil)
            throw .failed(description, code: code, url: url, ref: ref, path: path, stderr: output.stderr, hint: hint)
        }
        return output
    }
}
