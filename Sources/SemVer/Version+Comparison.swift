// Precedence follows Masterminds/semver v3 `Compare`: numbers first, then a release beats its prereleases,
// then prerelease identifiers pairwise (numbers below words, numbers numerically, words bytewise, a missing
// identifier below a present one). Build metadata never matters.

extension Version: Comparable, Hashable {
    /// Compares two versions by precedence: -1, 0 or 1 (Masterminds' `Compare`).
    ///
    /// - Parameter other: The version to compare with.
    /// - Returns: -1 if `self` has lower precedence, 0 if equal (metadata ignored), 1 if higher.
    public func compare(_ other: Version) -> Int {
        if major != other.major { return major < other.major ? -1 : 1 }
        if minor != other.minor { return minor < other.minor ? -1 : 1 }
        if patch != other.patch { return patch < other.patch ? -1 : 1 }
        switch (prerelease.isEmpty, other.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): return Version.comparePrerelease(prerelease, other.prerelease)
        }
    }

    /// Whether `lhs` has lower precedence than `rhs` (metadata ignored).
    public static func < (lhs: Version, rhs: Version) -> Bool { lhs.compare(rhs) < 0 }

    /// Whether the versions have equal precedence (Masterminds' `Equal`; metadata ignored).
    public static func == (lhs: Version, rhs: Version) -> Bool { lhs.compare(rhs) == 0 }

    /// Hashes what precedence looks at (numbers and prerelease), consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    static func comparePrerelease(_ lhs: String, _ rhs: String) -> Int {
        let left = lhs.split(separator: ".", omittingEmptySubsequences: false)
        let right = rhs.split(separator: ".", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? left[index] : ""
            let r = index < right.count ? right[index] : ""
            let result = comparePrereleaseIdentifier(l, r)
            if result != 0 { return result }
        }
        return 0
    }

    private static func comparePrereleaseIdentifier(_ lhs: Substring, _ rhs: Substring) -> Int {
        if lhs == rhs { return 0 }
        if lhs.isEmpty { return -1 }
        if rhs.isEmpty { return 1 }
        // An identifier counts as a number only if it parses as an unsigned 64-bit integer, as Go's
        // strconv.ParseUint decides; a longer run of digits compares as a word.
        let leftNumber = lhs.utf8.allSatisfy(isDigit) ? parseDecimal(lhs.utf8) : nil
        let rightNumber = rhs.utf8.allSatisfy(isDigit) ? parseDecimal(rhs.utf8) : nil
        switch (leftNumber, rightNumber) {
        case (nil, nil): return lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? -1 : 1
        case (nil, _): return 1
        case (_, nil): return -1
        case (let l?, let r?): return l > r ? 1 : -1
        }
    }
}
