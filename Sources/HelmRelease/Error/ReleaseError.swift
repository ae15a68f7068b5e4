/// The error every HelmRelease API throws.
///
/// A `ReleaseError` has a ``code`` from a small closed set, a ``message`` that names the record, field or
/// release involved, an optional ``location`` (a record key or a JSON path) and the underlying ``cause``.
/// Errors compare equal by code alone, so callers match them with `==` against the static members of
/// ``Code`` or with `error.code == .notFound`.
public struct ReleaseError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notFound = "not_found"
            case alreadyExists = "already_exists"
            case invalidKey = "invalid_key"
            case corruptedRecord = "corrupted_record"
            case recordTooLarge = "record_too_large"
            case invalidRelease = "invalid_release"
            case noDeployedRelease = "no_deployed_release"
            case locked = "locked"
            case conflict = "conflict"
            case storage = "storage"
            case invalidManifest = "invalid_manifest"
            case resourceConflict = "resource_conflict"
            case resourceFailed = "resource_failed"
            case invalidOperation = "invalid_operation"
            case timeout = "timeout"
            case failed = "failed"
            case hookFailed = "hook_failed"
            case kubernetes = "kubernetes"
            case renderFailed = "render_failed"
            case operationFailed = "operation_failed"
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// No record with that key, or no revision of that release, exists.
        public static let notFound = Code(.notFound)
        /// A record with that key exists already (Helm's `ErrReleaseExists`).
        public static let alreadyExists = Code(.alreadyExists)
        /// A record key is not of the form `sh.helm.release.v1.NAME.vREVISION` (Helm's `ErrInvalidKey`).
        public static let invalidKey = Code(.invalidKey)
        /// A stored record is not valid base64, gzip or JSON, or a field has the wrong type.
        public static let corruptedRecord = Code(.corruptedRecord)
        /// A stored record is larger than the configured limit once decoded.
        public static let recordTooLarge = Code(.recordTooLarge)
        /// A release cannot be stored as given (for example an empty name or a negative revision).
        public static let invalidRelease = Code(.invalidRelease)
        /// The release has no `deployed` revision (Helm's `ErrNoDeployedReleases`).
        public static let noDeployedRelease = Code(.noDeployedRelease)
        /// Another live operation holds the release's lock.
        public static let locked = Code(.locked)
        /// A write lost a race with another writer (stale resource version).
        public static let conflict = Code(.conflict)
        /// The storage backend failed (API server error, I/O error).
        public static let storage = Code(.storage)
        /// A rendered manifest cannot be turned into objects: bad YAML, a missing kind, or a kind the cluster does
        /// not serve (Helm's `resource mapping not found`).
        public static let invalidManifest = Code(.invalidManifest)
        /// An object the release would write exists and belongs to something else (Helm's ownership checks).
        public static let resourceConflict = Code(.resourceConflict)
        /// The cluster refused a write or delete of one of the release's objects; the cause is the KubeAPIError.
        public static let resourceFailed = Code(.resourceFailed)
        /// The options ask for something that cannot be done (e.g. force replace together with force conflicts).
        public static let invalidOperation = Code(.invalidOperation)
        /// Something did not happen in time (a CRD not established, a resource not ready, a wait or hook).
        public static let timeout = Code(.timeout)
        /// A release resource reached a terminal failure while being waited for (a failed Job or Pod, a Deployment
        /// past its progress deadline, a CRD whose names were rejected).
        public static let failed = Code(.failed)
        /// A hook resource (Job or Pod) failed.
        public static let hookFailed = Code(.hookFailed)
        /// The Kubernetes API refused or failed a call that the operation cannot do without.
        public static let kubernetes = Code(.kubernetes)
        /// The chart could not be rendered (values, schema or a template failed); nothing was written.
        public static let renderFailed = Code(.renderFailed)
        /// An install, upgrade, rollback, uninstall or test failed; the cause says why.
        public static let operationFailed = Code(.operationFailed)

        /// A short fixed string for logs and metric labels, such as `corrupted_record`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What failed, naming the record, release or field, and how to fix it when that is known.
    public var message: String
    /// The record key or JSON path the error refers to, when one applies.
    public var location: String?
    /// The underlying error, if any.
    public var cause: (any Error & Sendable)?

    /// Creates an error; prefer the factory functions in `ReleaseError+Factories.swift`.
    public init(code: Code, message: String, location: String? = nil, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.cause = cause
    }

    /// One line: code, location and message.
    public var description: String {
        var text = "\(code): "
        if let location { text += "\(location): " }
        text += message
        return text
    }

    /// A multi-line form that includes the cause chain.
    public func detailedDescription() -> String {
        var lines = ["ReleaseError: \(code)", "  message: \(message)"]
        if let location { lines.append("  location: \(location)") }
        if let cause { lines.append("  cause: \(cause)") }
        return lines.joined(separator: "\n")
    }
}

extension ReleaseError: Equatable {
    /// Errors compare equal by code alone.
    public static func == (lhs: ReleaseError, rhs: ReleaseError) -> Bool { lhs.code == rhs.code }
}
