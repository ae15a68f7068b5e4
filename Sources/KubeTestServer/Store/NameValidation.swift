/// Object-name rules of `k8s.io/apimachinery/pkg/util/validation`, with kube's message texts.
enum NameValidation {
    /// Which rule a resource's names follow.
    enum Rule: Sendable {
        /// RFC 1123 subdomain (most resources).
        case subdomain
        /// RFC 1123 label (namespaces).
        case label
        /// RFC 1035 label (services).
        case dns1035
        /// Any path segment (RBAC objects such as `system:controller:x`).
        case pathSegment
    }

    /// The rule kube applies to `resource`'s names.
    static func rule(for resource: ResourceType) -> Rule {
        switch (resource.group, resource.plural) {
        case ("", "namespaces"): .label
        case ("", "services"): .dns1035
        case ("rbac.authorization.k8s.io", _): .pathSegment
        default: .subdomain
        }
    }

    private static let subdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
        + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    private static let labelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and "
        + "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    private static let dns1035Message =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
        + "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for "
        + "validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

    /// The problems with `name` under `rule`, as kube's cause messages (empty when valid).
    static func problems(_ name: String, rule: Rule) -> [String] {
        switch rule {
        case .subdomain:
            var problems: [String] = []
            if name.utf8.count > 253 { problems.append("must be no more than 253 characters") }
            let labelsValid = name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                isLabel($0, firstMayBeDigit: true)
            }
            if !labelsValid { problems.append(subdomainMessage) }
            return problems
        case .label:
            var problems: [String] = []
            if name.utf8.count > 63 { problems.append("must be no more than 63 characters") }
            if !isLabel(Substring(name), firstMayBeDigit: true) { problems.append(labelMessage) }
            return problems
        case .dns1035:
            var problems: [String] = []
            if name.utf8.count > 63 { problems.append("must be no more than 63 characters") }
            if !isLabel(Substring(name), firstMayBeDigit: false) { problems.append(dns1035Message) }
            return problems
        case .pathSegment:
            if name == "." || name == ".." { return ["may not be '\(name)'"] }
            if name.contains("/") { return ["may not contain '/'"] }
            if name.contains("%") { return ["may not contain '%'"] }
            return []
        }
    }

    private static func isLabel(_ text: Substring, firstMayBeDigit: Bool) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        let lowerAlnum: (Character) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        guard firstMayBeDigit ? lowerAlnum(first) : ("a"..."z").contains(first), lowerAlnum(last) else {
            return false
        }
        return text.allSatisfy { lowerAlnum($0) || $0 == "-" }
    }

    /// The 422 Invalid for a bad name, with one cause per problem.
    static func invalidName(_ name: String, resource: ResourceType, problems: [String]) -> APIError {
        let causes = problems.map { problem in
            APIError.Cause(
                reason: "FieldValueInvalid", message: "Invalid value: \"\(name)\": \(problem)", field: "metadata.name")
        }
        return APIError.invalid(kind: resource.kind, group: resource.group, name: name, causes: causes)
    }
}
