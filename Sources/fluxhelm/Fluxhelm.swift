import ArgumentParser

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
            TestCommand.self,
        ]
    )

    /// Parses Helm's spellings of optional-value flags too (see ``ArgumentNormalizer``), then runs the command.
    static func main() async {
        await main(ArgumentNormalizer.normalize(Array(CommandLine.arguments.dropFirst())))
    }
}
