/// Where release records live: Kubernetes Secrets, ConfigMaps, or memory (Helm's `storage/driver.Driver`).
///
/// A driver stores one ``Release`` per ``ReleaseKey`` and namespace, and finds records by label equality on the
/// labels Helm gives each record (`name`, `owner=helm`, `status`, `version` and the release's custom labels).
/// Drivers throw ``ReleaseError``: `.notFound`, `.alreadyExists`, `.corruptedRecord`, `.storage`.
public protocol ReleaseStorageDriver: Sendable {
    /// The driver's name as Helm reports it: `Secret`, `ConfigMap` or `Memory`.
    var name: String { get }

    /// The revision stored under `key` in `namespace`.
    /// - Throws: ``ReleaseError/Code/notFound`` if there is none; ``ReleaseError/Code/corruptedRecord`` if the
    ///   record cannot be decoded.
    func get(_ key: ReleaseKey, namespace: String) async throws -> Release

    /// Every revision whose record labels include all of `labels`; `namespace` nil searches all namespaces.
    /// Records that cannot be decoded are skipped (and logged), as Helm's drivers do, so one corrupted record
    /// does not hide a release's other revisions.
    func list(namespace: String?, labels: [String: String]) async throws -> [Release]

    /// Stores a new revision under its ``Release/storageKey`` in its ``Release/namespace``.
    /// - Throws: ``ReleaseError/Code/alreadyExists`` if that record exists; nothing is overwritten.
    func create(_ release: Release) async throws

    /// Replaces a stored revision.
    /// - Throws: ``ReleaseError/Code/notFound`` if the record does not exist.
    func update(_ release: Release) async throws

    /// Deletes a stored revision and returns it.
    /// - Throws: ``ReleaseError/Code/notFound`` if the record does not exist.
    func delete(_ key: ReleaseKey, namespace: String) async throws -> Release
}

extension Release {
    /// The labels Helm's drivers put on this revision's record (without `createdAt`/`modifiedAt`), which
    /// ``ReleaseStorageDriver/list(namespace:labels:)`` matches against.
    public var recordLabels: [String: String] {
        var labels = self.labels
        labels["name"] = name
        labels["owner"] = "helm"
        labels["status"] = status.rawValue
        labels["version"] = String(version)
        return labels
    }
}
