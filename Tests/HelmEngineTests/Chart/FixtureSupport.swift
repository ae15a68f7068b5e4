import Foundation

/// Locations of the test fixtures (copied into the test bundle).
enum Fixtures {
    static var root: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Tests/HelmEngineTests/Fixtures"
    }

    static func chart(_ name: String) -> String { root + "/charts/" + name }

    static func read(_ relative: String) -> String? {
        guard let data = FileManager.default.contents(atPath: root + "/" + relative) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Helm's output for a case: the documents by `# Source:` path.
    static func oracleDocuments(_ name: String) -> [String: String]? {
        guard let text = read("oracle/\(name).expected") else { return nil }
        var documents: [String: String] = [:]
        var current: String?
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# Source: ") {
                if let current { documents[current] = body }
                current = String(line.dropFirst("# Source: ".count))
                body = ""
            } else if line == "---" {
                continue
            } else if current != nil {
                body += line + "\n"
            }
        }
        if let current { documents[current] = body }
        return documents
    }
}
