import KubeAPI
import Logging

/// Installing the CRDs of a chart's `crds/` directory.
extension ResourceApplier {
    /// Creates the absent CRDs (no ownership metadata: CRDs are not part of the release, as in Helm) and waits
    /// until every one created is `Established`.
    func installAndWaitForCRDs(_ crds: [ReleaseResource], timeout: Duration) async throws {
        try await installAndWaitForCRDs(crds, timeout: timeout, clock: clock)
    }

    /// The body of ``installAndWaitForCRDs(_:timeout:)`` with the clock's concrete type, so instants compare.
    private func installAndWaitForCRDs<C: Clock<Duration>>(
        _ crds: [ReleaseResource], timeout: Duration, clock: C
    ) async throws {
        let deadline = clock.now.advanced(by: timeout)
        var created: [ReleaseResource] = []
        for crd in crds {
            do {
                _ = try await client.get(crd.gvk, crd.key)
                logger.debug("CRD is already present. Skipping", metadata: ["crd": "\(crd.object.name)"])
                continue
            } catch let error as KubeAPIError where error.code == .notFound {
                // Absent: create it below.
            } catch {
                throw ReleaseError.crdFailed(crd, cause: error)
            }
            do {
                _ = try await client.apply(crd.object, fieldManager: fieldManager, force: false)
            } catch {
                throw ReleaseError.crdFailed(crd, cause: error)
            }
            created.append(crd)
        }
        var pending = created.filter { $0.gvk.kind == "CustomResourceDefinition" }
        while !pending.isEmpty {
            var still: [ReleaseResource] = []
            for crd in pending {
                let live: KubeObject
                do {
                    live = try await client.get(crd.gvk, crd.key)
                } catch let error as KubeAPIError where error.code == .notFound {
                    still.append(crd)
                    continue
                } catch {
                    throw ReleaseError.crdFailed(crd, cause: error)
                }
                if !Self.isEstablished(live) { still.append(crd) }
            }
            pending = still
            guard let first = pending.first else { break }
            if clock.now >= deadline { throw ReleaseError.crdTimeout(first, timeout: timeout) }
            // Waiting needs a pause between reads; the clock is injected so tests control it.
            try await clock.sleep(for: pollInterval)
        }
        // The new kinds resolve on first use: a kind missing from the REST mapper's cache triggers discovery.
    }

    /// Whether a CRD is `Established`, or its names were refused (`NamesAccepted` False): Helm's readiness check
    /// stops waiting then too, and the kinds fail later with a clear mapping error.
    static func isEstablished(_ crd: KubeObject) -> Bool {
        for condition in crd["status", "conditions"]?.arrayValue ?? [] {
            let type = condition["type"]?.stringValue
            let status = condition["status"]?.stringValue
            if type == "Established", status == "True" { return true }
            if type == "NamesAccepted", status == "False" { return true }
        }
        return false
    }
}
