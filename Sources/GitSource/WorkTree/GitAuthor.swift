/// The name and email a commit is made under (as both author and committer), and optionally how it is signed.
public struct GitAuthor: Sendable, Hashable {
    /// The author's name, e.g. `fluxhelm`.
    public var name: String
    /// The author's email.
    public var email: String
    /// The key commits are signed with; nil (the default) for unsigned commits.
    public var signingKey: GitSigningKey?

    /// Creates an author.
    public init(name: String, email: String, signingKey: GitSigningKey? = nil) {
        self.name = name
        self.email = email
        self.signingKey = signingKey
    }
}

/// A key that signs commits.
public struct GitSigningKey: Sendable, Hashable {
    /// The private key file.
    public var privateKeyFile: String

    /// An SSH private key (git's `gpg.format=ssh`, which runs `ssh-keygen -Y sign`); the file must be readable
    /// only by its owner, as ssh-keygen demands.
    public static func ssh(privateKeyFile: String) -> GitSigningKey {
        GitSigningKey(privateKeyFile: privateKeyFile)
    }
}
