/// A semantic version with Masterminds/semver v3 parsing and ordering rules, as Helm and Sprig use them.
///
/// `Version("v1.2")` coerces loose input the way Masterminds' `NewVersion` does (a leading `v`, missing minor
/// or patch, leading zeros in numbers); ``init(strict:)`` accepts only full `MAJOR.MINOR.PATCH` versions like
/// `StrictNewVersion`. Ordering follows SemVer 2.0 precedence: build metadata is ignored and a prerelease sorts
/// before its release.
///
/// ```swift
/// let v = try Version("v1.2-rc.1+build.5")
/// v.description   // "1.2.0-rc.1+build.5"
/// v.original      // "v1.2-rc.1+build.5"
/// v < (try Version("1.2.0"))  // true
/// ```
public struct Version: Sendable, CustomStringConvertible {
    /// The major number.
    public let major: UInt64
    /// The minor number (0 when the text had none).
    public let minor: UInt64
    /// The patch number (0 when the text had none).
    public let patch: UInt64
    /// The prerelease identifiers without the leading `-`, or `""`.
    public let prerelease: String
    /// The build metadata without the leading `+`, or `""`.
    public let metadata: String
    /// The text this version was parsed from (Masterminds' `Original()`); for built versions, ``description``.
    public let original: String

    /// Creates a version from its parts, like Masterminds' `New`; the parts are not validated.
    ///
    /// - Parameters:
    ///   - major: The major number.
    ///   - minor: The minor number.
    ///   - patch: The patch number.
    ///   - prerelease: Prerelease identifiers without the `-`; empty for a release.
    ///   - metadata: Build metadata without the `+`; empty for none.
    public init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String = "", metadata: String = "") {
        self.init(major: major, minor: minor, patch: patch, prerelease: prerelease, metadata: metadata, original: nil)
    }

    init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String, metadata: String, original: String?) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.metadata = metadata
        self.original = original ?? Version.render(major, minor, patch, prerelease, metadata)
    }

    /// The canonical form `MAJOR.MINOR.PATCH[-PRERELEASE][+METADATA]`, without any leading `v`
    /// (Masterminds' `String()`).
    public var description: String { Version.render(major, minor, patch, prerelease, metadata) }

    /// Whether the version has a prerelease part.
    public var isPrerelease: Bool { !prerelease.isEmpty }

    private static func render(
        _ major: UInt64,
        _ minor: UInt64,
        _ patch: UInt64,
        _ prerelease: String,
        _ metadata: String
    ) -> String {
        var text = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { text += "-" + prerelease }
        if !metadata.isEmpty { text += "+" + metadata }
        return text
    }
}
