import ArgumentParser
import Foundation
import HelmEngine
import HelmRepo

/// Where the chart comes from: a local path, or a chart name in a repository given with `--repo` (Helm's flags).
struct ChartSourceFlags: ParsableArguments {
    @Option(name: .customLong("repo"), help: "Chart repository URL where to locate the requested chart.")
    var repository: String?

    @Option(name: .customLong("version"), help: "Version constraint for the chart (default: the latest release).")
    var version: String = ""

    @Flag(name: .customLong("devel"), help: "Use development versions too (only when --version is not set).")
    var devel = false

    @Option(name: .customLong("username"), help: "Chart repository username.")
    var username: String?

    @Option(name: .customLong("password"), help: "Chart repository password.")
    var password: String?

    @Option(name: .customLong("ca-file"), help: "Verify the repository's certificate with this CA bundle.")
    var caFile: String?

    @Option(name: .customLong("cert-file"), help: "Identify to the repository with this client certificate.")
    var certFile: String?

    @Option(name: .customLong("key-file"), help: "The key of --cert-file.")
    var keyFile: String?

    @Flag(name: .customLong("insecure-skip-tls-verify"), help: "Skip the repository's certificate check.")
    var insecureSkipTLSVerify = false

    /// Loads `chart`: from the file system, or (with `--repo`) from the repository through the on-disk cache.
    func load(_ chart: String) async throws -> Chart {
        guard let repository else { return try ChartLoader().load(path: chart) }
        let source = Repository(
            url: repository, username: username, password: password,
            caCertificatesPEM: try caFile.map { try Repository.readPEMFile($0) },
            clientCertificatePEM: try certFile.map { try Repository.readPEMFile($0) },
            clientKeyPEM: try keyFile.map { try Repository.readPEMFile($0) },
            insecureSkipTLSVerify: insecureSkipTLSVerify)
        let progress = DownloadProgressLine(label: chart)
        var configuration = RepositoryClient.Configuration()
        configuration.cacheDirectory = Self.cacheDirectory
        let fetched = try await withRepositoryClient(configuration: configuration) { client in
            try await client.fetchChart(
                named: chart, version: version, devel: devel, from: source, progress: progress.callback)
        }
        progress.finish()
        return try ChartLoader().loadArchive(path: fetched.archive.archivePath)
    }
}

extension ChartSourceFlags {
    /// Where downloaded charts are kept: `$FLUXHELM_CACHE_HOME`, else `$XDG_CACHE_HOME/fluxhelm`, else
    /// `~/.cache/fluxhelm` (as Helm uses `$HELM_CACHE_HOME` and XDG).
    static var cacheDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["FLUXHELM_CACHE_HOME"], !path.isEmpty { return path }
        if let path = environment["XDG_CACHE_HOME"], !path.isEmpty { return path + "/fluxhelm" }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/fluxhelm").path
    }
}

/// Download progress on standard error, only when it is a terminal, so logs stay quiet.
struct DownloadProgressLine: Sendable {
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1

    var callback: DownloadProgress? {
        guard enabled else { return nil }
        let label = label
        return { received, total in
            let size = total.map { " of \($0 / 1024) KiB" } ?? ""
            FileHandle.standardError.write(Data("\r\u{1B}[2Kdownloading \(label): \(received / 1024) KiB\(size)".utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
