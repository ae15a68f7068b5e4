import Foundation
import GoTemplate

/// Splits rendered templates into documents and sorts them into hooks and installable manifests, as Helm's
/// `releaseutil.SortManifests` does.
public enum ManifestSorter {
    /// The documents of every rendered file, in file-name order and then document order, split into hooks and
    /// manifests, each group sorted by `order` (stable within a kind).
    ///
    /// Partials (`_*`) and files that render to white space are skipped. A document whose `helm.sh/hook`
    /// annotation names an unknown event is dropped, as Helm drops it.
    /// - Throws: ``ChartRenderError`` naming the file when a document is not valid YAML or its head fields
    ///   have the wrong types.
    public static func sort(
        files: [String: String], order: KindSortOrder = .install
    ) throws -> (hooks: [Hook], manifests: [Manifest]) {
        var hooks: [Hook] = []
        var manifests: [Manifest] = []
        for path in files.keys.sorted() {
            guard let content = files[path] else { continue }
            if baseName(path).hasPrefix("_") { continue }
            if content.allSatisfy(\.isWhitespace) { continue }
            for document in splitDocuments(content) {
                let head = try ManifestHead(document: document, sourcePath: path)
                guard let hookAnnotation = head.annotations[HelmAnnotation.hook] else {
                    manifests.append(Manifest(sourcePath: path, content: document, head: head))
                    continue
                }
                var events: [HookEvent] = []
                var known = true
                for part in hookAnnotation.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let event = HookEvent(annotationValue: normalized(part)) else {
                        known = false
                        break
                    }
                    events.append(event)
                }
                guard known else { continue }
                hooks.append(
                    Hook(
                        name: head.name, kind: head.kind, path: path, manifest: document, events: events,
                        weight: Int(head.annotations[HelmAnnotation.hookWeight] ?? "") ?? 0,
                        deletePolicies: values(of: HelmAnnotation.hookDeletePolicy, in: head).map(
                            HookDeletePolicy.init(rawValue:)),
                        outputLogPolicies: values(of: HelmAnnotation.hookOutputLogPolicy, in: head).map(
                            HookOutputLogPolicy.init(rawValue:))
                    )
                )
            }
        }
        return (order.sorted(hooks, kind: \.kind), order.sorted(manifests, kind: \.head.kind))
    }

    /// Splits one rendered file into its non-blank documents, as Helm 4's `SplitManifests` does: a separator is
    /// `---` at the very start or right after a newline, together with the white space around it, and each
    /// document loses its leading white space.
    public static func splitDocuments(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        var documents: [String] = []
        var documentStart = start
        var index = start
        func dash(_ at: Int) -> Bool {
            at + 2 < bytes.count && bytes[at] == UInt8(ascii: "-") && bytes[at + 1] == UInt8(ascii: "-")
                && bytes[at + 2] == UInt8(ascii: "-")
        }
        func appendDocument(_ end: Int) {
            guard documentStart < end else { return }
            let slice = bytes[documentStart..<end]
            guard !slice.allSatisfy(isSpace) else { return }
            let firstNonSpace = slice.firstIndex { !isSpace($0) } ?? end
            documents.append(String(decoding: bytes[firstNonSpace..<end], as: UTF8.self))
        }
        if dash(start) {
            documentStart = skipSpaces(bytes, from: start + 3)
            index = documentStart
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\n"), dash(index + 1) else {
                index += 1
                continue
            }
            // The separator swallows the white space run that ends with this newline.
            var separatorStart = index
            while separatorStart > documentStart, isRegexSpace(bytes[separatorStart - 1]) { separatorStart -= 1 }
            appendDocument(separatorStart)
            documentStart = skipSpaces(bytes, from: index + 4)
            index = documentStart
        }
        appendDocument(bytes.count)
        return documents
    }

    private static func skipSpaces(_ bytes: [UInt8], from: Int) -> Int {
        var index = from
        while index < bytes.count, isRegexSpace(bytes[index]) { index += 1 }
        return index
    }

    /// RE2's `\s`: ASCII tab, newline, form feed, carriage return and space.
    private static func isRegexSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Go's `unicode.IsSpace` for the ASCII range (vertical tab included).
    private static func isSpace(_ byte: UInt8) -> Bool { isRegexSpace(byte) || byte == 0x0B }

    private static func baseName(_ path: String) -> Substring {
        path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
    }

    private static func normalized(_ part: Substring) -> String {
        part.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    private static func values(of annotation: String, in head: ManifestHead) -> [String] {
        guard let text = head.annotations[annotation] else { return [] }
        return text.split(separator: ",", omittingEmptySubsequences: false).map(normalized)
    }
}
