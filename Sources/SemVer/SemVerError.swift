/// An error from parsing a version or a constraint, or from checking a version against a constraint.
///
/// `message` is the exact text Masterminds/semver v3 (as bundled with Helm 4) gives for the same failure, so
/// template functions such as Sprig's `semverCompare` can print it unchanged. Errors compare equal by `code`.
public struct SemVerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; switch with a `default` case.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: Sendable, Hashable {
            case invalidVersion, emptyString, invalidCharacters, segmentStartsZero, invalidPrerelease
            case invalidMetadata, segmentOutOfRange, invalidSegment, improperConstraint, constraintParser
            case unsatisfied, overflow, inputTooLong
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The text does not have the shape of a semantic version (`invalid semantic version`).
        public static let invalidVersion = Code(.invalidVersion)
        /// A strict parse was given an empty string (`version string empty`).
        public static let emptyString = Code(.emptyString)
        /// A strict parse found a non-digit in a number segment (`invalid characters in version`).
        public static let invalidCharacters = Code(.invalidCharacters)
        /// A numeric segment or prerelease identifier has a leading zero (`version segment starts with 0`).
        public static let segmentStartsZero = Code(.segmentStartsZero)
        /// The prerelease has an empty or invalid identifier (`invalid prerelease string`).
        public static let invalidPrerelease = Code(.invalidPrerelease)
        /// The build metadata has an empty or invalid identifier (`invalid metadata string`).
        public static let invalidMetadata = Code(.invalidMetadata)
        /// A number segment does not fit in 64 bits.
        public static let segmentOutOfRange = Code(.segmentOutOfRange)
        /// A strict parse found an empty number segment (`1..2`).
        public static let invalidSegment = Code(.invalidSegment)
        /// A constraint does not have the shape of a constraint (`improper constraint: "..."`).
        public static let improperConstraint = Code(.improperConstraint)
        /// A constraint looked right but its version part is not a version (`constraint parser error`).
        public static let constraintParser = Code(.constraintParser)
        /// A version does not satisfy a constraint (one reason from `Constraints.validate`).
        public static let unsatisfied = Code(.unsatisfied)
        /// Incrementing a segment would overflow `UInt64`.
        public static let overflow = Code(.overflow)
        /// The input is longer than this module accepts (``Constraints/maximumLength``).
        public static let inputTooLong = Code(.inputTooLong)

        /// A short fixed string for metric labels and logs.
        public var description: String {
            switch kind {
            case .invalidVersion: "invalid_version"
            case .emptyString: "empty_string"
            case .invalidCharacters: "invalid_characters"
            case .segmentStartsZero: "segment_starts_zero"
            case .invalidPrerelease: "invalid_prerelease"
            case .invalidMetadata: "invalid_metadata"
            case .segmentOutOfRange: "segment_out_of_range"
            case .invalidSegment: "invalid_segment"
            case .improperConstraint: "improper_constraint"
            case .constraintParser: "constraint_parser"
            case .unsatisfied: "unsatisfied"
            case .overflow: "overflow"
            case .inputTooLong: "input_too_long"
            }
        }
    }

    /// What kind of failure this is.
    public let code: Code
    /// The message Masterminds/semver gives for this failure, naming the version or constraint text.
    public let message: String

    /// Creates an error with a code and the message to show.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message, as Go's `err.Error()` would print it.
    public var description: String { message }

    /// Errors compare equal by code alone.
    public static func == (lhs: SemVerError, rhs: SemVerError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

// MARK: - Factories (one place for every message)

extension SemVerError {
    static let invalidVersion = SemVerError(code: .invalidVersion, message: "invalid semantic version")
    static let emptyString = SemVerError(code: .emptyString, message: "version string empty")
    static let invalidCharacters = SemVerError(code: .invalidCharacters, message: "invalid characters in version")
    static let segmentStartsZero = SemVerError(code: .segmentStartsZero, message: "version segment starts with 0")
    static let invalidPrerelease = SemVerError(code: .invalidPrerelease, message: "invalid prerelease string")
    static let invalidMetadata = SemVerError(code: .invalidMetadata, message: "invalid metadata string")
    static let constraintParser = SemVerError(code: .constraintParser, message: "constraint parser error")

    /// Go's `strconv.ParseUint` error for a number that does not fit, optionally wrapped as `NewVersion` does.
    static func outOfRange(_ digits: Substring, wrapped: Bool) -> SemVerError {
        let inner = "strconv.ParseUint: parsing \(goQuote(digits)): value out of range"
        return SemVerError(
            code: .segmentOutOfRange,
            message: wrapped ? "error parsing version segment: \(inner)" : inner
        )
    }

    /// Go's `strconv.ParseUint` error for an empty segment (only a strict parse can reach it).
    static func invalidSyntax(_ digits: Substring) -> SemVerError {
        SemVerError(
            code: .invalidSegment,
            message: "strconv.ParseUint: parsing \(goQuote(digits)): invalid syntax"
        )
    }

    static func improperConstraint(_ text: Substring) -> SemVerError {
        SemVerError(code: .improperConstraint, message: "improper constraint: \(goQuote(text))")
    }

    static func overflow(_ segment: String) -> SemVerError {
        SemVerError(code: .overflow, message: "\(segment) version increment would overflow uint64")
    }

    static func tooLong(_ length: Int, limit: Int) -> SemVerError {
        SemVerError(
            code: .inputTooLong,
            message: "constraint is \(length) bytes long; at most \(limit) bytes are accepted"
        )
    }

    static func unsatisfied(_ message: String) -> SemVerError {
        SemVerError(code: .unsatisfied, message: message)
    }
}
