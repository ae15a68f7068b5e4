import Foundation
public import Logging

/// A checked-out branch of a remote for changing files, committing and pushing: the write side that image
/// automation uses.
///
/// A push that the remote rejects because the branch moved (someone else pushed first) throws
/// ``GitSourceError/Code/pushRejected``; the caller then calls ``reset()`` (fetch and reset to the remote's
/// branch), applies its change again and retries:
///
/// ```swift
/// let tree = try await GitWorkTree.checkout(remote: url, branch: "main", into: dir, credentials: creds)
/// while true {
///     try apply(change, in: tree.directory)
///     guard try await tree.commitAll(message: "Update image", author: author) != nil else { break }
///     do { try await tree.push(); break }
///     catch let error where error.code == .pushRejected { try await tree.reset() }
/// }
/// ```
public actor GitWorkTree {
    /// The remote cloned.
    public nonisolated let remote: GitRemote
    /// The branch checked out and pushed to.
    public nonisolated let branch: String
    /// The work tree on disk.
    public nonisolated let directory: String
    let runner: GitRunner

    private init(remote: GitRemote, branch: String, directory: String, runner: GitRunner) {
        self.remote = remote
        self.branch = branch
        self.directory = directory
        self.runner = runner
    }

    /// Clones `branch` of `remote` into `directory` (which must not exist yet or be empty).
    ///
    /// - Parameters:
    ///   - homeDirectory: the private `HOME` git runs with; default a `.git-home` directory beside `directory`.
    /// - Throws: ``GitSourceError/Code/refNotFound`` when the branch does not exist, and the errors of
    ///   ``GitMirror/fetch()`` when the remote cannot be reached.
    public static func checkout(
        remote url: String, branch: String, into directory: String, credentials: GitCredentials = .none,
        homeDirectory: String? = nil, configuration: GitConfiguration = GitConfiguration(),
        logger: Logger = Logger(label: "fluxhelm.git", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws(GitSourceError) -> GitWorkTree {
        let remote = try GitRemote(url)
        try RepositoryPath.checkRef(branch, url: remote.redacted)
        let parent = (directory as NSString).deletingLastPathComponent
        let used = credentials.isNone ? (remote.embeddedCredentials ?? .none) : credentials
        let runner = try GitRunner(
            configuration: configuration, home: homeDirectory ?? parent + "/.git-home", credentials: used,
            url: remote.redacted, logger: logger)
        let output = try await runner.run(
            ["clone", "--quiet", "--branch", branch, "--single-branch", "--", remote.url, directory], in: parent,
            network: true, what: "git clone of branch \(branch) of \(remote.redacted)")
        guard output.succeeded else {
            if output.stderr.contains("Remote branch") && output.stderr.contains("not found") {
                throw .refNotFound(branch, url: remote.redacted)
            }
            let (code, hint) = GitFailure.classify(output.stderr)
            throw .failed(
                "git clone of branch \(branch) of \(remote.redacted)", code: code, url: remote.redacted, ref: branch,
                stderr: output.stderr, hint: hint)
        }
        return GitWorkTree(remote: remote, branch: branch, directory: directory, runner: runner)
    }

    /// The commit checked out.
    public func head() async throws(GitSourceError) -> GitCommit {
        let output = try await runner.checked(
            ["rev-parse", "--verify", "HEAD"], in: directory, network: false, ref: "HEAD",
            what: "git rev-parse HEAD in \(directory)")
        return GitCommit(trusted: output.text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Stages every change in the work tree (new, changed and deleted files) and commits it; nil when nothing
    /// changed, so no empty commit is made.
    ///
    /// - Throws: ``GitSourceError/Code/gitFailed`` when the commit (or its signing) fails.
    public func commitAll(message: String, author: GitAuthor) async throws(GitSourceError) -> GitCommit? {
        _ = try await runner.checked(
            ["add", "--all"], in: directory, network: false, what: "git add in \(directory)")
        let diff = try await runner.run(
            ["diff", "--cached", "--quiet"], in: directory, network: false, what: "git diff in \(directory)")
        if diff.succeeded { return nil }
        let environment = [
            "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email, "GIT_COMMITTER_NAME": author.name,
            "GIT_COMMITTER_EMAIL": author.email,
        ]
        var arguments: [String] = []
        if let key = author.signingKey {
            arguments += ["-c", "gpg.format=ssh", "-c", "user.signingKey=\(key.privateKeyFile)"]
        }
        arguments += ["commit", "--quiet", "--no-verify", "--file=-"]
        if author.signingKey != nil { arguments.append("--gpg-sign") }
        _ = try await runner.checked(
            arguments, in: directory, network: false, environment: environment, input: Array(message.utf8),
            what: "git commit in \(directory)")
        return try await head()
    }

    /// Pushes the checked-out commit to the remote's branch.
    ///
    /// - Throws: ``GitSourceError/Code/pushRejected`` when the remote branch has commits this one lacks (fetch
    ///   with ``reset()``, re-apply, retry); ``GitSourceError/Code/pushFailed`` when the remote refused it for
    ///   another reason (a hook, a protected branch); the network errors of ``GitMirror/fetch()``.
    public func push() async throws(GitSourceError) {
        let target = "refs/heads/\(branch)"
        let output = try await runner.run(
            ["push", "--porcelain", "--quiet", "origin", "HEAD:\(target)"], in: directory, network: true,
            what: "git push to \(branch) of \(remote.redacted)")
        if output.succeeded { return }
        // Porcelain output marks a refused ref with `!` and says why in brackets.
        let refused = output.text.split(separator: "\n").first { $0.hasPrefix("!") }.map(String.init)
        let what = "git push to \(branch) of \(remote.redacted)"
        if let refused {
            let isStale = ["non-fast-forward", "fetch first", "stale info"].contains { refused.contains($0) }
            let detail = refused.split(separator: "\t").last.map(String.init) ?? refused
            throw GitSourceError(
                code: isStale ? .pushRejected : .pushFailed,
                message: "\(what) was refused: \(detail)"
                    + (isStale ? " (the branch moved: fetch, re-apply the change and push again)" : ""),
                url: remote.redacted, ref: branch, stderr: output.stderr)
        }
        let (code, hint) = GitFailure.classify(output.stderr)
        throw .failed(what, code: code, url: remote.redacted, ref: branch, stderr: output.stderr, hint: hint)
    }

    /// Fetches the remote's branch and resets the work tree to it, dropping local commits and changes (and
    /// untracked files), so a change can be applied again on top of what was pushed meanwhile.
    public func reset() async throws(GitSourceError) {
        let tracking = "refs/remotes/origin/\(branch)"
        _ = try await runner.checked(
            ["fetch", "--quiet", "--force", "origin", "+refs/heads/\(branch):\(tracking)"], in: directory,
            network: true, ref: branch, what: "git fetch of \(branch) from \(remote.redacted)")
        _ = try await runner.checked(
            ["reset", "--quiet", "--hard", tracking], in: directory, network: false, ref: branch,
            what: "git reset to origin/\(branch) in \(directory)")
        _ = try await runner.checked(
            ["clean", "--quiet", "-ffdx"], in: directory, network: false, what: "git clean in \(directory)")
    }
}
