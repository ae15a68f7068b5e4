/// Standard base64 (RFC 4648 §4, padded), as Go's `base64.StdEncoding` reads and writes it.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let reverse: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Appends the encoding of `data` to `out`.
    static func encode(_ data: some Collection<UInt8>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + (data.count + 2) / 3 * 4)
        var iterator = data.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = iterator.next()
            let chunk = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            out.append(alphabet[Int(chunk >> 18 & 0x3F)])
            out.append(alphabet[Int(chunk >> 12 & 0x3F)])
            out.append(second == nil ? UInt8(ascii: "=") : alphabet[Int(chunk >> 6 & 0x3F)])
            out.append(third == nil ? UInt8(ascii: "=") : alphabet[Int(chunk & 0x3F)])
        }
    }

    /// The encoding of `data` as a string.
    static func encode(_ data: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        encode(data, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes padded standard base64; like Go, it skips `\r` and `\n`. Returns nil on any other invalid input.
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var clean: [UInt8] = []
        clean.reserveCapacity(text.count)
        for byte in text where byte != 0x0A && byte != 0x0D { clean.append(byte) }
        guard clean.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(clean.count / 4 * 3)
        var start = 0
        while start < clean.count {
            let isLast = start + 4 == clean.count
            var quad: UInt32 = 0
            var padding = 0
            for offset in 0..<4 {
                let byte = clean[start + offset]
                if byte == UInt8(ascii: "=") {
                    // Padding only at the end of the last quad, at most two.
                    guard isLast, offset >= 2 else { return nil }
                    padding += 1
                    quad <<= 6
                } else {
                    let value = reverse[Int(byte)]
                    guard value != 0xFF, padding == 0 else { return nil }
                    quad = quad << 6 | UInt32(value)
                }
            }
            out.append(UInt8(quad >> 16 & 0xFF))
            if padding < 2 { out.append(UInt8(quad >> 8 & 0xFF)) }
            if padding < 1 { out.append(UInt8(quad & 0xFF)) }
            start += 4
        }
        return out
    }
}
