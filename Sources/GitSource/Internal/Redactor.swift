/// Removes credentials from text that goes into errors and logs.
///
/// Two passes: any `scheme://user:secret@` in the text becomes `scheme://user:***@`, and every credential value
/// the caller knows (a password, a token) is replaced by `***` wherever it appears, since `git` may echo one in
/// a message of its own.
struct Redactor: Sendable {
    /// Credential values to hide; empty strings and very short ones (which would hide ordinary words) are ignored.
    let secrets: [String]

    init(secrets: [String] = []) {
        self.secrets = secrets.filter { $0.count >= 3 }
    }

    /// `text` with URL passwords and every known secret replaced by `***`.
    func redact(_ text: String) -> String {
        var result = Self.redactURLs(in: text)
        for secret in secrets { result = result.replacingAll(secret, with: "***") }
        return result
    }

    /// `text` with the password of every `scheme://user:password@` replaced by `***`.
    static func redactURLs(in text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let schemeEnd = rest.firstRange(of: "://") {
            output += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            // The authority ends at the first `/`, whitespace or quote; a password is between its first `:` and
            // its last `@`.
            let authorityEnd =
                rest.firstIndex(where: { $0 == "/" || $0.isWhitespace || $0 == "'" || $0 == "\"" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                output += authority[..<colon]
                output += ":***"
                output += authority[at...]
                rest = rest[authorityEnd...]
            }
        }
        output += rest
        return output
    }
}

extension String {
    /// Replaces every occurrence of `target` (non-empty) with `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var output = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            output += rest[..<range.lowerBound]
            output += replacement
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }
}
