public import KubeAPI

/// Adds and removes one finalizer on the server without clobbering finalizers other controllers add at the same
/// time.
///
/// Each write is a merge patch of `metadata.finalizers` that carries the `resourceVersion` it was computed from
/// (controller-runtime's `MergeFromWithOptimisticLock`): if anything changed the object meanwhile, the API answers
/// Conflict, and the helper reads the object again and recomputes the list, up to ``finalizerConflictRetries``
/// times.
extension KubeClient {
    /// How many times a finalizer write is recomputed after a Conflict.
    public static var finalizerConflictRetries: Int { 5 }

    /// Makes sure `finalizer` is on the object.
    ///
    /// - Parameters:
    ///   - finalizer: the finalizer, e.g. `finalizers.fluxcd.io`.
    ///   - object: the object as last read (its kind, key and resourceVersion are used).
    ///   - timeout: the limit for each call. Default: the client's.
    /// - Returns: the object as stored afterwards (unchanged, without a write, when it already had it).
    /// - Throws: ``KubeAPIError`` (``KubeAPIError/Code/notFound`` when the object is gone).
    public func addFinalizer(_ finalizer: String, to object: KubeObject, timeout: Duration? = nil) async throws
        -> KubeObject
    {
        try await updateFinalizers(of: object, timeout: timeout) { $0.addFinalizer(finalizer) }
    }

    /// Makes sure `finalizer` is not on the object.
    ///
    /// - Parameters:
    ///   - finalizer: the finalizer to remove.
    ///   - object: the object as last read.
    ///   - timeout: the limit for each call. Default: the client's.
    /// - Returns: the object as stored afterwards; `nil` when removing the last finalizer let the API delete it.
    /// - Throws: ``KubeAPIError``; a missing object is not an error (there is nothing to remove).
    @discardableResult
    public func removeFinalizer(_ finalizer: String, from object: KubeObject, timeout: Duration? = nil) async throws
        -> KubeObject?
    {
        do {
            return try await updateFinalizers(of: object, timeout: timeout) { $0.removeFinalizer(finalizer) }
        } catch let error as KubeAPIError where error.code == .notFound {
            return nil
        }
    }

    private func updateFinalizers(
        of object: KubeObject, timeout: Duration?, _ change: (inout KubeObject) -> Bool
    ) async throws -> KubeObject {
        var current = object
        var attempt = 0
        while true {
            var changed = current
            guard change(&changed) else { return current }
            let finalizers: JSONValue = .array(changed.finalizers.map { .string($0) })
            var body: JSONValue = ["metadata": ["finalizers": finalizers]]
            if !current.resourceVersion.isEmpty {
                body["metadata", "resourceVersion"] = .string(current.resourceVersion)
            }
            do {
                return try await patch(
                    current.groupVersionKind, current.key, patch: .merge(body), timeout: timeout)
            } catch let error as KubeAPIError where error.code == .conflict && attempt < Self.finalizerConflictRetries {
                attempt += 1
                current = try await get(current.groupVersionKind, current.key, timeout: timeout)
            }
        }
    }
}
