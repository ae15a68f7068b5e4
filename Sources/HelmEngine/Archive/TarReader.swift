/// Reads ustar, GNU (`././@LongLink`) and PAX tar archives held in memory.
///
/// The reader checks header checksums, refuses truncated data and caps entry counts, path
/// lengths and sizes; it never follows or creates links, it only reports them.
struct TarReader {
    private let bytes: [UInt8]
    private let name: String
    private let limits: ArchiveLimits
    private var offset = 0
    private var entryCount = 0

    init(bytes: [UInt8], name: String, limits: ArchiveLimits) {
        self.bytes = bytes
        self.name = name
        self.limits = limits
    }

    /// Returns the next member, or `nil` at the end of the archive.
    mutating func next() throws -> TarEntry? {
        var longName: String?
        var longLink: String?
        var pax: [String: String] = [:]
        while true {
            guard offset + 512 <= bytes.count else {
                // Go's archive/tar accepts a stream that simply ends at a block boundary.
                if offset == bytes.count { return nil }
                throw error(.invalidArchive, "tar header is truncated (unexpected EOF)")
            }
            let header = bytes[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { return nil }
            entryCount += 1
            if entryCount > limits.maxEntries {
                throw error(.limitExceeded, "archive has more than \(limits.maxEntries) entries")
            }
            try verifyChecksum(header)
            let size = try parseNumber(header, 124, 12, field: "size")
            let dataStart = offset + 512
            guard size >= 0, size <= bytes.count - dataStart else {
                throw error(.invalidArchive, "tar entry data is truncated (unexpected EOF)")
            }
            let data = bytes[dataStart..<dataStart + size]
            offset = dataStart + (size + 511) / 512 * 512
            if offset > bytes.count { offset = bytes.count }
            let flag = header[header.startIndex + 156]
            switch flag {
            case UInt8(ascii: "L"):
                longName = try metaString(data)
                continue
            case UInt8(ascii: "K"):
                longLink = try metaString(data)
                continue
            case UInt8(ascii: "x"):
                pax.merge(try parsePAX(data)) { _, new in new }
                continue
            case UInt8(ascii: "g"):
                continue
            default:
                break
            }
            var entryName = longName ?? headerName(header)
            if let path = pax["path"] { entryName = path }
            var linkName = longLink ?? cString(header, 157, 100)
            if let path = pax["linkpath"] { linkName = path }
            var entryData = data
            if let paxSize = pax["size"] {
                guard let declared = Int(paxSize), declared >= 0, declared <= bytes.count - dataStart else {
                    throw error(.invalidArchive, "tar entry \"\(entryName)\" has an invalid PAX size \"\(paxSize)\"")
                }
                entryData = bytes[dataStart..<dataStart + declared]
                offset = min(bytes.count, dataStart + (declared + 511) / 512 * 512)
            }
            if entryName.utf8.count > limits.maxPathLength {
                throw error(.limitExceeded, "entry path is longer than \(limits.maxPathLength) bytes")
            }
            let kind: TarEntry.Kind
            switch flag {
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
                // Old archives mark directories only by a trailing slash.
                kind = entryName.hasSuffix("/") ? .directory : .file
            case UInt8(ascii: "1"): kind = .hardlink
            case UInt8(ascii: "2"): kind = .symlink
            case UInt8(ascii: "5"): kind = .directory
            default: kind = .other(flag)
            }
            return TarEntry(name: entryName, linkName: linkName, kind: kind, data: kind == .file ? entryData : [])
        }
    }

    // MARK: Header fields

    private func headerName(_ header: ArraySlice<UInt8>) -> String {
        let base = cString(header, 0, 100)
        let magic = Array(header[header.startIndex + 257..<header.startIndex + 263])
        // POSIX ustar ("ustar\0") has a prefix field; GNU ("ustar  ") uses those bytes for times.
        if magic == Array("ustar\u{0}".utf8) {
            let prefix = cString(header, 345, 155)
            if !prefix.isEmpty { return prefix + "/" + base }
        }
        return base
    }

    private func cString(_ header: ArraySlice<UInt8>, _ start: Int, _ length: Int) -> String {
        let field = header[header.startIndex + start..<header.startIndex + start + length]
        let end = field.firstIndex(of: 0) ?? field.endIndex
        return String(decoding: field[field.startIndex..<end], as: UTF8.self)
    }

    private func parseNumber(_ header: ArraySlice<UInt8>, _ start: Int, _ length: Int, field: String) throws -> Int {
        let bytesOfField = header[header.startIndex + start..<header.startIndex + start + length]
        if let first = bytesOfField.first, first & 0x80 != 0 {
            // GNU base-256 encoding: big-endian, high bit set on the first byte.
            var value = Int(first & 0x7F)
            for byte in bytesOfField.dropFirst() {
                guard value < (Int.max >> 9) else { throw error(.invalidArchive, "tar header \(field) overflows") }
                value = value << 8 | Int(byte)
            }
            return value
        }
        var value = 0
        var seenDigit = false
        for byte in bytesOfField {
            if byte == 0 || byte == UInt8(ascii: " ") {
                if seenDigit { break } else { continue }
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7") else {
                throw error(.invalidArchive, "invalid tar header (bad \(field) field)")
            }
            seenDigit = true
            guard value < (Int.max >> 4) else { throw error(.invalidArchive, "tar header \(field) overflows") }
            value = value * 8 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private func verifyChecksum(_ header: ArraySlice<UInt8>) throws {
        let stored = try parseNumber(header, 148, 8, field: "checksum")
        var unsigned = 0
        var signed = 0
        for (index, byte) in header.enumerated() {
            let value = (148..<156).contains(index) ? UInt8(ascii: " ") : byte
            unsigned += Int(value)
            signed += Int(Int8(bitPattern: value))
        }
        guard stored == unsigned || stored == signed else {
            throw error(.invalidArchive, "invalid tar header (checksum mismatch)")
        }
    }

    // MARK: Extension headers

    private func metaString(_ data: ArraySlice<UInt8>) throws -> String {
        guard data.count <= limits.maxPathLength else {
            throw error(.limitExceeded, "entry path is longer than \(limits.maxPathLength) bytes")
        }
        let end = data.firstIndex(of: 0) ?? data.endIndex
        return String(decoding: data[data.startIndex..<end], as: UTF8.self)
    }

    /// Parses PAX records, each `LENGTH KEY=VALUE\n`.
    private func parsePAX(_ data: ArraySlice<UInt8>) throws -> [String: String] {
        guard data.count <= 1024 * 1024 else { throw error(.limitExceeded, "PAX header is larger than 1 MiB") }
        var records: [String: String] = [:]
        var index = data.startIndex
        while index < data.endIndex {
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                let length = Int(String(decoding: data[index..<space], as: UTF8.self)), length > 0,
                index + length <= data.endIndex, data[index + length - 1] == UInt8(ascii: "\n")
            else {
                throw error(.invalidArchive, "invalid PAX header record")
            }
            let record = data[(space + 1)..<(index + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
                let value = String(decoding: record[(equals + 1)...], as: UTF8.self)
                records[key] = value
            }
            index += length
        }
        return records
    }

    private func error(_ code: ChartError.Code, _ text: String) -> ChartError {
        ChartError(code: code, message: "\(name): \(text)", path: name)
    }
}
