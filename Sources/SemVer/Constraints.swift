/// A version constraint with Masterminds/semver v3 syntax and semantics, as Helm and Sprig's `semverCompare` use.
///
/// Terms are `op version` with `op` one of `=`, `!=`, `>`, `<`, `>=`, `=>`, `<=`, `=<`, `~`, `~>`, `^` or none;
/// versions may use `x`, `X` or `*` wildcards or omit parts (`1.2` means `1.2.x`). Terms separated by whitespace
/// or a comma must all hold; `||` separates alternatives; `A - B` is the range `>= A, <= B`.
///
/// A prerelease version satisfies a `||` branch only if some term of that branch itself names a prerelease
/// (`>=1.2.0-0`), or ``includePrerelease`` is set.
///
/// ```swift
/// let constraints = try Constraints(">= 1.2, < 2.0 || ^3.1")
/// constraints.check(try Version("1.9.9"))   // true
/// constraints.check(try Version("2.0.0"))   // false
/// ```
public struct Constraints: Sendable, CustomStringConvertible {
    /// The longest constraint text accepted, in bytes (4096). Real constraints are far shorter; the cap keeps
    /// the range search cheap on hostile input.
    public static let maximumLength = 4096

    /// The `||` branches, each a list of terms that must all hold.
    let branches: [[Constraint]]
    /// Whether each branch names a prerelease (which lets prerelease versions through for that branch).
    let branchHasPrerelease: [Bool]

    /// Whether prerelease versions may satisfy every branch, not only branches naming a prerelease.
    /// Default `false`, as Masterminds' `IncludePrerelease` (Helm sets it for `--devel`).
    public var includePrerelease: Bool

    /// Parses a constraint as Masterminds' `NewConstraint` does.
    ///
    /// - Parameters:
    ///   - text: The constraint, e.g. `"^1.2"`, `">=1.0.0-0 <2"`, `"1.2 - 1.4.5 || 3.x"`.
    ///   - includePrerelease: Let prerelease versions satisfy every branch (default `false`).
    /// - Throws: ``SemVerError`` `improper constraint: "<branch>"` when a `||` branch is malformed (an empty
    ///   constraint included), `constraint parser error` when a term's version is not a version, or
    ///   ``SemVerError/Code/inputTooLong`` beyond ``maximumLength``.
    public init(_ text: String, includePrerelease: Bool = false) throws(SemVerError) {
        guard text.utf8.count <= Constraints.maximumLength else {
            throw .tooLong(text.utf8.count, limit: Constraints.maximumLength)
        }
        let rewritten = ConstraintScanner.rewriteRanges(text)
        var branches: [[Constraint]] = []
        var hasPrerelease: [Bool] = []
        for part in ConstraintScanner.splitOr(rewritten) {
            var partText = String(part)
            let parsed: Result<[Constraint], SemVerError> = partText.withUTF8 { bytes in
                guard let items = ConstraintScanner.items(bytes) else { return .failure(.improperConstraint(part)) }
                var terms: [Constraint] = []
                for item in items {
                    do throws(SemVerError) {
                        terms.append(try Constraint.parse(bytes, op: item.op, version: item.version))
                    } catch {
                        return .failure(error)
                    }
                }
                return .success(terms)
            }
            let terms = try parsed.get()
            branches.append(terms)
            hasPrerelease.append(terms.contains { $0.version.isPrerelease })
        }
        self.branches = branches
        self.branchHasPrerelease = hasPrerelease
        self.includePrerelease = includePrerelease
    }

    /// Whether `version` satisfies the constraint (Masterminds' `Check`).
    ///
    /// - Parameter version: The version to test.
    /// - Returns: `true` if every term of at least one `||` branch holds.
    public func check(_ version: Version) -> Bool {
        for (index, branch) in branches.enumerated() {
            let include = includePrerelease || branchHasPrerelease[index]
            if branch.allSatisfy({ $0.failure(version, includePrerelease: include) == nil }) { return true }
        }
        return false
    }

    /// The reasons `version` does not satisfy the constraint, as Masterminds' `Validate` reports them.
    ///
    /// - Parameter version: The version to test.
    /// - Returns: An empty array if the version satisfies the constraint; otherwise one
    ///   ``SemVerError/Code/unsatisfied`` error per failing term, in order (the prerelease reason only once),
    ///   with upstream's wording such as `"2.1.0" is greater than "2.0"`.
    public func validate(_ version: Version) -> [SemVerError] {
        var reasons: [SemVerError] = []
        var reportedPrerelease = false
        for (index, branch) in branches.enumerated() {
            let include = includePrerelease || branchHasPrerelease[index]
            var satisfied = true
            for term in branch {
                if !include && version.isPrerelease {
                    if !reportedPrerelease {
                        reasons.append(.unsatisfied(Constraint.prereleaseReason(version)))
                        reportedPrerelease = true
                    }
                    satisfied = false
                } else if let reason = term.failure(version, includePrerelease: include) {
                    reasons.append(.unsatisfied(reason))
                    satisfied = false
                }
            }
            if satisfied { return [] }
        }
        return reasons
    }

    /// The constraint in Masterminds' `String()` form: terms joined by a space, branches by ` || `
    /// (hyphen ranges appear rewritten, `1 - 2` as `>=1 <=2`).
    public var description: String {
        branches.map { branch in branch.map(\.description).joined(separator: " ") }.joined(separator: " || ")
    }
}
