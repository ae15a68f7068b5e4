import Foundation

/// URL handling as Helm's `repo.ResolveReferenceURL`: an absolute reference is used as is; a relative one
/// resolves against the repository URL treated as a directory (a trailing `/` is added), and the repository
/// URL's query string is kept.
enum URLResolution {
    static func resolve(_ reference: String, against base: String) throws(RepoError) -> String {
        if let ref = URLComponents(string: reference), ref.scheme != nil { return reference }
        guard var baseComponents = URLComponents(string: base), let scheme = baseComponents.scheme,
            ["http", "https"].contains(scheme.lowercased()), baseComponents.host?.isEmpty == false
        else {
            throw .invalidURL(base, "expected an http:// or https:// URL")
        }
        let query = baseComponents.percentEncodedQuery
        baseComponents.percentEncodedQuery = nil
        baseComponents.fragment = nil
        if !baseComponents.percentEncodedPath.hasSuffix("/") { baseComponents.percentEncodedPath += "/" }
        guard let baseURL = baseComponents.url, let resolved = URL(string: reference, relativeTo: baseURL),
            var result = URLComponents(url: resolved.absoluteURL, resolvingAgainstBaseURL: false)
        else {
            throw .invalidURL(reference, "cannot resolve against \(base)")
        }
        result.percentEncodedQuery = query
        guard let text = result.string else { throw .invalidURL(reference, "cannot resolve against \(base)") }
        return text
    }

    /// `scheme://host:port` with the default port filled in, for deciding where credentials may go.
    static func origin(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased()
        else { return nil }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(host):\(port)"
    }
}
