import Foundation
import Synchronization

/// A Go `*time.Location`: UTC, a fixed offset, or a zone from the system's tz database read as
/// Go reads it (TZif transitions and abbreviations), so `MST` prints `EDT`, `IST`, `+04` as Go does.
struct GoZone: Sendable {
    /// Go's `Location.String()` (`UTC`, `Local`, `America/New_York`).
    var name: String
    private var fixed: (offset: Int, abbreviation: String)?
    private var table: ZoneTable?

    static let utc = GoZone(name: "UTC", fixed: (0, "UTC"), table: nil)

    /// A zone with a constant offset (Go's `time.FixedZone`); an empty abbreviation prints as `-0700`.
    static func fixed(name: String, offset: Int) -> GoZone {
        GoZone(name: name, fixed: (offset, name), table: nil)
    }

    private init(name: String, fixed: (offset: Int, abbreviation: String)?, table: ZoneTable?) {
        self.name = name
        self.fixed = fixed
        self.table = table
    }

    /// Go's `time.Local`: the zone named by `TZ`, else `/etc/localtime`, else UTC.
    static var local: GoZone {
        let environment = ProcessInfo.processInfo.environment["TZ"]
        let path: String
        switch environment {
        case nil: path = "/etc/localtime"
        case "": return GoZone(name: "Local", fixed: (0, "UTC"), table: nil)
        case let tz?:
            let trimmed = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            path = trimmed.hasPrefix("/") ? trimmed : "/usr/share/zoneinfo/" + trimmed
        }
        guard let table = ZoneTable.load(path: path) else {
            return GoZone(name: "Local", fixed: (0, "UTC"), table: nil)
        }
        return GoZone(name: "Local", fixed: nil, table: table)
    }

    /// Go's `time.LoadLocation`; nil where Go fails (`unknown time zone X`).
    static func load(_ name: String) -> GoZone? {
        if name == "" || name == "UTC" { return .utc }
        if name == "Local" { return .local }
        guard !name.contains(".."), !name.hasPrefix("/"), !name.contains("\\") else { return nil }
        guard let table = ZoneTable.load(path: "/usr/share/zoneinfo/" + name) else { return nil }
        return GoZone(name: name, fixed: nil, table: table)
    }

    /// The offset east of UTC in seconds and the abbreviation in effect at `unix` seconds.
    func lookup(_ unix: Int64) -> (offset: Int, abbreviation: String) {
        if let fixed { return fixed }
        guard let table else { return (0, "UTC") }
        return table.lookup(unix)
    }

    /// The offset of an abbreviation in this zone, if some period of the zone uses it (Go's
    /// `Location.lookupName`, used when parsing `MST`).
    func offset(forAbbreviation abbreviation: String, near unix: Int64) -> Int? {
        if let fixed { return fixed.abbreviation == abbreviation ? fixed.offset : nil }
        return table?.offset(forAbbreviation: abbreviation, near: unix)
    }
}

/// A parsed TZif file.
final class ZoneTable: Sendable {
    let transitions: [Int64]
    let transitionTypes: [Int]
    let types: [(offset: Int, isDST: Bool, abbreviation: String)]
    let timeZone: TimeZone?

    private static let cache = Mutex<[String: ZoneTable]>([:])

    private init(transitions: [Int64], transitionTypes: [Int], types: [(Int, Bool, String)], timeZone: TimeZone?) {
        self.transitions = transitions
        self.transitionTypes = transitionTypes
        self.types = types
        self.timeZone = timeZone
    }

    static func load(path: String) -> ZoneTable? {
        if let cached = cache.withLock({ $0[path] }) { return cached }
        // tz files are small; refuse anything that is not.
        guard let handle = FileHandle(forReadingAtPath: path),
            let data = try? handle.read(upToCount: 1 << 20), let table = parse(Array(data), path: path)
        else { return nil }
        cache.withLock { $0[path] = table }
        return table
    }

    private static func parse(_ bytes: [UInt8], path: String) -> ZoneTable? {
        func be(_ offset: Int, _ size: Int) -> Int64? {
            guard offset + size <= bytes.count else { return nil }
            var value: Int64 = 0
            for i in 0..<size { value = value << 8 | Int64(bytes[offset + i]) }
            if size == 4 { value = Int64(Int32(truncatingIfNeeded: value)) }
            return value
        }
        guard bytes.count >= 44, bytes[0..<4].elementsEqual("TZif".utf8) else { return nil }
        var base = 0
        var timeSize = 4
        func counts(_ at: Int) -> [Int]? {
            (0..<6).map { be(at + 20 + 4 * $0, 4).map { Int($0) } }.reduce([Int]?([])) { acc, v in
                guard let acc, let v, v >= 0 else { return nil }
                return acc + [v]
            }
        }
        guard var c = counts(0) else { return nil }
        if bytes[4] >= UInt8(ascii: "2") {
            // Skip the 32-bit block and use the 64-bit one.
            let v1 = c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]
            base = 44 + v1
            timeSize = 8
            guard let c2 = counts(base) else { return nil }
            c = c2
        }
        let (isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt) = (c[0], c[1], c[2], c[3], c[4], c[5])
        _ = (isutcnt, isstdcnt, leapcnt)
        var at = base + 44
        var transitions: [Int64] = []
        for _ in 0..<timecnt {
            guard let t = be(at, timeSize) else { return nil }
            transitions.append(t)
            at += timeSize
        }
        guard at + timecnt <= bytes.count else { return nil }
        let indices = bytes[at..<(at + timecnt)].map { Int($0) }
        at += timecnt
        var rawTypes: [(Int, Bool, Int)] = []
        for _ in 0..<typecnt {
            guard let offset = be(at, 4), at + 6 <= bytes.count else { return nil }
            rawTypes.append((Int(offset), bytes[at + 4] != 0, Int(bytes[at + 5])))
            at += 6
        }
        guard at + charcnt <= bytes.count, !rawTypes.isEmpty else { return nil }
        let chars = Array(bytes[at..<(at + charcnt)])
        let types = rawTypes.map { type -> (Int, Bool, String) in
            let start = min(type.2, chars.count)
            let end = chars[start...].firstIndex(of: 0) ?? chars.count
            return (type.0, type.1, String(decoding: chars[start..<end], as: UTF8.self))
        }
        guard indices.allSatisfy({ $0 < types.count }) else { return nil }
        let name = path.hasPrefix("/usr/share/zoneinfo/") ? String(path.dropFirst(20)) : nil
        return ZoneTable(
            transitions: transitions, transitionTypes: indices, types: types,
            timeZone: name.flatMap { TimeZone(identifier: $0) })
    }

    func lookup(_ unix: Int64) -> (offset: Int, abbreviation: String) {
        guard let last = transitions.last, unix >= transitions[0] else {
            // Before the first transition Go uses the first standard-time type.
            let first = types.first { !$0.isDST } ?? types[0]
            return (first.offset, first.abbreviation)
        }
        if unix >= last, let timeZone {
            // Past the table, the zone's rule decides; the abbreviation comes from a matching type.
            let date = Date(timeIntervalSince1970: TimeInterval(unix))
            let offset = timeZone.secondsFromGMT(for: date)
            let isDST = timeZone.isDaylightSavingTime(for: date)
            let match = types.last { $0.offset == offset && $0.isDST == isDST } ?? types.last { $0.offset == offset }
            if let match { return (offset, match.abbreviation) }
        }
        var low = 0
        var high = transitions.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if transitions[mid] <= unix { low = mid } else { high = mid }
        }
        let type = types[transitionTypes[low]]
        return (type.offset, type.abbreviation)
    }

    func offset(forAbbreviation abbreviation: String, near unix: Int64) -> Int? {
        let current = lookup(unix)
        if current.abbreviation == abbreviation { return current.offset }
        return types.last { $0.abbreviation == abbreviation }?.offset
    }
}
