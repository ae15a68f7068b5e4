import Foundation
public import KubeAPI

extension GitCredentials {
    /// Reads git credentials from a Kubernetes Secret, with the keys Flux uses: `username` and `password` (HTTPS
    /// basic), `bearerToken` (HTTPS bearer), or `identity` and `known_hosts` (SSH).
    ///
    /// SSH keys must be files for ssh, so `identity` and `known_hosts` are written (mode 0600) into
    /// `keyDirectory`, which is created if needed and should be private to this process.
    ///
    /// - Throws: ``GitSourceError/Code/credentials`` naming the Secret and key when a value is not base64, SSH
    ///   is missing `known_hosts`, or the Secret has none of the keys above; ``GitSourceError/Code/io`` when the
    ///   key files cannot be written.
    public init(secret: KubeObject, keyDirectory: String) throws(GitSourceError) {
        let name = "Secret \(secret.namespace)/\(secret.name)"
        func value(_ key: String) throws(GitSourceError) -> Data? {
            guard let encoded = secret["data", key]?.stringValue else {
                return secret["stringData", key]?.stringValue.map { Data($0.utf8) }
            }
            guard let data = Data(base64Encoded: encoded) else {
                throw .credentials("\(name) key \(key) is not valid base64", path: "\(name) \(key)")
            }
            return data
        }
        func text(_ data: Data) -> String {
            var string = String(decoding: data, as: UTF8.self)
            while let last = string.last, last.isNewline { string.removeLast() }
            return string
        }
        if let identity = try value("identity") {
            guard let knownHosts = try value("known_hosts") else {
                throw .credentials(
                    "\(name) has an SSH identity but no known_hosts; add the host's key under known_hosts",
                    path: "\(name) known_hosts")
            }
            let keyFile = keyDirectory + "/identity"
            let knownHostsFile = keyDirectory + "/known_hosts"
            do {
                try FileManager.default.createDirectory(
                    atPath: keyDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                for (path, data) in [(keyFile, identity), (knownHostsFile, knownHosts)] {
                    guard FileManager.default.createFile(
                        atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
                    else { throw CocoaError(.fileWriteUnknown) }
                }
            } catch {
                throw .io("could not write the SSH key of \(name) into \(keyDirectory)", path: keyDirectory, cause: error)
            }
            self = .ssh(privateKeyFile: keyFile, knownHostsFile: knownHostsFile)
        } else if let token = try value("bearerToken") {
            self = .bearerToken(text(token))
        } else if let password = try value("password") {
            self = .basic(username: try value("username").map(text) ?? "git", password: text(password))
        } else {
            throw .credentials(
                "\(name) has none of the keys username/password, bearerToken or identity/known_hosts",
                path: name)
        }
    }
}
