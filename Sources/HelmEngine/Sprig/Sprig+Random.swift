import Foundation
import GoTemplate

// Sprig's random functions: goutils' crypto-random strings, `shuffle`, `randBytes`, `uuidv4`, and
// `getHostByName`.
extension Sprig {
    static let randomFunctions: [String: TemplateFunction] = [
        "randAlphaNum": function([.int]) { a in
            try randomString(
                a[0].intArgument, from: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
        },
        "randAlpha": function([.int]) { a in
            try randomString(a[0].intArgument, from: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
        },
        "randNumeric": function([.int]) { a in try randomString(a[0].intArgument, from: Array("0123456789")) },
        "randAscii": function([.int]) { a in
            try randomString(a[0].intArgument, from: (32...126).map { Character(Unicode.Scalar(UInt8($0))) })
        },
        "shuffle": function([.string]) { a in
            .string(String(String.UnicodeScalarView(Array(a[0].stringArgument.unicodeScalars).shuffled())))
        },
        "randBytes": function([.int]) { a in
            let count = a[0].intArgument
            guard count >= 0 else { throw failure("runtime error: makeslice: len out of range") }
            try checkSize(count, "randBytes")
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            return .string(Data(bytes).base64EncodedString())
        },
        "uuidv4": function([]) { _ in .string(UUID().uuidString.lowercased()) },
        // Offline-safe: fluxhelm renders without network access and never resolves names, so this
        // gives the empty string that Sprig returns when a lookup fails (as Helm's oracle does here
        // even for `localhost`).
        "getHostByName": function([.string]) { _ in .string("") },
    ]

    /// goutils' `CryptoRandom`: `count` characters drawn uniformly from `alphabet`; an empty
    /// string for a zero or negative count (Sprig drops goutils' error).
    static func randomString(_ count: Int, from alphabet: [Character]) throws -> Value {
        guard count > 0 else { return .string("") }
        try checkSize(count, "random string")
        var generator = SystemRandomNumberGenerator()
        return .string(String((0..<count).map { _ in alphabet.randomElement(using: &generator) ?? "a" }))
    }
}
