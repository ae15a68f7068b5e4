import HelmEngine
import Logging

extension ActionConfiguration {
    /// Runs a release's tests (`helm.sh/hook: test` hooks), as `helm test` does, and records their last runs in
    /// the release.
    ///
    /// ``TestOptions/filter`` entries `name=NAME` (or a bare `NAME`) run only those tests, `!name=NAME` skip them.
    /// The release's status and description are not changed.
    /// - Returns: the release with each test's `last_run`.
    /// - Throws: ``ReleaseError``: `.notFound`, `.locked`, or the first failing test (`.hookFailed`, `.timeout`),
    ///   after the release with the failed run is recorded.
    public func test(name: String, namespace: String, _ options: TestOptions) async throws -> Release {
        guard ReleaseNameValidator.isValid(name) else {
            throw ReleaseError.invalidOperation("releaseTest: Release name is invalid: \(name)", release: name)
        }
        return try await withReleaseLock(name: name, namespace: namespace) { _ in
            var release = try await self.storage.last(name: name, namespace: namespace)
            let (include, exclude) = Self.testFilters(options.filter)
            // Tests that are filtered out are set aside while the others run, then put back in their place.
            let all = release.hooks
            let selected = all.indices.filter { index in
                let hook = all[index]
                guard hook.events.contains(.test) else { return false }
                if !include.isEmpty { return include.contains(hook.name) }
                return !exclude.contains(hook.name)
            }
            release.hooks = selected.map { all[$0] }
            var failure: (any Error)?
            do {
                try await HookRunner(configuration: self).run(.test, on: &release, timeout: options.timeout)
            } catch {
                failure = error
            }
            var hooks = all
            for (position, index) in selected.enumerated() { hooks[index] = release.hooks[position] }
            release.hooks = hooks
            try await self.storage.update(release)
            if let failure {
                throw ReleaseError.operationFailed(ReleaseError.text(of: failure), release: name, cause: failure)
            }
            return release
        }
    }

    /// `name=X` / `X` entries to run, `!name=X` entries to skip.
    static func testFilters(_ filters: [String]) -> (include: Set<String>, exclude: Set<String>) {
        var include = Set<String>()
        var exclude = Set<String>()
        for filter in filters {
            if filter.hasPrefix("!") {
                let body = filter.dropFirst()
                exclude.insert(String(body.hasPrefix("name=") ? body.dropFirst(5) : body))
            } else {
                include.insert(String(filter.hasPrefix("name=") ? filter.dropFirst(5) : Substring(filter)))
            }
        }
        return (include, exclude)
    }
}
