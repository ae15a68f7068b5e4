import Foundation
import GoTemplate
import HelmEngine
import HelmRelease

/// Helm's status report (`statusPrinter`): what `status`, `install`, `upgrade` and `test` print, and, with
/// metadata and values, `get all`.
struct StatusPrinter {
    var release: Release
    /// `get all`'s form: values, hooks and manifest too.
    var debug = false
    /// Adds CHART, VERSION and APP_VERSION lines (`get all`).
    var showMetadata = false
    /// Leaves NOTES out (`--hide-notes`).
    var hideNotes = false

    func write(_ format: OutputFormat) throws -> String {
        switch format {
        case .table: return try table()
        case .json: return try json()
        case .yaml: return try GoYAML.encode(try GoJSON.decode(try json()))
        }
    }

    /// The release as Helm's `EncodeJSON` writes it: its record JSON (the caller clears the chart when Helm does).
    func json() throws -> String {
        String(decoding: ReleaseCodec().encodeJSON(release), as: UTF8.self) + "\n"
    }

    func table() throws -> String {
        let info = release.info ?? ReleaseInfo()
        var out = "NAME: \(release.name)\n"
        if !info.lastDeployed.isZero { out += "LAST DEPLOYED: \(GoTimeLayout.ansic.format(info.lastDeployed))\n" }
        out += "NAMESPACE: \(release.namespace)\n"
        out += "STATUS: \(info.status.rawValue)\n"
        out += "REVISION: \(release.version)\n"
        if showMetadata {
            let metadata = release.chart?.metadata
            out += "CHART: \(metadata?.name ?? "")\n"
            out += "VERSION: \(metadata?.version ?? "")\n"
            out += "APP_VERSION: \(metadata?.appVersion ?? "")\n"
        }
        out += "DESCRIPTION: \(info.description)\n"

        let tests = release.hooks.filter { $0.events.contains(.test) }
        if tests.isEmpty {
            out += "TEST SUITE: None\n"
        } else {
            for hook in tests where !hook.lastRun.startedAt.isZero {
                out += "TEST SUITE:     \(hook.name)\n"
                out += "Last Started:   \(GoTimeLayout.ansic.format(hook.lastRun.startedAt))\n"
                out += "Last Completed: \(GoTimeLayout.ansic.format(hook.lastRun.completedAt))\n"
                out += "Phase:          \(hook.lastRun.phase.rawValue)\n"
            }
        }

        if debug {
            out += "USER-SUPPLIED VALUES:\n" + (try GoYAML.encode(release.configValue)) + "\n"
            out += "COMPUTED VALUES:\n" + (try GoYAML.encode(.map(Self.computedValues(release)))) + "\n"
        }
        if info.description.lowercased() == "dry run complete" || debug {
            out += "HOOKS:\n"
            for hook in release.hooks { out += "---\n# Source: \(hook.path)\n\(hook.manifest)\n" }
            out += "MANIFEST:\n\(release.manifest)\n"
        }
        if !hideNotes && !info.notes.isEmpty {
            out += "NOTES:\n\(info.notes.trimmingCharacters(in: .whitespacesAndNewlines))\n"
        }
        return out
    }

    /// Helm's `CoalesceValues(chart, config)` for a stored release: the user's values over the chart's defaults,
    /// a user `null` deleting a default. (A stored chart has no subcharts, so only its own defaults apply.)
    static func computedValues(_ release: Release) -> [String: Value] {
        let defaults = release.chart?.values.map { LosslessJSON.object($0).goValue }
        var user: [String: Value] = [:]
        if case .map(let map, _) = release.configValue { user = map }
        guard case .map(let chartValues, _)? = defaults else { return user }
        return Values.coalesceTables(user, chartValues)
    }
}
