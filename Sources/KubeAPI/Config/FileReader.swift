import Foundation

/// Reads small configuration files with a size cap, so a wrong path (a device, a huge file) cannot exhaust memory.
enum FileReader {
    /// The default cap: kubeconfigs, certificates and tokens are far smaller.
    static let defaultLimit = 4 * 1024 * 1024

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Reads a whole file.
    ///
    /// - Throws: ``KubeAPIError/Code/config`` naming `what` (e.g. `kubeconfig /x/config: users[0].user.client-key`)
    ///   when the file is missing, unreadable or over `limit` bytes.
    static func read(_ path: String, what: String, limit: Int = defaultLimit) throws(KubeAPIError) -> [UInt8] {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read file" : "no such file"
            throw .config("\(what): \(reason) \(path)", cause: error)
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            if data.count > limit { throw KubeAPIError.config("\(what): file \(path) is larger than \(limit) bytes") }
            return [UInt8](data)
        } catch let error as KubeAPIError {
            throw error
        } catch {
            throw .config("\(what): cannot read file \(path)", cause: error)
        }
    }

    /// Resolves `path` against `directory` unless it is absolute, as kubectl does for kubeconfig file references.
    static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return path }
        return directory.hasSuffix("/") ? directory + path : "\(directory)/\(path)"
    }

    /// The directory part of a path.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
