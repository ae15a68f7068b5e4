/// A failure while rendering a chart into a release's manifests.
///
/// Messages follow Helm's wording where users search for them, and always name the template file.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; errors compare equal by code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case yamlParse, template, kubeVersion, missingDependency
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A rendered document is not valid YAML or its head fields have the wrong types.
        public static let yamlParse = Code(.yamlParse)
        /// A template failed to parse or execute.
        public static let template = Code(.template)
        /// The chart's `kubeVersion` constraint excludes the target Kubernetes version.
        public static let kubeVersion = Code(.kubeVersion)
        /// A dependency declared in Chart.yaml is missing from `charts/`.
        public static let missingDependency = Code(.missingDependency)

        /// A short fixed string for metric labels.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The full message, naming the file.
    public var message: String
    /// The template or file involved, when one is.
    public var path: String?
    /// The underlying error, when there is one.
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, path: String? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.cause = cause
    }

    public var description: String { message }

    static func yamlParse(path: String, message: String) -> RenderError {
        RenderError(code: .yamlParse, message: "YAML parse error on \(path): \(message)", path: path)
    }
}

extension RenderError: Equatable {
    public static func == (lhs: RenderError, rhs: RenderError) -> Bool { lhs.code == rhs.code }
}
