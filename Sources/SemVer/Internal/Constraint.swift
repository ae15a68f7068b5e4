// One `op version` term of a constraint, evaluated as Masterminds/semver v3 does, including its
// wildcard ("dirty") handling and the exact wording of each failure reason.

struct Constraint: Sendable {
    /// The operator as written (`=>`, `~>`, `""`), kept for `description`.
    var spelling: String
    var op: ConstraintOperator
    /// The version text as written (`1.x`, `v2.3.4-rc.1`).
    var original: String
    /// The lowest version the term refers to, with wildcards and missing parts as 0.
    var version: Version
    /// The major part is a wildcard (or the minor/patch is, see below).
    var dirty: Bool
    /// The minor part is a wildcard or missing (`1`, `1.x`).
    var minorDirty: Bool
    /// The patch part is a wildcard or missing (`1.2`, `1.2.x`).
    var patchDirty: Bool

    var description: String { spelling + original }

    /// Builds a term from scanned text, as Masterminds' `parseConstraint` does.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        op opRange: Range<Int>,
        version scanned: ScannedConstraintVersion
    ) throws(SemVerError) -> Constraint {
        func text(_ range: Range<Int>?) -> String {
            range.map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
        }
        func isWildcard(_ part: String) -> Bool { part == "x" || part == "X" || part == "*" }
        guard let op = ConstraintOperator(bytes[opRange]) else { throw .constraintParser }
        let major = text(scanned.major)
        let minor = text(scanned.minor)
        let patch = text(scanned.patch)
        let prerelease = text(scanned.prerelease)
        var dirty = false
        var minorDirty = false
        var patchDirty = false
        let versionText: String
        if isWildcard(major) {
            versionText = "0.0.0" + prerelease
            dirty = true
        } else if scanned.minor == nil || isWildcard(minor) {
            versionText = major + ".0.0" + prerelease
            dirty = true
            minorDirty = true
        } else if scanned.patch == nil || isWildcard(patch) {
            versionText = major + "." + minor + ".0" + prerelease
            dirty = true
            patchDirty = true
        } else {
            versionText = text(scanned.range)
        }
        // Upstream reports any failure here with one fixed message (e.g. `1|2`, `1.2.3-01`).
        guard let version = try? Version(versionText) else { throw .constraintParser }
        return Constraint(
            spelling: text(opRange),
            op: op,
            original: text(scanned.range),
            version: version,
            dirty: dirty,
            minorDirty: minorDirty,
            patchDirty: patchDirty
        )
    }

    /// Checks `candidate` against this term; `nil` means it passes, otherwise the reason it fails.
    func failure(_ candidate: Version, includePrerelease: Bool) -> String? {
        if candidate.isPrerelease && !includePrerelease { return Constraint.prereleaseReason(candidate) }
        switch op {
        case .tildeOrEqual:
            if dirty { return tildeFailure(candidate) }
            return candidate == version ? nil : reason(candidate, "is not equal to")
        case .notEqual: return notEqualFailure(candidate)
        case .greater: return greaterFailure(candidate)
        case .less: return candidate < version ? nil : reason(candidate, "is greater than or equal to")
        case .greaterOrEqual: return candidate >= version ? nil : reason(candidate, "is less than")
        case .lessOrEqual: return lessOrEqualFailure(candidate)
        case .tilde: return tildeFailure(candidate)
        case .caret: return caretFailure(candidate)
        }
    }

    static func prereleaseReason(_ candidate: Version) -> String {
        "\(goQuote(candidate.description)) is a prerelease version and the constraint is only looking for "
            + "release versions"
    }

    private func reason(_ candidate: Version, _ relation: String) -> String {
        "\(goQuote(candidate.description)) \(relation) \(goQuote(original))"
    }

    private func notEqualFailure(_ v: Version) -> String? {
        if dirty {
            if version.major != v.major { return nil }
            if version.minor != v.minor && !minorDirty { return nil }
            if minorDirty { return reason(v, "is equal to") }
            if version.patch != v.patch && !patchDirty { return nil }
            if patchDirty {
                if v.isPrerelease || version.isPrerelease {
                    if Version.comparePrerelease(v.prerelease, version.prerelease) != 0 { return nil }
                }
                return reason(v, "is equal to")
            }
        }
        return v == version ? reason(v, "is equal to") : nil
    }

    private func greaterFailure(_ v: Version) -> String? {
        let fail = reason(v, "is less than or equal to")
        if !dirty { return v > version ? nil : fail }
        if v.major > version.major { return nil }
        if v.major < version.major { return fail }
        // `>11` needs 12 or more; `>11.1` needs 11.2 or more.
        if minorDirty { return fail }
        if patchDirty { return v.minor > version.minor ? nil : fail }
        return v > version ? nil : fail
    }

    private func lessOrEqualFailure(_ v: Version) -> String? {
        let fail = reason(v, "is greater than")
        if !dirty { return v <= version ? nil : fail }
        if v.major > version.major { return fail }
        if v.major == version.major && v.minor > version.minor && !minorDirty { return fail }
        return nil
    }

    private func tildeFailure(_ v: Version) -> String? {
        if v < version { return reason(v, "is less than") }
        // `~0.0.0` (also `~*`) accepts everything, as `>= 0.0.0` would.
        if version.major == 0 && version.minor == 0 && version.patch == 0 && !minorDirty && !patchDirty {
            return nil
        }
        if v.major != version.major { return reason(v, "does not have same major version as") }
        if v.minor != version.minor && !minorDirty {
            return reason(v, "does not have same major and minor version as")
        }
        return nil
    }

    private func caretFailure(_ v: Version) -> String? {
        if v < version { return reason(v, "is less than") }
        if version.major > 0 || minorDirty {
            return v.major == version.major ? nil : reason(v, "does not have same major version as")
        }
        if v.major > 0 { return reason(v, "does not have same major version as") }
        if version.minor > 0 || patchDirty {
            return v.minor == version.minor
                ? nil
                : reason(v, "does not have same minor version as")
                    + ". Expected minor versions to match when constraint major version is 0"
        }
        if v.minor > 0 { return reason(v, "does not have same minor version as") }
        return version.patch == v.patch
            ? nil
            : reason(v, "does not equal")
                + ". Expect version and constraint to equal when major and minor versions are 0"
    }
}
