/// A failure reading or writing YAML, JSON or TOML the way Helm's Go code does.
///
/// ``message`` is exactly the text Go's error prints (for example
/// `error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context`),
/// because Helm shows that text to users and `fromYaml` returns it as a value. ``file`` names the
/// input when the caller knows it; ``description`` puts the two together.
public struct EncodingError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; don't switch exhaustively.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case yamlToJSON, jsonUnmarshal, jsonSyntax, marshal, deepStack
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// YAML could not be parsed or converted to JSON (`error converting YAML to JSON: ...`).
        public static let yamlToJSON = Code(.yamlToJSON)
        /// The JSON form does not fit the target type (`error unmarshaling JSON: ...`).
        public static let jsonUnmarshal = Code(.jsonUnmarshal)
        /// Text given as JSON is not valid JSON (`invalid character ...`).
        public static let jsonSyntax = Code(.jsonSyntax)
        /// A value could not be encoded (`json: unsupported value: NaN`).
        public static let marshal = Code(.marshal)

        /// Internal: the input nests too deeply for the current stack; never escapes the module.
        static let deepStack = Code(.deepStack)

        /// A short fixed string for logs and metric labels.
        public var description: String {
            switch base {
            case .yamlToJSON: "yaml_to_json"
            case .jsonUnmarshal: "json_unmarshal"
            case .jsonSyntax: "json_syntax"
            case .marshal: "marshal"
            case .deepStack: "deep_stack"
            }
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// Go's error text, unchanged.
    public var message: String
    /// The file being read, when known (`values.yaml`).
    public var file: String?
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, file: String? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.cause = cause
    }

    /// The message, prefixed with the file when there is one.
    public var description: String {
        if let file { return "\(file): \(message)" }
        return message
    }
}

extension EncodingError: Equatable {
    /// Errors compare equal by code alone.
    public static func == (lhs: EncodingError, rhs: EncodingError) -> Bool { lhs.code == rhs.code }
}

extension EncodingError {
    static func yamlToJSON(_ detail: String, file: String?) -> EncodingError {
        EncodingError(code: .yamlToJSON, message: "error converting YAML to JSON: " + detail, file: file)
    }

    static func jsonUnmarshal(_ detail: String, file: String?) -> EncodingError {
        EncodingError(
            code: .jsonUnmarshal, message: "error unmarshaling JSON: while decoding JSON: " + detail, file: file)
    }
}
