import Foundation
import HelmEngine

/// `helm template --show-only`: keeps the documents whose `# Source:` path, without the chart name, matches one of
/// the patterns (Go's `filepath.Match`), in pattern order.
enum TemplateOutputFilter {
    static func showOnly(_ patterns: [String], in output: String) throws -> String {
        let documents = ManifestSorter.splitDocuments(output)
        var selected: [String] = []
        for pattern in patterns {
            var found = false
            for document in documents {
                guard let path = sourcePath(of: document), (try? GoPath.match(pattern, path)) == true else {
                    continue
                }
                selected.append(document)
                found = true
            }
            if !found { throw CLIError("could not find template \(pattern) in chart") }
        }
        return selected.map { "---\n\($0)\n" }.joined()
    }

    /// The path after `# Source: CHART/`, as Helm's `# Source: [^/]+/(.+)` reads it.
    private static func sourcePath(of document: String) -> String? {
        guard let range = document.range(of: "# Source: ") else { return nil }
        let line = document[range.upperBound...].prefix { $0 != "\n" }
        guard let slash = line.firstIndex(of: "/"), slash > line.startIndex else { return nil }
        let rest = line[line.index(after: slash)...]
        return rest.isEmpty ? nil : String(rest)
    }
}
