import HelmEngine

// Every ReleaseError is built here so messages stay consistent.
extension ReleaseError {
    static func notFound(key: String) -> ReleaseError {
        ReleaseError(code: .notFound, message: "release record \(key) not found", location: key)
    }

    static func releaseNotFound(name: String, namespace: String?) -> ReleaseError {
        ReleaseError(
            code: .notFound,
            message: "release \(name) has no revisions\(namespace.map { " in namespace \($0)" } ?? "")"
        )
    }

    static func alreadyExists(key: String) -> ReleaseError {
        ReleaseError(code: .alreadyExists, message: "release record \(key) already exists", location: key)
    }

    static func invalidKey(_ key: String) -> ReleaseError {
        ReleaseError(
            code: .invalidKey,
            message: "\(key) is not a release record key (expected sh.helm.release.v1.NAME.vREVISION)",
            location: key
        )
    }

    static func corrupted(
        record: String?, _ what: String, path: String? = nil, cause: (any Error & Sendable)? = nil
    ) -> ReleaseError {
        let subject = record.map { "release record \($0)" } ?? "release record"
        return ReleaseError(
            code: .corruptedRecord,
            message: "\(subject) is corrupted: \(what)",
            location: [record, path].compactMap { $0 }.joined(separator: " at ").nilIfEmpty,
            cause: cause
        )
    }

    static func tooLarge(record: String?, limit: Int) -> ReleaseError {
        ReleaseError(
            code: .recordTooLarge,
            message: "release record \(record ?? "") decodes to more than \(limit) bytes; raise "
                + "ReleaseCodec.Configuration.maxDecodedSize if the record is genuine",
            location: record
        )
    }

    static func invalidRelease(_ what: String) -> ReleaseError {
        ReleaseError(code: .invalidRelease, message: what)
    }

    static func noDeployed(name: String) -> ReleaseError {
        ReleaseError(code: .noDeployedRelease, message: "release \(name) has no deployed releases")
    }

    static func locked(release: String, holder: String, until: GoTime) -> ReleaseError {
        ReleaseError(
            code: .locked,
            message: "release \(release) is locked by \(holder) until \(until.rfc3339Nano); "
                + "another operation is in progress",
            location: release
        )
    }

    static func conflict(_ what: String) -> ReleaseError {
        ReleaseError(code: .conflict, message: what)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
