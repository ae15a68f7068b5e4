public import KubeAPI
import Logging

/// Deleting a release's objects: on upgrade (what the chart no longer renders) and on uninstall.
extension ResourceApplier {
    /// Uninstall without throwing: deletes in the given order and returns what it deleted and kept together with
    /// every error (each naming its object), so a caller can report partial progress.
    ///
    /// An object whose rendered `helm.sh/resource-policy` is `keep` (case and surrounding space ignored) is kept.
    /// As in Helm's uninstall, an object with that annotation set to any other value is left alone too, and not
    /// reported as kept. Objects already gone count neither as deleted nor as errors.
    public func deleteReporting(
        _ resources: [ReleaseResource], propagation: DeleteOptions.PropagationPolicy = .background
    ) async -> (changes: ResourceChanges, errors: [ReleaseError]) {
        var changes = ResourceChanges()
        var toDelete: [ReleaseResource] = []
        for resource in resources {
            guard let policy = resource.object.annotations[Self.resourcePolicyAnnotation] else {
                toDelete.append(resource)
                continue
            }
            if policy.trimmingSpace().lowercased() == "keep" {
                changes.kept.append(resource)
            } else {
                logger.debug(
                    "not deleting object with an unknown resource policy",
                    metadata: ["object": "\(resource.identity)", "policy": "\(policy)"])
            }
        }
        let options = DeleteOptions(propagationPolicy: propagation)
        let results = await perform(toDelete) { resource -> Result<Bool, ReleaseError> in
            do {
                try await client.delete(resource.gvk, resource.key, options: options)
                return .success(true)
            } catch let error as KubeAPIError where error.code == .notFound {
                return .success(false)
            } catch {
                return .failure(ReleaseError.deleteFailed(resource, cause: error))
            }
        }
        var errors: [ReleaseError] = []
        for (resource, result) in zip(toDelete, results) {
            switch result {
            case .success(true): changes.deleted.append(resource)
            case .success(false): break
            case .failure(let error): errors.append(error)
            }
        }
        logger.debug(
            "deleted release objects",
            metadata: [
                "release": "\(releaseName)", "deleted": "\(changes.deleted.count)", "kept": "\(changes.kept.count)",
                "errors": "\(errors.count)",
            ])
        return (changes, errors)
    }

    /// Deletes an object an upgrade no longer renders, unless the live object says
    /// `helm.sh/resource-policy: keep` (Helm reads the live annotation here, exactly `keep`).
    ///
    /// - Returns: `true` when deleted, `false` when kept, `nil` when it was already gone.
    func removeStale(_ resource: ReleaseResource) async -> Result<Bool?, ReleaseError> {
        let live: KubeObject
        do {
            live = try await client.get(resource.gvk, resource.key)
        } catch let error as KubeAPIError where error.code == .notFound {
            return .success(nil)
        } catch {
            return .failure(ReleaseError.unreadable(resource, operation: "update", cause: error))
        }
        if live.annotations[Self.resourcePolicyAnnotation] == "keep" {
            logger.debug("keeping object because of its resource policy", metadata: ["object": "\(resource.identity)"])
            return .success(false)
        }
        do {
            try await client.delete(resource.gvk, resource.key, options: DeleteOptions(propagationPolicy: .background))
            return .success(true)
        } catch let error as KubeAPIError where error.code == .notFound {
            return .success(nil)
        } catch {
            return .failure(ReleaseError.staleDeleteFailed(resource, cause: error))
        }
    }
}

extension String {
    /// Without leading and trailing white space (Go's `strings.TrimSpace` for ASCII space).
    func trimmingSpace() -> String {
        let isSpace: (Character) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}"
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
