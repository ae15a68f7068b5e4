import Foundation

extension GitCredentials {
    /// The largest password or token file read: tokens are a few hundred bytes.
    static let maximumSecretFileBytes = 64 * 1024

    /// The variables that hand these credentials to `git`, and the secret values to redact from its output.
    ///
    /// - Parameter askpass: the path of the `GIT_ASKPASS` helper, which prints `FLUXHELM_GIT_USERNAME` or
    ///   `FLUXHELM_GIT_PASSWORD` depending on git's prompt.
    /// - Throws: ``GitSourceError/Code/credentials`` naming a key, known_hosts, password or token file that is
    ///   missing, unreadable, empty or too large.
    func environment(askpass: String) throws(GitSourceError) -> (variables: [String: String], secrets: [String]) {
        var variables = ["GIT_SSH_COMMAND": sshCommand]
        switch storage {
        case .none:
            return (variables, [])
        case .basic(let username, let password):
            variables["GIT_ASKPASS"] = askpass
            variables["FLUXHELM_GIT_USERNAME"] = username
            variables["FLUXHELM_GIT_PASSWORD"] = password
            return (variables, [password])
        case .basicFiles(let username, let file):
            let password = try Self.readSecret(file, what: "password file")
            variables["GIT_ASKPASS"] = askpass
            variables["FLUXHELM_GIT_USERNAME"] = username
            variables["FLUXHELM_GIT_PASSWORD"] = password
            return (variables, [password])
        case .bearer(let token):
            return (Self.bearer(token, into: variables), [token])
        case .bearerFile(let path):
            let token = try Self.readSecret(path, what: "bearer token file")
            return (Self.bearer(token, into: variables), [token])
        case .ssh(let key, let knownHosts):
            try Self.checkReadable(key, what: "SSH private key file")
            try Self.checkReadable(knownHosts, what: "SSH known_hosts file")
            return (variables, [])
        }
    }

    /// Sets `http.extraHeader` through git's environment-variable configuration, which no process listing shows.
    private static func bearer(_ token: String, into variables: [String: String]) -> [String: String] {
        var variables = variables
        variables["GIT_CONFIG_COUNT"] = "1"
        variables["GIT_CONFIG_KEY_0"] = "http.extraHeader"
        variables["GIT_CONFIG_VALUE_0"] = "Authorization: Bearer \(token)"
        return variables
    }

    private static func checkReadable(_ path: String, what: String) throws(GitSourceError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .credentials("\(what) \(path) does not exist", path: path)
        }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) else {
            throw .credentials("\(what) \(path) is not a readable file", path: path)
        }
    }

    private static func readSecret(_ path: String, what: String) throws(GitSourceError) -> String {
        try checkReadable(path, what: what)
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumSecretFileBytes + 1) ?? Data()
        } catch {
            throw .credentials("\(what) \(path) could not be read: \(error.localizedDescription)", path: path)
        }
        guard data.count <= maximumSecretFileBytes else {
            throw .credentials("\(what) \(path) is larger than \(maximumSecretFileBytes) bytes", path: path)
        }
        var text = String(decoding: data, as: UTF8.self)
        while let last = text.last, last.isNewline { text.removeLast() }
        guard !text.isEmpty else { throw .credentials("\(what) \(path) is empty", path: path) }
        return text
    }
}
