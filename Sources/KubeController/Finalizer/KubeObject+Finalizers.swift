public import KubeAPI

/// Finalizer helpers on an object value (controller-runtime's `controllerutil.AddFinalizer`,
/// `RemoveFinalizer` and `ContainsFinalizer`). They change only the local copy; write it with
/// ``KubeAPI/KubeClient/addFinalizer(_:to:timeout:)`` and friends.
extension KubeObject {
    /// Whether `metadata.finalizers` contains `finalizer`.
    public func hasFinalizer(_ finalizer: String) -> Bool { finalizers.contains(finalizer) }

    /// Appends `finalizer` unless present.
    ///
    /// - Returns: whether the list changed.
    @discardableResult
    public mutating func addFinalizer(_ finalizer: String) -> Bool {
        guard !finalizers.contains(finalizer) else { return false }
        finalizers.append(finalizer)
        return true
    }

    /// Removes every occurrence of `finalizer`.
    ///
    /// - Returns: whether the list changed.
    @discardableResult
    public mutating func removeFinalizer(_ finalizer: String) -> Bool {
        let before = finalizers
        finalizers = before.filter { $0 != finalizer }
        return finalizers.count != before.count
    }

    /// Whether deletion has begun (`metadata.deletionTimestamp` is set).
    public var isBeingDeleted: Bool { deletionTimestamp != nil }
}
