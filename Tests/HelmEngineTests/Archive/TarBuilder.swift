import Foundation

/// Builds tar archives byte by byte for tests, including entries no well-behaved tool writes
/// (`../` paths, links, devices, bad checksums), and gzips them with the system's gzip.
struct TarBuilder {
    private(set) var bytes: [UInt8] = []

    enum EntryType: UInt8 {
        case file = 0x30  // "0"
        case hardlink = 0x31
        case symlink = 0x32
        case fifo = 0x36
        case directory = 0x35
        case longName = 0x4C  // "L"
        case pax = 0x78  // "x"
    }

    mutating func add(
        _ name: String, _ contents: String = "", type: EntryType = .file, link: String = "",
        corruptChecksum: Bool = false,
        declaredSize: Int? = nil
    ) {
        add(
            name, Array(contents.utf8), type: type, link: link, corruptChecksum: corruptChecksum,
            declaredSize: declaredSize)
    }

    mutating func add(
        _ name: String, _ data: [UInt8], type: EntryType = .file, link: String = "", corruptChecksum: Bool = false,
        declaredSize: Int? = nil
    ) {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in text.utf8.prefix(width).enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, at offset: Int, width: Int) {
            let text = String(value, radix: 8)
            put(String(repeating: "0", count: max(0, width - 1 - text.count)) + text, at: offset, width: width - 1)
        }
        put(name, at: 0, width: 100)
        octal(0o644, at: 100, width: 8)
        octal(0, at: 108, width: 8)
        octal(0, at: 116, width: 8)
        octal(declaredSize ?? data.count, at: 124, width: 12)
        octal(0, at: 136, width: 12)
        header[156] = type.rawValue
        put(link, at: 157, width: 100)
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        for index in 148..<156 { header[index] = 0x20 }
        var sum = header.reduce(0) { $0 + Int($1) }
        if corruptChecksum { sum += 1 }
        octal(sum, at: 148, width: 7)
        header[155] = 0x20
        bytes += header
        bytes += data
        let padding = (512 - data.count % 512) % 512
        bytes += [UInt8](repeating: 0, count: padding)
    }

    /// A GNU long-name entry followed by a file with a truncated short name.
    mutating func addLongName(_ name: String, _ contents: String) {
        add("././@LongLink", Array(name.utf8) + [0], type: .longName)
        add(String(name.prefix(99)), contents)
    }

    /// A PAX header overriding the next entry's path.
    mutating func addPAXPath(_ path: String, contents: String, shortName: String) {
        var record = " path=\(path)\n"
        var length = record.utf8.count
        while String(length).utf8.count + record.utf8.count != length {
            length = String(length).utf8.count + record.utf8.count
        }
        record = String(length) + record
        add("PaxHeader/x", Array(record.utf8), type: .pax)
        add(shortName, contents)
    }

    /// The archive with its two zero end blocks.
    var tar: [UInt8] { bytes + [UInt8](repeating: 0, count: 1024) }

    /// The archive gzipped.
    var tgz: [UInt8] { Gzip.compress(tar) }
}

/// gzip through the system tool (tests only).
enum Gzip {
    static func compress(_ data: [UInt8]) -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chart-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("data")
        FileManager.default.createFile(atPath: input.path, contents: Data(data))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-9", "-n", input.path]
        try? process.run()
        process.waitUntilExit()
        return (try? [UInt8](Data(contentsOf: input.appendingPathExtension("gz")))) ?? []
    }
}

/// A temporary directory removed when the value is released by the test.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chart-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    /// Writes `contents` at a relative path, creating directories.
    @discardableResult
    func write(_ relative: String, _ contents: String) -> String {
        write(relative, Array(contents.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: [UInt8]) -> String {
        let file = url.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file.path, contents: Data(data))
        return file.path
    }
}
