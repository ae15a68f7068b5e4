import Testing

@testable import HelmEngine

/// Known-answer tests against libxcrypt's bcrypt (an independent implementation) and the
/// classic OpenBSD vectors.
struct BcryptTests {
    static let vectors: [(password: String, hash: String)] = [
        ("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
        ("", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"),
        (String(repeating: "a", count: 72), "$2a$04$XXXXXXXXXXXXXXXXXXXXXOu.a4WEAQL1C3w3iCHysWr5sKcMLkBUK"),
        ("héllo", "$2a$06$0123456789ABCDEFGHIJKe5pHN8b/znsTbsoj/vZFeMP2WGLBTVj."),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: vectors)
    func testHash_matchesKnownVector(password: String, hash: String) throws {
        let parts = hash.split(separator: "$")
        let cost = try #require(Int(parts[1]))
        let salt = try #require(Bcrypt.decode(String(parts[2].prefix(22))))
        #expect(salt.count == 16)
        #expect(try Bcrypt.hash(Array(password.utf8), cost: cost, salt: Array(salt.prefix(16))) == hash)
    }

    @Test func testHash_rejectsPasswordsOver72Bytes() {
        #expect(throws: Bcrypt.Failure.self) {
            try Bcrypt.hash(Array(repeating: 97, count: 73), cost: 4, salt: Array(repeating: 0, count: 16))
        }
    }

    @Test func testPiWords_startWithBlowfishConstants() {
        // The first P-array word and first S-box word of Blowfish (pi's hexadecimal fraction).
        #expect(Blowfish.piWords[0] == 0x243F_6A88)
        #expect(Blowfish.piWords[1] == 0x85A3_08D3)
        #expect(Blowfish.piWords[18] == 0xD131_0BA6)
        #expect(Blowfish.piWords[1041] == 0x3AC3_72E6)
        #expect(Blowfish.piWords.count == 1042)
    }
}
