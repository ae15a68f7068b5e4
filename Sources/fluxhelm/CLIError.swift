import Foundation
import HelmEngine
import HelmRelease
import KubeAPI

/// An error the CLI reports as `Error: MESSAGE` with exit status 1, as `helm` does.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ message: String) { self.description = message }

    /// `error` as one line for the user: the library's message without its code, prefixed as Helm prefixes the
    /// failures of some commands (`INSTALLATION FAILED: `, `UPGRADE FAILED: `).
    static func wrap(_ error: any Error, prefix: String = "") -> CLIError {
        let message: String
        switch error {
        case let error as CLIError: message = error.description
        case let error as ReleaseError: message = error.message
        case let error as KubeAPIError: message = error.message
        default: message = String(describing: error)
        }
        let oneLine = message.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
        return CLIError(prefix + oneLine)
    }
}
