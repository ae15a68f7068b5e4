/// Reads a chart archive (`.tgz`) into chart files, as Helm's `archive.LoadArchiveFiles` does.
///
/// The first path component of every entry (the chart's directory) is removed; what remains
/// must stay inside the chart root. Links and devices are refused, and ``ArchiveLimits`` caps
/// sizes, counts and the compression ratio. Each breach is one ``ChartError`` naming the archive
/// and the entry.
public enum ChartArchive {
    /// Extracts the files of a gzipped tar chart archive.
    ///
    /// - Parameters:
    ///   - bytes: the archive file's bytes.
    ///   - name: the archive's name or path, used in error messages.
    ///   - limits: size and count limits.
    /// - Returns: the files, in archive order, with chart-relative names.
    /// - Throws: ``ChartError`` for invalid gzip or tar data, unsafe entries and exceeded limits.
    public static func files(
        from bytes: [UInt8], name: String, limits: ArchiveLimits = ArchiveLimits()
    ) throws -> [ChartFile] {
        // Tar headers and padding add to the payload, so allow room beyond the payload limit.
        let tarBudget = limits.maxTotalSize + max(limits.maxEntries, 1) * 1024 + 1024 * 1024
        let tar = try GzipDecoder.decompress(bytes, maxOutput: tarBudget, limits: limits, name: name)
        var reader = TarReader(bytes: tar, name: name, limits: limits)
        var files: [ChartFile] = []
        var remaining = limits.maxTotalSize
        while let entry = try reader.next() {
            switch entry.kind {
            case .directory:
                continue
            case .symlink:
                throw unsafe(
                    name, entry, "is a symbolic link to \"\(entry.linkName)\"; links are not allowed in charts")
            case .hardlink:
                throw unsafe(name, entry, "is a hard link to \"\(entry.linkName)\"; links are not allowed in charts")
            case .other(let flag):
                throw unsafe(name, entry, "has unsupported tar type '\(Character(Unicode.Scalar(flag)))'")
            case .file:
                break
            }
            let relative = try chartRelativePath(entry.name, archive: name)
            if entry.data.count > limits.maxFileSize {
                throw ChartError(
                    code: .limitExceeded,
                    message: "\(name): decompressed chart file \"\(entry.name)\" is larger than the maximum file size "
                        + "\(limits.maxFileSize)",
                    path: name)
            }
            if entry.data.count > remaining {
                throw ChartError(
                    code: .limitExceeded,
                    message: "\(name): decompressed chart is larger than the maximum size \(limits.maxTotalSize)",
                    path: name)
            }
            remaining -= entry.data.count
            files.append(ChartFile(name: relative, data: Array(entry.data).withoutUTF8BOM))
        }
        if files.isEmpty {
            throw ChartError(code: .invalidArchive, message: "\(name): no files in chart archive", path: name)
        }
        return files
    }

    /// Removes the leading chart directory and checks the rest stays inside the chart, with
    /// Helm's rules and messages.
    static func chartRelativePath(_ raw: String, archive: String) throws -> String {
        let delimiter: Character = raw.contains("\\") ? "\\" : "/"
        let parts = raw.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
        let rest = parts.dropFirst().joined(separator: "/")
        func fail(_ text: String) -> ChartError {
            ChartError(code: .unsafeArchive, message: "\(archive): entry \"\(raw)\": \(text)", path: archive)
        }
        if rest.hasPrefix("/") { throw fail("chart illegally contains absolute paths") }
        let cleaned = GoPath.clean(rest)
        if cleaned == "." { throw fail("chart illegally contains content outside the base directory") }
        if cleaned.hasPrefix("..") { throw fail("chart illegally references parent directory") }
        if isDrivePath(cleaned) { throw fail("chart contains illegally named files") }
        if parts.first == "Chart.yaml" { throw fail("chart yaml not in base directory") }
        return cleaned
    }

    private static func isDrivePath(_ path: String) -> Bool {
        let bytes = Array(path.utf8.prefix(3))
        guard bytes.count == 3 else { return false }
        let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[0] | 0x20)
        return isLetter && bytes[1] == UInt8(ascii: ":") && bytes[2] == UInt8(ascii: "/")
    }

    private static func unsafe(_ archive: String, _ entry: TarEntry, _ text: String) -> ChartError {
        ChartError(code: .unsafeArchive, message: "\(archive): entry \"\(entry.name)\" \(text)", path: archive)
    }
}
