import Foundation

/// A Kubernetes label selector (`a=b,c!=d,e in (f,g),h notin (i),j,!k`), which `list -l/--selector` matches
/// against each release's custom labels, as Helm's `labels.Parse` and `Selector.Matches` do.
struct ReleaseLabelSelector: Sendable {
    enum Operator: Sendable { case equals, notEquals, inSet, notInSet, exists, doesNotExist }

    struct Requirement: Sendable {
        var key: String
        var op: Operator
        var values: Set<String>

        func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch op {
            case .equals, .inSet: return value.map(values.contains) ?? false
            case .notEquals, .notInSet: return value.map { !values.contains($0) } ?? true
            case .exists: return value != nil
            case .doesNotExist: return value == nil
            }
        }
    }

    var requirements: [Requirement]

    /// Whether every requirement holds (an empty selector matches everything).
    func matches(_ labels: [String: String]) -> Bool { requirements.allSatisfy { $0.matches(labels) } }

    /// Parses `text`. - Throws: `CLIError` naming the requirement that cannot be read.
    init(parsing text: String) throws {
        requirements = []
        for part in Self.splitRequirements(text) {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            requirements.append(try Self.requirement(item))
        }
    }

    /// Splits at commas that are not inside a `( )` value set.
    private static func splitRequirements(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func requirement(_ item: String) throws -> Requirement {
        func invalid() -> CLIError { CLIError("unable to parse requirement: \"\(item)\": invalid label selector") }
        if item.hasPrefix("!") {
            let key = item.dropFirst().trimmingCharacters(in: .whitespaces)
            guard isKey(key) else { throw invalid() }
            return Requirement(key: key, op: .doesNotExist, values: [])
        }
        for (symbol, op) in [("!=", Operator.notEquals), ("==", .equals), ("=", .equals)] {
            if let range = item.range(of: symbol) {
                let key = item[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                let value = item[range.upperBound...].trimmingCharacters(in: .whitespaces)
                guard isKey(key), !value.contains("=") else { throw invalid() }
                return Requirement(key: key, op: op, values: [value])
            }
        }
        let words = item.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        if words.count == 2 {
            let rest = words[1].trimmingCharacters(in: .whitespaces)
            for (keyword, op) in [("notin", Operator.notInSet), ("in", .inSet)] where rest.hasPrefix(keyword) {
                let set = rest.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
                guard set.hasPrefix("("), set.hasSuffix(")"), isKey(String(words[0])) else { throw invalid() }
                let values = set.dropFirst().dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                return Requirement(key: String(words[0]), op: op, values: Set(values))
            }
            throw invalid()
        }
        guard isKey(item) else { throw invalid() }
        return Requirement(key: item, op: .exists, values: [])
    }

    /// A label key: an optional DNS prefix and `/`, then letters, digits, `-`, `_`, `.`.
    private static func isKey(_ key: String) -> Bool {
        !key.isEmpty && key.count <= 316
            && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }
    }
}
