import HelmRelease
import KubeAPI
import Testing

/// One row of a readiness table: an object's JSON and what the rules must say about it.
struct ReadinessCase: Sendable, CustomTestStringConvertible {
    enum Verdict: Sendable {
        case ready
        /// Not ready, with a reason containing this text.
        case notReady(String)
        /// A terminal failure, with a reason containing this text.
        case failed(String)
    }

    var name: String
    var json: String
    var verdict: Verdict
    var waitForJobs = false

    init(_ name: String, _ json: String, _ verdict: Verdict, waitForJobs: Bool = false) {
        self.name = name
        self.json = json
        self.verdict = verdict
        self.waitForJobs = waitForJobs
    }

    var testDescription: String { name }

    func object() throws -> KubeObject { KubeObject(try JSONValue(parsing: json)) }

    /// Whether `readiness` is what this row expects.
    func matches(_ readiness: ResourceReadiness) -> Bool {
        switch (verdict, readiness) {
        case (.ready, .ready): true
        case (.notReady(let text), .notReady(let why)): why.contains(text)
        case (.failed(let text), .failed(let why)): why.contains(text)
        default: false
        }
    }
}
