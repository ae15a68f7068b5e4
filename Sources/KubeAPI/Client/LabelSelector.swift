/// A label selector: requirements joined by commas, as `kubectl -l` takes and the API's `labelSelector` parameter.
///
/// ```swift
/// let s: LabelSelector = [.equals("app", "web"), .in("tier", ["a", "b"]), .exists("team")]
/// s.description  // "app=web,tier in (a,b),team"
/// ```
public struct LabelSelector: Sendable, Hashable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One requirement on one label.
    public struct Requirement: Sendable, Hashable, CustomStringConvertible {
        private enum Operation: Sendable, Hashable {
            case equals(String), notEquals(String), `in`([String]), notIn([String]), exists, doesNotExist
        }
        /// The label key.
        public let key: String
        private let operation: Operation

        private init(_ key: String, _ operation: Operation) {
            self.key = key
            self.operation = operation
        }

        /// `key=value`.
        public static func equals(_ key: String, _ value: String) -> Requirement { Requirement(key, .equals(value)) }
        /// `key!=value` (also matches objects without the label).
        public static func notEquals(_ key: String, _ value: String) -> Requirement {
            Requirement(key, .notEquals(value))
        }
        /// `key in (v1,v2)`.
        public static func `in`(_ key: String, _ values: [String]) -> Requirement { Requirement(key, .in(values)) }
        /// `key notin (v1,v2)`.
        public static func notIn(_ key: String, _ values: [String]) -> Requirement {
            Requirement(key, .notIn(values))
        }
        /// `key`: the label is present.
        public static func exists(_ key: String) -> Requirement { Requirement(key, .exists) }
        /// `!key`: the label is absent.
        public static func doesNotExist(_ key: String) -> Requirement { Requirement(key, .doesNotExist) }

        /// The requirement in selector syntax; `in`/`notin` values are sorted, as apimachinery prints them.
        public var description: String {
            switch operation {
            case .equals(let v): "\(key)=\(v)"
            case .notEquals(let v): "\(key)!=\(v)"
            case .in(let vs): "\(key) in (\(vs.sorted().joined(separator: ",")))"
            case .notIn(let vs): "\(key) notin (\(vs.sorted().joined(separator: ",")))"
            case .exists: key
            case .doesNotExist: "!\(key)"
            }
        }

        /// Whether a label set satisfies this requirement.
        public func matches(_ labels: [String: String]) -> Bool {
            switch operation {
            case .equals(let v): labels[key] == v
            case .notEquals(let v): labels[key] != v
            case .in(let vs): labels[key].map(vs.contains) ?? false
            case .notIn(let vs): labels[key].map { !vs.contains($0) } ?? true
            case .exists: labels[key] != nil
            case .doesNotExist: labels[key] == nil
            }
        }
    }

    /// The requirements, all of which must hold.
    public var requirements: [Requirement]

    /// Creates a selector from requirements.
    public init(_ requirements: [Requirement]) { self.requirements = requirements }

    /// Creates a selector from requirements.
    public init(arrayLiteral elements: Requirement...) { requirements = elements }

    /// A selector requiring every given label to equal its value, keys sorted for a stable string.
    public init(matchLabels: [String: String]) {
        requirements = matchLabels.sorted { $0.key < $1.key }.map { .equals($0.key, $0.value) }
    }

    /// The selector string for the `labelSelector` query parameter.
    public var description: String { requirements.map(\.description).joined(separator: ",") }

    /// Whether a label set satisfies every requirement.
    public func matches(_ labels: [String: String]) -> Bool { requirements.allSatisfy { $0.matches(labels) } }
}
