import HelmEngine
import Foundation

extension ActionConfiguration {
    /// A release's revisions, oldest first, at most `max` of the newest (`helm history --max`).
    /// - Throws: ``ReleaseError/Code/notFound`` when the release has none.
    public func history(name: String, namespace: String, max: Int = 256) async throws -> [Release] {
        guard ReleaseNameValidator.isValid(name) else {
            throw ReleaseError.invalidOperation("release name is invalid: \(name)", release: name)
        }
        let revisions = try await storage.history(name: name, namespace: namespace)
        guard !revisions.isEmpty else { throw ReleaseError.releaseNotFound(name: name, namespace: namespace) }
        return max > 0 ? Array(revisions.suffix(max)) : revisions
    }

    /// One revision of a release (`helm status --revision`); 0 is the latest.
    /// - Throws: ``ReleaseError/Code/notFound``; ``ReleaseError/Code/corruptedRecord`` naming a bad record.
    public func status(name: String, namespace: String, revision: Int = 0) async throws -> Release {
        guard ReleaseNameValidator.isValid(name) else {
            throw ReleaseError.invalidOperation("release name is invalid: \(name)", release: name)
        }
        if revision > 0 {
            return try await storage.get(name: name, version: revision, namespace: namespace)
        }
        return try await storage.last(name: name, namespace: namespace)
    }

    /// Releases as `helm list` shows them: the newest revision of each release whose status `filter` admits,
    /// in one namespace or all (`nil`), sorted by name (or by last deployment with ``ReleaseListFilter/sortByDate``),
    /// then offset and capped.
    /// - Throws: ``ReleaseError/Code/invalidOperation`` for a name filter that is not a valid regular expression.
    public func list(namespace: String?, filter: ReleaseListFilter = ReleaseListFilter()) async throws -> [Release] {
        let pattern: NSRegularExpression?
        if let text = filter.nameRegex, !text.isEmpty {
            do {
                pattern = try NSRegularExpression(pattern: text)
            } catch {
                throw ReleaseError.invalidOperation("invalid filter \"\(text)\": not a regular expression")
            }
        } else {
            pattern = nil
        }
        var releases = try await storage.latestRevisions(namespace: namespace).filter { release in
            guard filter.statuses.contains(release.status) else { return false }
            guard let pattern else { return true }
            let range = NSRange(release.name.startIndex..., in: release.name)
            return pattern.firstMatch(in: release.name, range: range) != nil
        }
        if filter.sortByDate {
            releases.sort { lhs, rhs in
                let (a, b) = (lhs.info?.lastDeployed ?? .zero, rhs.info?.lastDeployed ?? .zero)
                return a == b ? lhs.name < rhs.name : a < b
            }
        } else {
            releases.sort { ($0.name, $0.namespace) < ($1.name, $1.namespace) }
        }
        if filter.reverse { releases.reverse() }
        let start = min(max(filter.offset, 0), releases.count)
        let page = releases[start...]
        return filter.maxCount > 0 ? Array(page.prefix(filter.maxCount)) : Array(page)
    }
}
