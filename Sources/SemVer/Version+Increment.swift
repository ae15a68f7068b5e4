// Increments and setters follow Masterminds/semver v3 (`IncPatch`, `IncMinor`, `IncMajor`, `SetPrerelease`,
// `SetMetadata`), which keep a leading `v` of the original text in the new `Original()`.

extension Version {
    /// The next patch version (Masterminds' `IncPatch`).
    ///
    /// A prerelease version drops its prerelease and metadata and keeps its patch (`1.2.3-rc.1` → `1.2.3`);
    /// a release increments the patch and drops metadata (`1.2.3+b` → `1.2.4`).
    /// - Throws: ``SemVerError/Code/overflow`` if the patch is already `UInt64.max` (Masterminds panics).
    public func incrementingPatch() throws(SemVerError) -> Version {
        if isPrerelease { return rebuilt(major, minor, patch, "", "") }
        guard patch < UInt64.max else { throw .overflow("patch") }
        return rebuilt(major, minor, patch + 1, "", "")
    }

    /// The next minor version: minor + 1, patch 0, no prerelease or metadata (Masterminds' `IncMinor`).
    /// - Throws: ``SemVerError/Code/overflow`` if the minor is already `UInt64.max`.
    public func incrementingMinor() throws(SemVerError) -> Version {
        guard minor < UInt64.max else { throw .overflow("minor") }
        return rebuilt(major, minor + 1, 0, "", "")
    }

    /// The next major version: major + 1, minor and patch 0, no prerelease or metadata (`IncMajor`).
    /// - Throws: ``SemVerError/Code/overflow`` if the major is already `UInt64.max`.
    public func incrementingMajor() throws(SemVerError) -> Version {
        guard major < UInt64.max else { throw .overflow("major") }
        return rebuilt(major + 1, 0, 0, "", "")
    }

    /// This version with another prerelease (Masterminds' `SetPrerelease`); empty removes it.
    /// - Parameter prerelease: Identifiers without the leading `-`.
    /// - Throws: ``SemVerError`` if `prerelease` is not valid.
    public func settingPrerelease(_ prerelease: String) throws(SemVerError) -> Version {
        if !prerelease.isEmpty { try Version.validatePrerelease(Substring(prerelease)) }
        return rebuilt(major, minor, patch, prerelease, metadata)
    }

    /// This version with other build metadata (Masterminds' `SetMetadata`); empty removes it.
    /// - Parameter metadata: Identifiers without the leading `+`.
    /// - Throws: ``SemVerError`` if `metadata` is not valid.
    public func settingMetadata(_ metadata: String) throws(SemVerError) -> Version {
        if !metadata.isEmpty { try Version.validateMetadata(Substring(metadata)) }
        return rebuilt(major, minor, patch, prerelease, metadata)
    }

    private func rebuilt(
        _ major: UInt64,
        _ minor: UInt64,
        _ patch: UInt64,
        _ prerelease: String,
        _ metadata: String
    ) -> Version {
        let next = Version(major: major, minor: minor, patch: patch, prerelease: prerelease, metadata: metadata)
        let prefix = original.hasPrefix("v") ? "v" : ""
        return Version(
            major: major,
            minor: minor,
            patch: patch,
            prerelease: prerelease,
            metadata: metadata,
            original: prefix + next.description
        )
    }
}
