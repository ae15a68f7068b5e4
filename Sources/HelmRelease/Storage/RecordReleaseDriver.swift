public import Logging

/// Helm's Secret and ConfigMap drivers (`storage/driver.Secrets`, `storage/driver.ConfigMaps`) over a
/// ``ReleaseRecordStore``.
///
/// Each revision is one object named `sh.helm.release.v1.NAME.vREVISION` in the release's namespace, holding
/// Helm's encoding of the release (``ReleaseCodec``) and Helm's labels (``ReleaseRecord``). As in Helm, a create
/// labels the object `createdAt` and an update `modifiedAt`; ``get(_:namespace:)`` fails on a corrupted
/// record, while ``list(namespace:labels:)`` skips it with a warning so the release's other revisions stay usable.
public struct RecordReleaseDriver: ReleaseStorageDriver {
    /// Where the objects live.
    public var records: any ReleaseRecordStore
    /// Encodes and decodes record bodies.
    public var codec: ReleaseCodec
    /// The time for `createdAt`/`modifiedAt` labels.
    public var clock: any WallClock
    /// Where skipped records are reported.
    public var logger: Logger

    /// Creates a driver.
    /// - Parameters:
    ///   - records: the object store (its ``ReleaseRecordStore/kind`` picks Secret or ConfigMap).
    ///   - codec: the record codec, with its size limits; default limits by default.
    ///   - clock: the time source; the system clock by default.
    ///   - logger: where to log; by default nowhere.
    public init(
        records: any ReleaseRecordStore, codec: ReleaseCodec = ReleaseCodec(), clock: any WallClock = SystemWallClock(),
        logger: Logger = Logger(label: "fluxhelm.release", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.records = records
        self.codec = codec
        self.clock = clock
        self.logger = logger
    }

    /// `Secret` or `ConfigMap`, as Helm names its drivers.
    public var name: String { records.kind.rawValue }

    /// The decoded revision. - Throws: `.notFound`, or `.corruptedRecord` naming the record.
    public func get(_ key: ReleaseKey, namespace: String) async throws -> Release {
        guard let record = try await records.get(name: key.description, namespace: namespace) else {
            throw ReleaseError.notFound(key: key.description)
        }
        return try record.release(codec: codec)
    }

    /// Decoded revisions whose labels include `labels`; corrupted records are skipped and logged.
    public func list(namespace: String?, labels: [String: String]) async throws -> [Release] {
        var releases: [Release] = []
        for record in try await records.list(namespace: namespace, labels: labels) {
            do {
                releases.append(try record.release(codec: codec))
            } catch {
                logger.warning(
                    "skipping release record that cannot be decoded",
                    metadata: [
                        "k8s.namespace": "\(record.namespace)", "k8s.name": "\(record.name)", "error": "\(error)",
                    ]
                )
            }
        }
        return releases
    }

    /// Creates the revision's object, labelled `createdAt`. - Throws: `.alreadyExists`; nothing is overwritten.
    public func create(_ release: Release) async throws {
        try await records.create(
            ReleaseRecord(release: release, kind: records.kind, isUpdate: false, now: clock.now(), codec: codec)
        )
    }

    /// Replaces the revision's object, labelled `modifiedAt`. - Throws: `.notFound`.
    public func update(_ release: Release) async throws {
        try await records.update(
            ReleaseRecord(release: release, kind: records.kind, isUpdate: true, now: clock.now(), codec: codec)
        )
    }

    /// Deletes the revision's object and returns the revision. - Throws: `.notFound`, or `.corruptedRecord`
    /// (then nothing is deleted, as in Helm, which reads the record first).
    public func delete(_ key: ReleaseKey, namespace: String) async throws -> Release {
        let release = try await get(key, namespace: namespace)
        try await records.delete(name: key.description, namespace: namespace)
        return release
    }
}
