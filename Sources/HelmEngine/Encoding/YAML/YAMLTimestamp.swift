/// go-yaml v2's timestamp check (`parseTimestamp`): the text must start with four digits and a
/// dash, then match one of Go layouts `2006-1-2T15:4:5.999999999Z07:00` (or with `t`),
/// `2006-1-2 15:4:5.999999999` or `2006-1-2`, with Go's range checks on each field.
///
/// The decoder keeps such scalars as strings (go-yaml does, for compatibility); the encoder
/// quotes strings that match, so they read back as strings.
enum YAMLTimestamp {
    static func matches(_ text: String) -> Bool {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.digits(min: 4, max: 4), year >= 0, scanner.take(UInt8(ascii: "-")),
            let month = scanner.digits(min: 1, max: 2), (1...12).contains(month),
            scanner.take(UInt8(ascii: "-")),
            let day = scanner.digits(min: 1, max: 2), day >= 1, day <= daysIn(month: month, year: year)
        else { return false }
        if scanner.atEnd { return true }
        let separator = scanner.next()
        let zoned: Bool
        switch separator {
        case UInt8(ascii: "T"), UInt8(ascii: "t"): zoned = true
        case UInt8(ascii: " "): zoned = false
        default: return false
        }
        guard let hour = scanner.digits(min: 1, max: 2), hour < 24, scanner.take(UInt8(ascii: ":")),
            let minute = scanner.digits(min: 1, max: 2), minute < 60, scanner.take(UInt8(ascii: ":")),
            let second = scanner.digits(min: 1, max: 2), second < 60
        else { return false }
        if scanner.peek == UInt8(ascii: ".") {
            _ = scanner.next()
            guard scanner.digits(min: 1, max: 9) != nil else { return false }
        }
        if !zoned { return scanner.atEnd }
        if scanner.take(UInt8(ascii: "Z")) { return scanner.atEnd }
        guard let sign = scanner.next(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
            let zoneHour = scanner.digits(min: 2, max: 2), zoneHour < 24, scanner.take(UInt8(ascii: ":")),
            scanner.digits(min: 2, max: 2).map({ $0 < 60 }) == true
        else { return false }
        return scanner.atEnd
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var atEnd: Bool { position >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[position] }
        mutating func next() -> UInt8? {
            guard !atEnd else { return nil }
            position += 1
            return bytes[position - 1]
        }
        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            position += 1
            return true
        }
        mutating func digits(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while count < max, let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                count += 1
                position += 1
            }
            return count >= min ? value : nil
        }
    }
}
