import HelmEngine
import ArgumentParser
import GoTemplate
import HelmRelease

/// `fluxhelm get`: parts of a stored release, as `helm get` prints them.
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Download extended information of a named release.",
        subcommands: [All.self, Values.self, Manifest.self, Hooks.self, Notes.self, Metadata.self])

    /// The release name, revision and cluster flags every `get` subcommand takes.
    struct Target: ParsableArguments {
        @Argument(help: "The release name.")
        var name: String

        @OptionGroup var cluster: ClusterFlags

        @Option(name: .customLong("revision"), help: "Get the named release with revision.")
        var revision = 0

        func release() async throws -> Release {
            try await cluster.withCluster { cluster in
                try await ReleaseLookup.content(cluster, name: name, revision: revision)
            }
        }

        /// Loads the release and writes what `text` makes of it; errors become one `Error:` line.
        func print(_ text: (Release) throws -> String) async throws {
            do {
                writeOutput(try text(try await release()))
            } catch {
                throw CLIError.wrap(error)
            }
        }
    }

    struct All: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download all information for a named release.")
        @OptionGroup var target: Target
        @Option(name: .customLong("template"), help: "Go template for formatting the output, e.g. {{.Release.Name}}.")
        var template: String?

        func run() async throws {
            try await target.print { release in
                guard let template else {
                    return try StatusPrinter(release: release, debug: true, showMetadata: true).table()
                }
                // Helm's `tpl`: plain text/template (no Sprig), data `{"Release": release}`.
                var set = TemplateSet(name: "_")
                try set.parse(name: "_", text: template)
                return try set.execute(name: "_", data: .map(["Release": release.templateValue]))
            }
        }
    }

    struct Values: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download the values file for a named release.")
        @OptionGroup var target: Target
        @OptionGroup var output: OutputFlag
        @Flag(name: [.customShort("a"), .customLong("all")], help: "Dump all (computed) values.")
        var all = false

        func run() async throws {
            try await target.print { release in
                let values = all ? GoTemplate.Value.map(StatusPrinter.computedValues(release)) : release.configValue
                switch output.format {
                case .table:
                    let header = all ? "COMPUTED VALUES:\n" : "USER-SUPPLIED VALUES:\n"
                    return header + (try StructuredOutput.value(values).yaml())
                case .json: return try StructuredOutput.value(values).json()
                case .yaml: return try StructuredOutput.value(values).yaml()
                }
            }
        }
    }

    struct Manifest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download the manifest for a named release.")
        @OptionGroup var target: Target
        func run() async throws { try await target.print { $0.manifest + "\n" } }
    }

    struct Hooks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download all hooks for a named release.")
        @OptionGroup var target: Target
        func run() async throws {
            try await target.print { release in
                release.hooks.map { "---\n# Source: \($0.path)\n\($0.manifest)\n" }.joined()
            }
        }
    }

    struct Notes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download the notes for a named release.")
        @OptionGroup var target: Target
        func run() async throws {
            try await target.print { release in
                let notes = release.info?.notes ?? ""
                return notes.isEmpty ? "" : "NOTES:\n\(notes)\n"
            }
        }
    }

    struct Metadata: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fetch metadata for a given release.")
        @OptionGroup var target: Target
        @OptionGroup var output: OutputFlag
        func run() async throws {
            try await target.print { release in
                guard release.chart?.metadata != nil else { throw CLIError("invalid chart apiVersion") }
                return try ReleaseMetadata(release).write(output.format)
            }
        }
    }
}
