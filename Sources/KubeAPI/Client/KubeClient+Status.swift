extension KubeClient {
    /// Reads an object through its `status` subresource.
    ///
    /// - Throws: ``KubeAPIError`` (``KubeAPIError/Code/notFound`` also when the kind has no status subresource).
    public func getStatus(_ gvk: GroupVersionKind, _ key: ObjectKey, timeout: Duration? = nil) async throws
        -> KubeObject
    {
        try await get(gvk, key, subresource: "status", timeout: timeout)
    }

    /// Replaces an object's `status`; changes outside `status` are ignored by the server.
    ///
    /// Carries the same resourceVersion precondition as ``update(_:subresource:dryRun:fieldManager:timeout:)``.
    public func updateStatus(_ object: KubeObject, timeout: Duration? = nil) async throws -> KubeObject {
        try await update(object, subresource: "status", timeout: timeout)
    }

    /// Patches an object's `status` subresource.
    public func patchStatus(_ gvk: GroupVersionKind, _ key: ObjectKey, patch: Patch, timeout: Duration? = nil)
        async throws -> KubeObject
    {
        try await self.patch(gvk, key, patch: patch, subresource: "status", timeout: timeout)
    }
}
