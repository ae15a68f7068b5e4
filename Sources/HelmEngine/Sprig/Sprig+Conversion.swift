import Foundation
import GoTemplate

// Sprig's conversions (conversion.go, functions.go) and encodings (`b64*`, `b32*`).
extension Sprig {
    static let conversionFunctions: [String: TemplateFunction] = [
        "atoi": function([.string]) { a in .int(atoi(a[0].stringArgument)) },
        "int": function([.any]) { a in .int(GoCast.int64(a[0])) },
        "int64": function([.any]) { a in .int64(GoCast.int64(a[0])) },
        "float64": function([.any]) { a in .float(GoCast.float64(a[0])) },
        // `toDecimal` reads the value's text as octal (Unix permissions: "0777" → 511).
        "toDecimal": function([.any]) { a in .int64(parseOctal(GoFormatter.format(a[0])) ?? 0) },
    ]

    static let encodingFunctions: [String: TemplateFunction] = [
        "b64enc": function([.string]) { a in
            .string(Data(GoBytes.bytes(of: a[0].stringArgument)).base64EncodedString())
        },
        "b64dec": function([.string]) { a in
            switch GoBase.decode64(Array(a[0].stringArgument.utf8)) {
            case .success(let bytes): .string(GoBytes.string(from: bytes))
            case .failure(let offset): .string("illegal base64 data at input byte \(offset.value)")
            }
        },
        "b32enc": function([.string]) { a in .string(GoBase.encode32(GoBytes.bytes(of: a[0].stringArgument))) },
        "b32dec": function([.string]) { a in
            switch GoBase.decode32(Array(a[0].stringArgument.utf8)) {
            case .success(let bytes): .string(GoBytes.string(from: bytes))
            case .failure(let offset): .string("illegal base32 data at input byte \(offset.value)")
            }
        },
    ]

    /// Go's `strconv.Atoi` as Sprig wraps it: 0 on a syntax error, clamped on overflow.
    static func atoi(_ s: String) -> Int {
        var bytes = Array(s.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return 0 }
        var value = 0
        for byte in bytes {
            let (product, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = product.addingReportingOverflow(Int(byte - 48))
            if o1 || o2 {
                // Go returns the clamped value with its range error, and Sprig keeps the value.
                return negative ? Int.min : Int.max
            }
            value = sum
        }
        return negative ? -value : value
    }

    /// Go's `strconv.ParseInt(s, 8, 64)`.
    static func parseOctal(_ s: String) -> Int? {
        var bytes = Array(s.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard byte >= 48 && byte <= 55 else { return nil }
            let (product, o1) = value.multipliedReportingOverflow(by: 8)
            guard !o1 else { return nil }
            value = product + UInt64(byte - 48)
        }
        if negative { return value <= UInt64(Int64.max) + 1 ? Int(truncatingIfNeeded: 0 &- value) : nil }
        return value <= UInt64(Int64.max) ? Int(value) : nil
    }
}

/// Go's `encoding/base64` and `encoding/base32` standard encodings, with Go's error offsets.
enum GoBase {
    struct Offset: Error { var value: Int }

    private static let alphabet64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let alphabet32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    private static func table(_ alphabet: [UInt8]) -> [UInt8] {
        var map = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { map[Int(byte)] = UInt8(index) }
        return map
    }

    private static let map64 = table(alphabet64)
    private static let map32 = table(alphabet32)

    static func isNewline(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }

    /// `base64.StdEncoding.DecodeString`: newlines are skipped; the offset of the first bad byte
    /// is reported as Go reports it.
    static func decode64(_ src: [UInt8]) -> Result<[UInt8], Offset> {
        var out: [UInt8] = []
        var si = 0
        while true {
            var buffer = [UInt8](repeating: 0, count: 4)
            var length = 4
            var pendingError: Int?
            var j = 0
            quantum: while j < 4 {
                if si == src.count {
                    if j == 0 { return .success(out) }
                    return .failure(Offset(value: si - j))
                }
                let byte = src[si]
                si += 1
                let value = map64[Int(byte)]
                if value != 0xFF {
                    buffer[j] = value
                    j += 1
                    continue
                }
                if isNewline(byte) { continue }
                if byte != UInt8(ascii: "=") { return .failure(Offset(value: si - 1)) }
                switch j {
                case 0, 1:
                    return .failure(Offset(value: si - 1))
                case 2:
                    while si < src.count && isNewline(src[si]) { si += 1 }
                    if si == src.count { return .failure(Offset(value: src.count)) }
                    if src[si] != UInt8(ascii: "=") { return .failure(Offset(value: si - 1)) }
                    si += 1
                default:
                    break
                }
                while si < src.count && isNewline(src[si]) { si += 1 }
                if si < src.count { pendingError = si }
                length = j
                break quantum
            }
            let value = UInt32(buffer[0]) << 18 | UInt32(buffer[1]) << 12 | UInt32(buffer[2]) << 6 | UInt32(buffer[3])
            let bytes = [
                UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
                UInt8(truncatingIfNeeded: value),
            ]
            out += bytes[..<(length - 1)]
            if let pendingError { return .failure(Offset(value: pendingError)) }
        }
    }

    /// `base32.StdEncoding.EncodeToString`.
    static func encode32(_ src: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < src.count {
            let chunk = Array(src[index..<min(index + 5, src.count)])
            var bits: UInt64 = 0
            for i in 0..<5 { bits = bits << 8 | UInt64(i < chunk.count ? chunk[i] : 0) }
            let characters = [2, 4, 5, 7, 8][chunk.count - 1]
            for i in 0..<8 {
                out.append(i < characters ? alphabet32[Int((bits >> UInt64(35 - 5 * i)) & 31)] : UInt8(ascii: "="))
            }
            index += 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `base32.StdEncoding.DecodeString`: newlines are removed first, then quanta of eight.
    static func decode32(_ input: [UInt8]) -> Result<[UInt8], Offset> {
        let src = input.filter { !isNewline($0) }
        let total = src.count
        var rest = src[...]
        var out: [UInt8] = []
        var end = false
        while !rest.isEmpty && !end {
            var buffer = [UInt8](repeating: 0, count: 8)
            var length = 8
            var j = 0
            while j < 8 {
                if rest.isEmpty { return .failure(Offset(value: total - rest.count - j)) }
                let byte = rest.removeFirst()
                if byte == UInt8(ascii: "=") && j >= 2 && rest.count < 8 {
                    if rest.count + j < 7 { return .failure(Offset(value: total)) }
                    for k in 0..<(7 - j) where rest.count > k && rest[rest.startIndex + k] != UInt8(ascii: "=") {
                        return .failure(Offset(value: total - rest.count + k - 1))
                    }
                    length = j
                    end = true
                    if length == 1 || length == 3 || length == 6 {
                        return .failure(Offset(value: total - rest.count - 1))
                    }
                    break
                }
                buffer[j] = map32[Int(byte)]
                if buffer[j] == 0xFF { return .failure(Offset(value: total - rest.count - 1)) }
                j += 1
            }
            var bits: UInt64 = 0
            for value in buffer { bits = bits << 5 | UInt64(value) }
            let count = [0, 0, 1, 1, 2, 3, 3, 4, 5][length]
            for i in 0..<count { out.append(UInt8(truncatingIfNeeded: bits >> UInt64(32 - 8 * i))) }
        }
        return .success(out)
    }
}
