import ArgumentParser
import GoTemplate
import HelmEngine
import HelmRelease

/// `fluxhelm list`: the releases of a namespace (or all), as `helm list` prints them.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List releases.", aliases: ["ls"])

    @OptionGroup var cluster: ClusterFlags
    @OptionGroup var output: OutputFlag

    @Flag(
        name: [.customShort("a"), .customLong("all")],
        help: "Show releases in every state (the default when no state flag is given).")
    var all = false
    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "List releases across all namespaces.")
    var allNamespaces = false
    @Flag(name: .customLong("deployed"), help: "Show deployed releases.")
    var deployed = false
    @Flag(name: .customLong("failed"), help: "Show failed releases.")
    var failed = false
    @Flag(name: .customLong("pending"), help: "Show pending releases.")
    var pending = false
    @Flag(name: .customLong("superseded"), help: "Show superseded releases.")
    var superseded = false
    @Flag(name: .customLong("uninstalled"), help: "Show uninstalled releases (if 'uninstall --keep-history' was used).")
    var uninstalled = false
    @Flag(name: .customLong("uninstalling"), help: "Show releases that are currently being uninstalled.")
    var uninstalling = false
    @Option(
        name: [.customShort("f"), .customLong("filter")],
        help: "A regular expression; only releases whose name matches are listed.")
    var filter: String?
    @Option(name: [.customShort("m"), .customLong("max")], help: "Maximum number of releases to fetch (0: no limit).")
    var max = 256
    @Option(name: .customLong("offset"), help: "Next release index in the list, used to offset from start value.")
    var offset = 0
    @Flag(name: [.customShort("d"), .customLong("date")], help: "Sort by release date.")
    var byDate = false
    @Flag(name: [.customShort("r"), .customLong("reverse")], help: "Reverse the sort order.")
    var reverse = false
    @Flag(name: [.customShort("q"), .customLong("short")], help: "Output short (quiet) listing format.")
    var short = false
    @Flag(name: .customLong("no-headers"), help: "Don't print headers when using the default output format.")
    var noHeaders = false
    @Option(
        name: [.customShort("l"), .customLong("selector")],
        help: "Selector (label query) on the releases' labels, e.g. -l key1=value1,key2!=value2.")
    var selector: String?
    @Option(
        name: .customLong("time-format"),
        help: "Format time using a Go time layout, e.g. \"2006-01-02 15:04:05Z0700\".")
    var timeFormat: String?

    func run() async throws {
        do {
            let releases = try await cluster.withCluster { cluster in
                try await ReleaseListing(selection: selection).run(
                    try await cluster.storage.allReleases(namespace: allNamespaces ? nil : cluster.namespace))
            }
            writeOutput(try render(releases))
        } catch {
            throw CLIError.wrap(error)
        }
    }

    var selection: ReleaseListing.Selection {
        var states: Set<ReleaseStatus> = []
        if deployed { states.insert(.deployed) }
        if uninstalled { states.insert(.uninstalled) }
        if uninstalling { states.insert(.uninstalling) }
        if pending { states.formUnion([.pendingInstall, .pendingUpgrade, .pendingRollback]) }
        if failed { states.insert(.failed) }
        if superseded { states.insert(.superseded) }
        if all || states.isEmpty { states = ReleaseListing.allStates }
        return ReleaseListing.Selection(
            states: states, nameFilter: filter, labelSelector: selector, limit: max, offset: offset, byDate: byDate,
            reverse: reverse)
    }

    func render(_ releases: [Release]) throws -> String {
        if short {
            switch output.format {
            case .table: return releases.map { $0.name + "\n" }.joined()
            case .json: return try StructuredOutput.value(.list(releases.map { .string($0.name) }, .string)).json()
            case .yaml: return try StructuredOutput.value(.list(releases.map { .string($0.name) }, .string)).yaml()
            }
        }
        let layout = timeFormat.flatMap { $0.isEmpty ? nil : GoTimeLayout(layout: $0) } ?? .string
        let rows = releases.map { release in
            [
                release.name, release.namespace, String(release.version),
                release.lastDeployed.isZero ? "-" : layout.format(release.lastDeployed), release.status.rawValue,
                release.chartDisplayName, release.appVersionDisplay,
            ]
        }
        let keys = ["name", "namespace", "revision", "updated", "status", "chart", "app_version"]
        switch output.format {
        case .table:
            var table = UITable()
            if !noHeaders {
                table.addRow("NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION")
            }
            for row in rows { table.addRow(row) }
            return table.text
        case .json, .yaml:
            let elements = StructuredOutput.array(
                rows.map { row in .object(zip(keys, row).map { ($0, .value(.string($1))) }) })
            return output.format == .json ? try elements.json() : try elements.yaml()
        }
    }
}

/// Helm's `action.List`: which releases `list` shows and in what order.
struct ReleaseListing {
    struct Selection {
        var states: Set<ReleaseStatus>
        var nameFilter: String?
        var labelSelector: String?
        var limit: Int
        var offset: Int
        var byDate: Bool
        var reverse: Bool
    }

    /// Helm's `ListAll`: every state but `unknown`.
    static let allStates: Set<ReleaseStatus> = [
        .deployed, .uninstalled, .uninstalling, .pendingInstall, .pendingUpgrade, .pendingRollback, .superseded,
        .failed,
    ]

    var selection: Selection

    /// Filters, keeps the latest revision of each release (unless only superseded ones are asked for, which lists
    /// every superseded revision), sorts and pages `records`.
    func run(_ records: [Release]) throws -> [Release] {
        var matching = records
        if let pattern = selection.nameFilter, !pattern.isEmpty {
            let regex: Regex<AnyRegexOutput>
            do {
                regex = try Regex(pattern)
            } catch {
                throw CLIError("error parsing regexp: invalid filter \(pattern): \(error)")
            }
            matching = matching.filter { $0.name.contains(regex) }
        }
        var releases = matching
        if selection.states != [.superseded] {
            var latest: [String: Release] = [:]
            for release in matching {
                let key = release.namespace + "/" + release.name
                if let current = latest[key], current.version > release.version { continue }
                latest[key] = release
            }
            releases = Array(latest.values)
        }
        releases = releases.filter { selection.states.contains($0.status) }
        if let text = selection.labelSelector {
            let selector = try ReleaseLabelSelector(parsing: text)
            releases = releases.filter { selector.matches($0.labels) }
        }
        releases.sort { ($0.name, $0.namespace, $0.version) < ($1.name, $1.namespace, $1.version) }
        if selection.byDate {
            releases.sort {
                let (left, right) = ($0.lastDeployed.unix, $1.lastDeployed.unix)
                return left != right ? left < right : $0.name < $1.name
            }
        }
        if selection.reverse { releases.reverse() }
        guard selection.offset < releases.count, selection.offset >= 0 else { return [] }
        // Helm caps the page at the number of records read (all revisions), not of releases kept.
        var limit = matching.count
        if selection.limit > 0 && selection.limit < limit { limit = selection.limit }
        return Array(releases[selection.offset..<min(releases.count, selection.offset + limit)])
    }
}
