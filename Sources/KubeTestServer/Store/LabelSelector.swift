import Foundation

/// A parsed label selector (`a=b,c!=d,e in (x,y),f notin (z),g,!h`), matched like `labels.Selector`.
struct LabelSelector: Sendable, Equatable {
    /// One requirement of the selector.
    enum Requirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case `in`(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
    }

    /// All requirements; an object matches when it meets every one.
    var requirements: [Requirement]

    /// The selector that matches everything.
    static let everything = LabelSelector(requirements: [])

    /// Whether `labels` satisfy every requirement.
    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): labels[key] == value
            case .notEquals(let key, let value): labels[key] != value
            case .in(let key, let values): labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): labels[key].map { !values.contains($0) } ?? true
            case .exists(let key): labels[key] != nil
            case .doesNotExist(let key): labels[key] == nil
            }
        }
    }

    /// Parses kube's selector syntax; a malformed selector throws a 400 like kube's `unable to parse requirement`.
    static func parse(_ text: String) throws(APIError) -> LabelSelector {
        var requirements: [Requirement] = []
        for part in splitTopLevel(text) {
            let clause = part.trimmingSpaces()
            if clause.isEmpty { continue }
            requirements.append(try parseRequirement(clause, in: text))
        }
        return LabelSelector(requirements: requirements)
    }

    /// Splits at commas that are not inside parentheses.
    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1; current.append(character)
            case ")": depth -= 1; current.append(character)
            case "," where depth == 0: parts.append(current); current = ""
            default: current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func parseRequirement(_ clause: String, in text: String) throws(APIError) -> Requirement {
        func fail(_ why: String) -> APIError {
            .badRequest("unable to parse requirement: \(why)")
        }
        if clause.hasPrefix("!") {
            let key = String(clause.dropFirst()).trimmingSpaces()
            try validateKey(key, fail: fail)
            return .doesNotExist(key)
        }
        if let range = clause.range(of: "!=") {
            let key = String(clause[..<range.lowerBound]).trimmingSpaces()
            let value = String(clause[range.upperBound...]).trimmingSpaces()
            try validateKey(key, fail: fail)
            return .notEquals(key, value)
        }
        if let range = clause.range(of: "==") ?? clause.range(of: "=") {
            let key = String(clause[..<range.lowerBound]).trimmingSpaces()
            let value = String(clause[range.upperBound...]).trimmingSpaces()
            try validateKey(key, fail: fail)
            return .equals(key, value)
        }
        let words = clause.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2 {
            let key = words[0]
            let rest = words[1].trimmingSpaces()
            let isNotIn = rest.hasPrefix("notin")
            let isIn = rest.hasPrefix("in")
            guard isIn || isNotIn else { throw fail("found '\(rest)', expected: in, notin, =, ==, !=, gt, lt") }
            let list = rest.dropFirst(isNotIn ? 5 : 2).trimmingSpaces()
            guard list.hasPrefix("("), list.hasSuffix(")") else { throw fail("found '\(list)', expected: '('") }
            let values = Set(list.dropFirst().dropLast().split(separator: ",").map { String($0).trimmingSpaces() })
            try validateKey(key, fail: fail)
            return isNotIn ? .notIn(key, values) : .in(key, values)
        }
        try validateKey(clause, fail: fail)
        return .exists(clause)
    }

    private static func validateKey(_ key: String, fail: (String) -> APIError) throws(APIError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
        guard !key.isEmpty, key.count <= 316, key.allSatisfy(allowed.contains) else {
            throw fail("invalid label key \"\(key)\"")
        }
    }
}

/// A parsed field selector: `metadata.name=x,metadata.namespace!=y`.
struct FieldSelector: Sendable, Equatable {
    /// One `field=value` or `field!=value` term.
    struct Term: Sendable, Equatable {
        var field: String
        var value: String
        var negated: Bool
    }

    /// All terms; an object matches when it meets every one.
    var terms: [Term]

    /// Parses the selector, rejecting fields the resource does not support, as kube does
    /// (`field label not supported: x`).
    static func parse(_ text: String, resource: ResourceType) throws(APIError) -> FieldSelector {
        var terms: [Term] = []
        for rawPart in text.split(separator: ",") {
            let part = String(rawPart).trimmingSpaces()
            if part.isEmpty { continue }
            let split: (field: String, value: String, negated: Bool)
            if let range = part.range(of: "!=") {
                split = (String(part[..<range.lowerBound]), String(part[range.upperBound...]), true)
            } else if let range = part.range(of: "==") ?? part.range(of: "=") {
                split = (String(part[..<range.lowerBound]), String(part[range.upperBound...]), false)
            } else {
                throw APIError.badRequest("invalid selector: '\(text)'; can't understand '\(part)'")
            }
            let (field, value, negated) = split
            let name = field.trimmingSpaces()
            let supported = ["metadata.name", "metadata.namespace"] + resource.extraFieldLabels
            guard supported.contains(name) else {
                throw APIError.badRequest("field label not supported: \(name)")
            }
            terms.append(Term(field: name, value: value.trimmingSpaces(), negated: negated))
        }
        return FieldSelector(terms: terms)
    }

    /// Whether `object` satisfies every term (a missing field compares as the empty string).
    func matches(_ object: JSONValue) -> Bool {
        terms.allSatisfy { term in
            let actual = object[path: term.field.split(separator: ".").map(String.init)]?.stringValue ?? ""
            return (actual == term.value) != term.negated
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
