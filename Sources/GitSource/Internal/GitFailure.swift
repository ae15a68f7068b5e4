/// Reads what kind of failure a failed `git` call had from its standard error (git runs with `LC_ALL=C`, so the
/// messages are English).
enum GitFailure {
    /// The code and a hint for a failed fetch, clone, push or ls-remote.
    static func classify(_ stderr: String) -> (code: GitSourceError.Code, hint: String?) {
        let text = stderr.lowercased()
        func has(_ needles: String...) -> Bool { needles.contains { text.contains($0) } }
        if has("host key verification failed", "no matching host key", "remote host identification has changed") {
            return (.hostKey, "add the host's key to the known_hosts file")
        }
        if has(
            "authentication failed", "could not read username", "could not read password",
            "terminal prompts disabled", "permission denied (publickey", "permission denied, please try again",
            "the requested url returned error: 401", "the requested url returned error: 403", "invalid username")
        {
            return (.authentication, "check the credentials")
        }
        if has("load key", "no such identity", "identity file", "bad permissions", "invalid format") {
            return (.credentials, "check the SSH key file")
        }
        if has(
            "could not resolve host", "connection refused", "connection timed out", "network is unreachable",
            "no route to host", "unable to access", "does not appear to be a git repository",
            "repository not found", "not found", "could not read from remote repository", "unable to connect",
            "the remote end hung up", "failed to connect", "empty reply from server")
        {
            return (.unreachable, nil)
        }
        return (.gitFailed, nil)
    }
}
