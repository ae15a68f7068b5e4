import KubeAPI
import Logging

/// Writing single objects, and running one operation over many objects the way Helm does: objects of one kind at
/// once, kinds one after another.
extension ResourceApplier {
    /// What happened to one object of an upgrade.
    enum WriteOutcome: Sendable {
        case created
        case updated
    }

    /// Server-side applies one object with ownership metadata (a `generateName` object is created instead, since
    /// apply needs a name).
    ///
    /// - Throws: the KubeAPIError of the call, unwrapped, so callers can decide by its code.
    func write(
        _ resource: ReleaseResource, forceConflicts: Bool, ownershipMetadata: Bool = true
    ) async throws(KubeAPIError) -> KubeObject {
        let object = ownershipMetadata ? withOwnership(resource.object) : resource.object
        do {
            if object.name.isEmpty {
                return try await client.create(object, fieldManager: fieldManager)
            }
            return try await client.apply(object, fieldManager: fieldManager, force: forceConflicts)
        } catch let error as KubeAPIError {
            throw error
        } catch {
            throw KubeAPIError(code: .transport, message: "\(error)", cause: error)
        }
    }

    /// Runs `operation` for every resource: consecutive resources of one kind concurrently (at most
    /// ``maxConcurrentWrites`` at a time), kinds in order, as Helm's `batchPerform` does. Results keep input order.
    func perform<T: Sendable>(
        _ resources: [ReleaseResource],
        _ operation: @escaping @Sendable (ReleaseResource) async -> Result<T, ReleaseError>
    ) async -> [Result<T, ReleaseError>] {
        var results: [Result<T, ReleaseError>?] = Array(repeating: nil, count: resources.count)
        var start = 0
        let width = max(1, maxConcurrentWrites)
        while start < resources.count {
            var end = start + 1
            while end < resources.count, resources[end].gvk.kind == resources[start].gvk.kind { end += 1 }
            if end - start == 1 {
                results[start] = await operation(resources[start])
            } else {
                await withTaskGroup(of: (Int, Result<T, ReleaseError>).self) { group in
                    var next = start
                    func launch() {
                        let index = next
                        let resource = resources[index]
                        group.addTask { (index, await operation(resource)) }
                        next += 1
                    }
                    while next < end && next - start < width { launch() }
                    for await (index, result) in group {
                        results[index] = result
                        if next < end { launch() }
                    }
                }
            }
            start = end
        }
        return results.map { $0 ?? .failure(ReleaseError(code: .resourceFailed, message: "operation did not run")) }
    }

    /// Deletes one object and, once it is gone, applies it again: Helm's `--force` for an object whose change the
    /// cluster refuses (an immutable field).
    ///
    /// - Throws: ``ReleaseError`` ``ReleaseError/Code/resourceFailed`` when the delete or the re-create fails, or
    ///   when finalizers keep the old object.
    func replace(_ resource: ReleaseResource, forceConflicts: Bool) async throws(ReleaseError) {
        logger.debug(
            "replacing object the cluster refused to patch",
            metadata: ["object": "\(resource.identity)", "release": "\(releaseName)"])
        do {
            let remaining = try await client.delete(
                resource.gvk, resource.key, options: DeleteOptions(propagationPolicy: .background))
            if let remaining {
                throw ReleaseError.replaceBlocked(resource, finalizers: remaining.finalizers)
            }
        } catch let error as KubeAPIError where error.code == .notFound {
            // Gone already: create it below.
        } catch let error as ReleaseError {
            throw error
        } catch {
            throw ReleaseError.deleteFailed(resource, cause: error)
        }
        do {
            _ = try await write(resource, forceConflicts: forceConflicts)
        } catch {
            throw ReleaseError.replaceFailed(resource, cause: error)
        }
    }
}
