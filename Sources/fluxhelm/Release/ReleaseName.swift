/// Helm's release name rule (`chartutil.ValidateReleaseName`): a DNS-1123 subdomain of at most 53 characters.
enum ReleaseName {
    static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 53 else { return false }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard let first = label.first, let last = label.last,
                isLowerAlphanumeric(first), isLowerAlphanumeric(last),
                label.allSatisfy({ isLowerAlphanumeric($0) || $0 == "-" })
            else { return false }
        }
        return true
    }

    private static func isLowerAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber)
    }
}
