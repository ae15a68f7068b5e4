import Foundation
/// Masterminds/semver v3 constraint checking, as Helm's `IsCompatibleRange` needs it to match
/// declared dependencies to loaded subcharts. An unparsable constraint or version (including
/// the empty constraint) is never compatible.
enum VersionRange {
    struct Version: Comparable {
        var major: UInt64
        var minor: UInt64
        var patch: UInt64
        var prerelease: String

        init?(_ text: String) {
            guard ChartVersionCheck.isValid(text) else { return nil }
            var rest = Substring(text)
            if rest.hasPrefix("v") { rest = rest.dropFirst() }
            if let plus = rest.firstIndex(of: "+") { rest = rest[..<plus] }
            prerelease = ""
            if let dash = rest.firstIndex(of: "-") {
                prerelease = String(rest[rest.index(after: dash)...])
                rest = rest[..<dash]
            }
            let numbers = rest.split(separator: ".").map { UInt64($0) ?? 0 }
            major = numbers[0]
            minor = numbers.count > 1 ? numbers[1] : 0
            patch = numbers.count > 2 ? numbers[2] : 0
        }

        init(_ major: UInt64, _ minor: UInt64, _ patch: UInt64) {
            self.major = major
            self.minor = minor
            self.patch = patch
            self.prerelease = ""
        }

        static func < (lhs: Version, rhs: Version) -> Bool {
            if lhs.major != rhs.major { return lhs.major < rhs.major }
            if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
            if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
            return comparePrerelease(lhs.prerelease, rhs.prerelease) < 0
        }

        static func comparePrerelease(_ a: String, _ b: String) -> Int {
            if a == b { return 0 }
            if a.isEmpty { return 1 }
            if b.isEmpty { return -1 }
            let left = a.split(separator: ".")
            let right = b.split(separator: ".")
            for (x, y) in zip(left, right) where x != y {
                switch (UInt64(x), UInt64(y)) {
                case let (i?, j?): return i < j ? -1 : 1
                case (.some, nil): return -1
                case (nil, .some): return 1
                default: return x < y ? -1 : 1
                }
            }
            return left.count < right.count ? -1 : (left.count > right.count ? 1 : 0)
        }
    }

    /// One `OP VERSION` term; missing or wildcard parts are `nil`.
    private struct Term {
        var op: String
        var major: UInt64?
        var minor: UInt64?
        var patch: UInt64?
        var prerelease: String
        var anyMajor: Bool

        var floor: Version {
            var version = Version(major ?? 0, minor ?? 0, patch ?? 0)
            version.prerelease = prerelease
            return version
        }

        func matches(_ version: Version) -> Bool {
            if !version.prerelease.isEmpty && prerelease.isEmpty { return false }
            if anyMajor { return op != "!=" && op != "<" && op != ">" }
            let low = floor
            // The exclusive upper bound of the wildcard or partial version.
            let high: Version = {
                if minor == nil { return Version((major ?? 0) + 1, 0, 0) }
                if patch == nil { return Version(major ?? 0, (minor ?? 0) + 1, 0) }
                return low
            }()
            let partial = minor == nil || patch == nil
            switch op {
            case "", "=":
                return partial ? (version >= low && version < high) : version == low
            case "!=":
                return partial ? !(version >= low && version < high) : version != low
            case ">":
                return partial ? version >= high : version > low
            case "<":
                return version < low
            case ">=", "=>":
                return version >= low
            case "<=", "=<":
                return partial ? version < high : version <= low
            case "~", "~>":
                let upper = minor == nil ? Version((major ?? 0) + 1, 0, 0) : Version(major ?? 0, (minor ?? 0) + 1, 0)
                return version >= low && version < upper
            case "^":
                let upper: Version
                if (major ?? 0) > 0 || minor == nil {
                    upper = Version((major ?? 0) + 1, 0, 0)
                } else if (minor ?? 0) > 0 || patch == nil {
                    upper = Version(0, (minor ?? 0) + 1, 0)
                } else {
                    upper = Version(0, 0, (patch ?? 0) + 1)
                }
                return version >= low && version < upper
            default:
                return false
            }
        }
    }

    /// Helm's `IsCompatibleRange(constraint, version)`.
    static func isCompatible(constraint: String, version: String) -> Bool {
        guard let parsedVersion = Version(version), let groups = parse(constraint) else { return false }
        return groups.contains { group in group.allSatisfy { $0.matches(parsedVersion) } }
    }

    private static func parse(_ constraint: String) -> [[Term]]? {
        var groups: [[Term]] = []
        for part in constraint.components(separatedBy: "||") {
            var tokens = part.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
            guard !tokens.isEmpty else { return nil }
            var terms: [Term] = []
            var index = 0
            while index < tokens.count {
                var token = tokens[index]
                // A hyphen range: "A - B".
                if index + 2 < tokens.count, tokens[index + 1] == "-" {
                    guard let low = term(">=" + token), let high = term("<=" + tokens[index + 2]) else { return nil }
                    terms += [low, high]
                    index += 3
                    continue
                }
                // An operator written apart from its version: ">= 1.2".
                if token.allSatisfy({ "<>=!~^".contains($0) }), index + 1 < tokens.count {
                    token += tokens[index + 1]
                    index += 1
                }
                guard let parsed = term(token) else { return nil }
                terms.append(parsed)
                index += 1
            }
            tokens.removeAll()
            groups.append(terms)
        }
        return groups
    }

    private static func term(_ text: String) -> Term? {
        var rest = Substring(text)
        var op = ""
        for candidate in ["!=", ">=", "=>", "<=", "=<", "~>", ">", "<", "=", "~", "^"] where rest.hasPrefix(candidate) {
            op = candidate
            rest = rest.dropFirst(candidate.count)
            break
        }
        rest = rest.drop(while: { $0 == " " })
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        if let plus = rest.firstIndex(of: "+") { rest = rest[..<plus] }
        var prerelease = ""
        if let dash = rest.firstIndex(of: "-") {
            prerelease = String(rest[rest.index(after: dash)...])
            guard !prerelease.isEmpty else { return nil }
            rest = rest[..<dash]
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [UInt64?] = []
        for part in parts {
            if part == "x" || part == "X" || part == "*" {
                numbers.append(nil)
            } else if let value = UInt64(part), part.allSatisfy({ $0.isASCII && $0.isNumber }) {
                // A number after a wildcard is ignored, as Masterminds does.
                numbers.append(numbers.contains(where: { $0 == nil }) ? nil : value)
            } else {
                return nil
            }
        }
        while numbers.count < 3 { numbers.append(nil) }
        let anyMajor = numbers[0] == nil
        return Term(
            op: op, major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease: prerelease, anyMajor: anyMajor)
    }
}
