/// How `git` authenticates to a remote: nothing, an SSH key with a known_hosts file, or HTTPS basic or bearer
/// credentials given as values or read from files.
///
/// Credentials never reach `git`'s command line or a log: HTTPS ones go through the environment to a small
/// `GIT_ASKPASS` helper (basic) or to `http.extraHeader` set through `GIT_CONFIG_*` variables (bearer), and the
/// SSH key is named in `GIT_SSH_COMMAND`. Files are read at every call, so a rotated Secret mounted as a file is
/// picked up without a restart. ``description`` shows no secret.
///
/// ```swift
/// let ssh = GitCredentials.ssh(privateKeyFile: "/etc/git/identity", knownHostsFile: "/etc/git/known_hosts")
/// let https = GitCredentials.basic(username: "bot", passwordFile: "/etc/git/token")
/// ```
public struct GitCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    enum Storage: Sendable, Hashable {
        case none
        case basic(username: String, password: String)
        case basicFiles(username: String, passwordFile: String)
        case bearer(token: String)
        case bearerFile(path: String)
        case ssh(privateKeyFile: String, knownHostsFile: String)
    }
    let storage: Storage

    /// No credentials: public HTTPS or `git://` remotes, local paths, or SSH with nothing to offer.
    public static let none = GitCredentials(storage: .none)

    /// HTTPS basic authentication with a user name and a password or token.
    ///
    /// For token-based hosts use the user name the host expects (`x-access-token`, `oauth2`, or any name).
    public static func basic(username: String, password: String) -> GitCredentials {
        GitCredentials(storage: .basic(username: username, password: password))
    }

    /// HTTPS basic authentication whose password or token is read from `passwordFile` at every call (a trailing
    /// newline is dropped).
    public static func basic(username: String, passwordFile: String) -> GitCredentials {
        GitCredentials(storage: .basicFiles(username: username, passwordFile: passwordFile))
    }

    /// HTTPS bearer authentication: every request carries `Authorization: Bearer TOKEN`.
    public static func bearerToken(_ token: String) -> GitCredentials {
        GitCredentials(storage: .bearer(token: token))
    }

    /// HTTPS bearer authentication with the token read from `path` at every call (a trailing newline is dropped).
    public static func bearerToken(file path: String) -> GitCredentials {
        GitCredentials(storage: .bearerFile(path: path))
    }

    /// SSH with one private key file and a known_hosts file; the host key must be in the latter
    /// (`StrictHostKeyChecking=yes`) and no other key or SSH configuration is used.
    public static func ssh(privateKeyFile: String, knownHostsFile: String) -> GitCredentials {
        GitCredentials(storage: .ssh(privateKeyFile: privateKeyFile, knownHostsFile: knownHostsFile))
    }

    /// Whether these are no credentials at all.
    public var isNone: Bool { storage == .none }

    /// The command `git` runs for SSH remotes (`GIT_SSH_COMMAND`): with an SSH key, `ssh -i KEY -o
    /// UserKnownHostsFile=… -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes` plus options that keep ssh from
    /// reading the user's configuration or prompting; without one, the same isolation and a host check that
    /// always fails (an empty known_hosts).
    public var sshCommand: String {
        var parts = ["ssh", "-F", "/dev/null"]
        switch storage {
        case .ssh(let key, let knownHosts):
            parts += ["-i", Self.shellQuoted(key), "-o", Self.shellQuoted("UserKnownHostsFile=\(knownHosts)")]
            parts += ["-o", "StrictHostKeyChecking=yes", "-o", "IdentitiesOnly=yes"]
        default:
            parts += ["-o", "UserKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=yes"]
        }
        parts += ["-o", "BatchMode=yes", "-o", "PasswordAuthentication=no", "-o", "ConnectTimeout=30"]
        return parts.joined(separator: " ")
    }

    /// Describes the kind of credentials and any file names, never a secret.
    public var description: String {
        switch storage {
        case .none: "none"
        case .basic(let username, _): "basic(username: \(username), password: ***)"
        case .basicFiles(let username, let file): "basic(username: \(username), passwordFile: \(file))"
        case .bearer: "bearerToken(***)"
        case .bearerFile(let path): "bearerToken(file: \(path))"
        case .ssh(let key, let knownHosts): "ssh(privateKeyFile: \(key), knownHostsFile: \(knownHosts))"
        }
    }

    /// Same as ``description``, so `debugPrint` and string interpolation in logs show no secret either.
    public var debugDescription: String { "GitCredentials.\(description)" }

    /// An empty mirror, so `dump` and reflection show no secret.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// `value` in single quotes for `GIT_SSH_COMMAND`, which `git` runs through the shell.
    static func shellQuoted(_ value: String) -> String {
        "'" + value.replacingAll("'", with: "'\\''") + "'"
    }
}
