import GoTemplate
import Foundation

/// Loads charts from directories and `.tgz` archives, as Helm's `loader.Load` does.
///
/// ```swift
/// let chart = try ChartLoader().load(path: "charts/nginx")
/// print(chart.metadata.version)
/// ```
///
/// A directory honours its `.helmignore` (plus Helm's default `templates/.?*`); an archive is
/// read with ``ArchiveLimits``. Subcharts under `charts/` load as directories or archives, to
/// any depth (archives nest at most ``ArchiveLimits/maxNestingDepth`` deep).
public struct ChartLoader: Sendable {
    /// The limits for archives and for files read from directories.
    public var limits: ArchiveLimits

    /// Creates a loader.
    ///
    /// - Parameter limits: archive and file limits; Helm's defaults when omitted.
    public init(limits: ArchiveLimits = ArchiveLimits()) {
        self.limits = limits
    }

    /// Loads the chart at `path`: a directory, or an archive file.
    ///
    /// - Throws: ``ChartError``: `notFound` when nothing is there, otherwise what loading
    ///   the directory or archive reports.
    public func load(path: String) throws -> Chart {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ChartError(code: .notFound, message: "stat \(path): no such file or directory", path: path)
        }
        return isDirectory.boolValue ? try loadDirectory(path) : try loadArchive(path: path)
    }

    /// Loads a chart archive file.
    ///
    /// - Throws: ``ChartError`` when the file is unreadable, not gzip, unsafe or not a chart.
    public func loadArchive(path: String) throws -> Chart {
        let bytes = try readFile(path, limit: limits.maxTotalSize, display: path)
        guard bytes.count >= 3, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 0x08 else {
            if path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
                throw ChartError(
                    code: .invalidArchive,
                    message: "file '\(path)' seems to be a YAML file, but expected a gzipped archive",
                    path: path)
            }
            throw ChartError(
                code: .invalidArchive, message: "file '\(path)' does not appear to be a gzipped archive", path: path)
        }
        do {
            return try loadArchive(bytes: bytes, name: path)
        } catch let error as ChartError where !error.message.hasPrefix(path) && !error.message.contains("'\(path)'") {
            // Name the archive in errors about its contents, as directory errors name the directory.
            throw ChartError(code: error.code, message: "\(path): \(error.message)", path: path, cause: error.cause)
        }
    }

    /// Loads a chart from archive bytes.
    ///
    /// - Parameters:
    ///   - bytes: the `.tgz` file's bytes.
    ///   - name: the archive's name, for messages.
    /// - Throws: ``ChartError``.
    public func loadArchive(bytes: [UInt8], name: String) throws -> Chart {
        try loadArchive(bytes: bytes, name: name, depth: 0)
    }

    func loadArchive(bytes: [UInt8], name: String, depth: Int) throws -> Chart {
        if depth > limits.maxNestingDepth {
            throw ChartError(
                code: .limitExceeded, message: "\(name): subchart archives nest deeper than \(limits.maxNestingDepth)",
                path: name)
        }
        let files = try ChartArchive.files(from: bytes, name: name, limits: limits)
        return try load(files: files, depth: depth)
    }

    /// Builds a chart from its files (Helm's `LoadFiles`): names relative to the chart root.
    ///
    /// - Throws: ``ChartError`` for an invalid `Chart.yaml`, values or subchart.
    public func load(files: [ChartFile]) throws -> Chart {
        try load(files: files, depth: 0)
    }

    // MARK: Directories

    /// Loads a chart directory, honouring its `.helmignore`.
    ///
    /// - Throws: ``ChartError``.
    public func loadDirectory(_ path: String) throws -> Chart {
        let root = URL(fileURLWithPath: path).standardizedFileURL.path
        var rules = HelmIgnore()
        let ignorePath = root + "/.helmignore"
        if FileManager.default.fileExists(atPath: ignorePath) {
            let text = String(
                decoding: try readFile(ignorePath, limit: limits.maxFileSize, display: ignorePath), as: UTF8.self)
            rules = try HelmIgnore(parsing: text, file: ignorePath)
        }
        rules.addDefaults()
        var files: [ChartFile] = []
        var budget = limits.maxTotalSize
        try walk(directory: root, relative: "", rules: rules, files: &files, budget: &budget, depth: 0)
        do {
            return try load(files: files, depth: 0)
        } catch let error as ChartError {
            throw ChartError(code: error.code, message: "\(path): \(error.message)", path: path, cause: error.cause)
        }
    }

    private func walk(
        directory: String, relative: String, rules: HelmIgnore, files: inout [ChartFile], budget: inout Int, depth: Int
    ) throws {
        if depth > 64 {
            throw ChartError(
                code: .limitExceeded, message: "\(directory): directories nest deeper than 64", path: directory)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ChartError(
                code: .io, message: "cannot read directory \(directory): \(error.localizedDescription)",
                path: directory)
        }
        // Go's filepath.Walk visits names in byte order.
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let full = directory + "/" + name
            let chartPath = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            // fileExists follows symbolic links, as Helm's sympath.Walk does.
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
                throw ChartError(code: .io, message: "cannot read \(full): broken symbolic link", path: full)
            }
            if isDirectory.boolValue {
                if rules.ignores(chartPath, isDirectory: true) { continue }
                try walk(
                    directory: full, relative: chartPath, rules: rules, files: &files, budget: &budget, depth: depth + 1
                )
                continue
            }
            if rules.ignores(chartPath, isDirectory: false) { continue }
            // Symbolic links are followed, as Helm's sympath.Walk does.
            let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            let attributes = try? FileManager.default.attributesOfItem(atPath: target)
            if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
                throw ChartError(
                    code: .invalidChart,
                    message: "cannot load irregular file \(full) as it has file mode type bits set", path: full)
            }
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            if size > limits.maxFileSize {
                throw ChartError(
                    code: .limitExceeded,
                    message: "chart file \(GoQuote.quote(name)) is larger than the maximum file size "
                        + "\(limits.maxFileSize)",
                    path: full)
            }
            let data = try readFile(target, limit: limits.maxFileSize, display: chartPath)
            budget -= data.count
            if budget < 0 {
                throw ChartError(
                    code: .limitExceeded, message: "chart is larger than the maximum size \(limits.maxTotalSize)",
                    path: directory)
            }
            files.append(ChartFile(name: chartPath, data: data.withoutUTF8BOM))
        }
    }

    /// Reads at most `limit` bytes of a file; a larger file is an error.
    func readFile(_ path: String, limit: Int, display: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw ChartError(code: .notFound, message: "open \(path): no such file or directory", path: path)
            }
            throw ChartError(code: .io, message: "error reading \(display): cannot open \(path)", path: path)
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            if data.count > limit {
                throw ChartError(
                    code: .limitExceeded, message: "\(display) is larger than the maximum size \(limit)", path: path)
            }
            return [UInt8](data)
        } catch let error as ChartError {
            throw error
        } catch {
            throw ChartError(
                code: .io, message: "error reading \(display): \(error.localizedDescription)", path: path,
                cause: error)
        }
    }
}
