import Foundation
public import GoTemplate

/// A chart's templates parsed once into one template set, ready to execute with any values.
///
/// Helm parses every template of a chart and its enabled subcharts into one set (so a parent's
/// `define` overrides a subchart's), in the order of `engine.sortTemplates`: deeper paths first,
/// then names in reverse order, so the shallowest and first-named definition wins.
public struct ChartTemplates: Sendable {
    /// The parsed set, named `gotpl` as Helm names its root template.
    public let set: TemplateSet
    /// The templates to execute, in Helm's parse order (partials included; they are skipped at execution).
    let entries: [Entry]
    /// The charts in the tree, root first; `Entry.scope` indexes into it.
    let scopes: [Scope]

    struct Entry: Sendable {
        var name: String
        var scope: Int
        var isPartial: Bool
    }

    /// One chart of the tree: where its templates live and how its `.Values` are found.
    struct Scope: Sendable {
        /// `root/charts/child/...`, the chart's full path (`ChartFullPath`).
        var fullPath: String
        /// Names from the root to this chart, used to find its values table.
        var valuesPath: [String]
        /// `.Chart`.
        var chartValue: Value
        /// `.Files`.
        var filesValue: Value
        /// The scopes of direct children, by chart name, for `.Subcharts`.
        var children: [(name: String, scope: Int)]
    }

    /// Parses the templates of `chart` and its subcharts with `functions`.
    /// - Throws: ``RenderError`` with Helm's `parse error at (FILE:LINE): ...` message.
    public init(chart: Chart, functions: [String: TemplateFunction]) throws {
        var scopes: [Scope] = []
        var entries: [Entry] = []
        Self.collect(chart, fullPath: chart.name, valuesPath: [], isRoot: true, scopes: &scopes, entries: &entries)
        entries.sort { Self.parseOrder($0.name, $1.name) }
        var set = TemplateSet(functions: functions, name: "gotpl")
        let texts = Self.texts(of: chart, fullPath: chart.name)
        for entry in entries {
            do {
                try set.parse(name: entry.name, text: texts[entry.name] ?? "")
            } catch {
                throw RenderError(
                    code: .template,
                    message: TemplateErrorFormatter.parseError(file: entry.name, goMessage: error.message),
                    path: entry.name, cause: error)
            }
        }
        self.set = set
        self.entries = entries
        self.scopes = scopes
    }

    /// `true` when `a` is parsed before `b`: Helm sorts by path depth then name, and parses in reverse.
    static func parseOrder(_ a: String, _ b: String) -> Bool {
        let depthA = a.utf8.lazy.filter { $0 == UInt8(ascii: "/") }.count
        let depthB = b.utf8.lazy.filter { $0 == UInt8(ascii: "/") }.count
        if depthA != depthB { return depthA > depthB }
        // Go compares strings byte by byte; the reversed sort puts the greater name first.
        return b.utf8.lexicographicallyPrecedes(a.utf8)
    }

    private static func collect(
        _ chart: Chart, fullPath: String, valuesPath: [String], isRoot: Bool, scopes: inout [Scope],
        entries: inout [Entry]
    ) {
        let index = scopes.count
        scopes.append(
            Scope(
                fullPath: fullPath, valuesPath: valuesPath, chartValue: chart.templateValue(isRoot: isRoot),
                filesValue: chart.filesValue, children: []))
        for child in chart.dependencies {
            let childIndex = scopes.count
            collect(
                child, fullPath: fullPath + "/charts/" + child.name, valuesPath: valuesPath + [child.name],
                isRoot: false, scopes: &scopes, entries: &entries)
            scopes[index].children.append((child.name, childIndex))
        }
        for template in chart.templates {
            let isPartial = template.name.split(separator: "/").last?.hasPrefix("_") ?? false
            // Library charts contribute only their partials (`isTemplateValid`).
            if chart.isLibrary && !isPartial { continue }
            entries.append(Entry(name: fullPath + "/" + template.name, scope: index, isPartial: isPartial))
        }
    }

    private static func texts(of chart: Chart, fullPath: String) -> [String: String] {
        var result: [String: String] = [:]
        for template in chart.templates { result[fullPath + "/" + template.name] = template.text }
        for child in chart.dependencies {
            result.merge(texts(of: child, fullPath: fullPath + "/charts/" + child.name)) { first, _ in first }
        }
        return result
    }
}

extension Chart {
    /// The `.Files` object of this chart (Helm's `engine.files`), whose `AsConfig`/`AsSecrets` encode as `toYaml`.
    var filesValue: Value {
        .object(ChartFiles(files: files, yamlEncoder: { value in (try? GoYAML.encode(value)) ?? "" }))
    }
}
