/// OpenBSD bcrypt (`$2a$`), as golang.org/x/crypto/bcrypt produces it for Sprig's `bcrypt` and
/// `htpasswd`.
///
/// Blowfish's initial state is the fractional part of pi in hexadecimal; it is computed once
/// (Machin's formula in fixed point) rather than stored as a table.
enum Bcrypt {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A bcrypt hash of `password` with a random salt and the given cost.
    static func hash(_ password: [UInt8], cost: Int) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return try hash(password, cost: cost, salt: salt)
    }

    /// A bcrypt hash with a fixed 16-byte salt (for tests against known vectors).
    static func hash(_ password: [UInt8], cost: Int, salt: [UInt8]) throws -> String {
        guard password.count <= 72 else { throw Failure(description: "bcrypt: password length exceeds 72 bytes") }
        guard (4...31).contains(cost), salt.count == 16 else { throw Failure(description: "bcrypt: invalid cost") }
        let key = password + [0]
        var state = Blowfish(key: key, salt: salt)
        for _ in 0..<(1 << cost) {
            state.expand(key: key)
            state.expand(key: salt)
        }
        var text = Array("OrpheanBeholderScryDoubt".utf8)
        var words: [UInt32] = (0..<6).map { i -> UInt32 in
            var word: UInt32 = 0
            for j in 0..<4 { word = word << 8 | UInt32(text[4 * i + j]) }
            return word
        }
        for _ in 0..<64 {
            for block in stride(from: 0, to: 6, by: 2) {
                (words[block], words[block + 1]) = state.encrypt(words[block], words[block + 1])
            }
        }
        text = []
        for word in words {
            for shift in [24, 16, 8, 0] { text.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2a$\(costText)$" + encode(salt) + encode(Array(text[..<23]))
    }

    private static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// Decodes bcrypt's base64 variant (for salts given as text); nil on a foreign character.
    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        for byte in text.utf8 {
            guard let index = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt8(index))
        }
        var out: [UInt8] = []
        var i = 0
        while i + 1 < values.count {
            out.append(values[i] << 2 | values[i + 1] >> 4)
            if i + 2 < values.count { out.append(values[i + 1] << 4 | values[i + 2] >> 2) }
            if i + 3 < values.count { out.append(values[i + 2] << 6 | values[i + 3]) }
            i += 4
        }
        return out
    }

    /// bcrypt's base64 variant, without padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i]
            let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0
            let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            if i + 1 < bytes.count { out.append(alphabet[Int((b1 & 15) << 2 | b2 >> 6)]) }
            if i + 2 < bytes.count { out.append(alphabet[Int(b2 & 63)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Blowfish with the expensive key schedule bcrypt uses.
struct Blowfish {
    var p: [UInt32]
    var s: [UInt32]

    /// The first 1042 words of pi's fractional part: the P-array, then the four S-boxes.
    static let piWords: [UInt32] = {
        let count = 18 + 1024
        let size = count + 3
        func divide(_ x: inout [UInt32], by d: UInt32) {
            var remainder: UInt64 = 0
            for i in 0..<x.count {
                let current = remainder << 32 | UInt64(x[i])
                x[i] = UInt32(current / UInt64(d))
                remainder = current % UInt64(d)
            }
        }
        func add(_ x: inout [UInt32], _ y: [UInt32], negate: Bool) {
            var carry: Int64 = 0
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                var v = Int64(x[i]) + (negate ? -Int64(y[i]) : Int64(y[i])) + carry
                carry = 0
                if v < 0 {
                    v += 1 << 32
                    carry = -1
                } else if v >= 1 << 32 {
                    v -= 1 << 32
                    carry = 1
                }
                x[i] = UInt32(v)
            }
        }
        // Σ (-1)^k / ((2k+1) x^(2k+1)) × multiplier, in fixed point with word 0 as the integer part.
        func arctan(_ x: UInt32, times multiplier: UInt32) -> [UInt32] {
            var sum = [UInt32](repeating: 0, count: size)
            var power = [UInt32](repeating: 0, count: size)
            power[0] = multiplier
            divide(&power, by: x)
            var k: UInt32 = 0
            while power.contains(where: { $0 != 0 }) {
                var term = power
                divide(&term, by: 2 * k + 1)
                add(&sum, term, negate: k % 2 == 1)
                divide(&power, by: x * x)
                k += 1
            }
            return sum
        }
        var pi = arctan(5, times: 16)
        add(&pi, arctan(239, times: 4), negate: true)
        return Array(pi[1...count])
    }()

    /// The salted key schedule (`ExpandKey` with a salt on the initial state).
    init(key: [UInt8], salt: [UInt8]) {
        p = Array(Blowfish.piWords[0..<18])
        s = Array(Blowfish.piWords[18...])
        expand(key: key, salt: salt)
    }

    private static func word(_ data: [UInt8], _ position: inout Int) -> UInt32 {
        var w: UInt32 = 0
        for _ in 0..<4 {
            w = w << 8 | UInt32(data[position])
            position = (position + 1) % data.count
        }
        return w
    }

    mutating func expand(key: [UInt8], salt: [UInt8]? = nil) {
        var j = 0
        for i in 0..<18 { p[i] ^= Blowfish.word(key, &j) }
        var saltPosition = 0
        var l: UInt32 = 0
        var r: UInt32 = 0
        func next(_ l: inout UInt32, _ r: inout UInt32) {
            if let salt {
                l ^= Blowfish.word(salt, &saltPosition)
                r ^= Blowfish.word(salt, &saltPosition)
            }
            (l, r) = encrypt(l, r)
        }
        for i in stride(from: 0, to: 18, by: 2) {
            next(&l, &r)
            p[i] = l
            p[i + 1] = r
        }
        for i in stride(from: 0, to: 1024, by: 2) {
            next(&l, &r)
            s[i] = l
            s[i + 1] = r
        }
    }

    func encrypt(_ left: UInt32, _ right: UInt32) -> (UInt32, UInt32) {
        // Unchecked buffer access: indices are bytes of a UInt32 within fixed 256-entry boxes, and
        // this loop runs about a million times per bcrypt hash.
        p.withUnsafeBufferPointer { p in
            s.withUnsafeBufferPointer { s in
                @inline(__always) func f(_ x: UInt32) -> UInt32 {
                    ((s[Int(x >> 24)] &+ s[256 + Int(x >> 16 & 0xFF)]) ^ s[512 + Int(x >> 8 & 0xFF)])
                        &+ s[768 + Int(x & 0xFF)]
                }
                var l = left ^ p[0]
                var r = right
                var i = 1
                while i < 17 {
                    r ^= f(l) ^ p[i]
                    l ^= f(r) ^ p[i + 1]
                    i += 2
                }
                r ^= p[17]
                return (r, l)
            }
        }
    }
}
