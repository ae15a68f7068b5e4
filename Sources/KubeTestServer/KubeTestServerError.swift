/// A failure of the test server itself (not of a request it serves: those are kube `Status` responses).
public struct KubeTestServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable {
            case bindFailed
            case certificateGeneration
            case kubeconfigWrite
            case notRunning
        }

        private let value: Value

        /// The listener could not be bound (or re-bound after ``KubeTestServer/restart()``).
        public static let bindFailed = Code(value: .bindFailed)
        /// The CA, server or client certificate could not be generated.
        public static let certificateGeneration = Code(value: .certificateGeneration)
        /// The kubeconfig file could not be written.
        public static let kubeconfigWrite = Code(value: .kubeconfigWrite)
        /// The server has stopped.
        public static let notRunning = Code(value: .notRunning)

        /// A short fixed string for logs and metric labels.
        public var description: String {
            switch value {
            case .bindFailed: "bind-failed"
            case .certificateGeneration: "certificate-generation"
            case .kubeconfigWrite: "kubeconfig-write"
            case .notRunning: "not-running"
            }
        }
    }

    /// The failure kind.
    public var code: Code
    /// What failed, naming the address or file.
    public var message: String
    /// The underlying error.
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// One line: code, message and cause.
    public var description: String {
        "KubeTestServerError(\(code)): \(message)" + (cause.map { " (\($0))" } ?? "")
    }

    /// Errors compare equal by code alone.
    public static func == (left: KubeTestServerError, right: KubeTestServerError) -> Bool {
        left.code == right.code
    }
}
