/// Helm's release name and label rules (`chartutil.ValidateReleaseName`, `driver.ContainsSystemLabels`).
enum ReleaseNameValidator {
    /// Longest release name: 63 (a DNS label) minus room for suffixes charts append.
    static let maxLength = 53
    /// Labels the storage drivers set themselves; a user label may not use them.
    static let systemLabels = ["name", "owner", "status", "version", "createdAt", "modifiedAt"]

    /// Whether `name` is a valid release name: DNS-1123 subdomain segments of lowercase letters, digits and `-`
    /// (not at either end), separated by dots, at most 53 bytes.
    static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maxLength else { return false }
        for segment in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard let first = segment.first, let last = segment.last else { return false }
            guard isAlphanumeric(first), isAlphanumeric(last) else { return false }
            guard segment.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else { return false }
        }
        return true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Throws Helm's error for an invalid name, prefixed as the action prefixes it.
    static func validate(_ name: String, prefix: String) throws {
        if name.isEmpty {
            throw ReleaseError.invalidOperation("\(prefix)no name provided")
        }
        guard isValid(name) else {
            throw ReleaseError.invalidOperation(
                "\(prefix)invalid release name, must match regex "
                    + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be "
                    + "longer than 53", release: name)
        }
    }

    /// Throws when user labels use a label the drivers reserve.
    static func validateLabels(_ labels: [String: String]) throws {
        guard labels.keys.contains(where: systemLabels.contains) else { return }
        throw ReleaseError.invalidOperation(
            "user supplied labels contains system reserved label name. System labels: ["
                + systemLabels.joined(separator: " ") + "]"
        )
    }
}
