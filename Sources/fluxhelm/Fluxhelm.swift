import ArgumentParser
import Foundation

/// The `fluxhelm` command: parses flags and calls the libraries, nothing more.
@main
struct Fluxhelm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fluxhelm",
        abstract: "A GitOps Helm operator for Kubernetes: renders, installs and reconciles Helm charts from git.",
        version: FluxhelmVersion.current,
        subcommands: [
            TemplateCommand.self, ShowCommand.self, ListCommand.self, HistoryCommand.self, StatusCommand.self,
            GetCommand.self, InstallCommand.self, UpgradeCommand.self, RollbackCommand.self, UninstallCommand.self,
            TestCommand.self, SyncCommand.self, AgentCommand.self,
        ]
    )

    /// Parses Helm's spellings of optional-value flags too (see ``ArgumentNormalizer``), then runs the command.
    /// A usage error exits 1, as Helm's do (argument-parser's own convention is 64), so scripts written for
    /// `helm` see the same status.
    static func main() async {
        do {
            var command = try parseAsRoot(ArgumentNormalizer.normalize(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}
