import GoTemplate
import Testing

@testable import HelmEngine

/// Expected text comes from Helm's `toToml` (the oracle) on the same values.
struct GoTOMLTests {
    @Test func testEncode_tablesAndArraysOfTables() throws {
        let value = Value.map([
            "a": .int(1),
            "t": .map(["x": .int(1), "y": .map(["z": .int(2)])]),
            "arr": .list([.map(["a": .int(1)]), .map(["a": .int(2)])]),
            "u": .map(["q": .string("w")]),
        ])
        #expect(
            try GoTOML.encode(value) == """
                a = 1

                [[arr]]
                  a = 1

                [[arr]]
                  a = 2

                [t]
                  x = 1
                  [t.y]
                    z = 2

                [u]
                  q = "w"

                """)
    }

    @Test func testEncode_scalarsKeysAndNil() throws {
        let value = Value.map([
            "f": .float(3), "g": .float(1e6), "h": .float(1.5), "k.dot": .int(1), "": .int(2), "n": .null,
            "s": .string("q\" b\\ \n\t\u{01}é"), "l": .list([.list([.int(1)]), .list([])]),
        ])
        #expect(
            try GoTOML.encode(value) == """
                "" = 2
                f = 3.0
                g = 1e+06
                h = 1.5
                "k.dot" = 1
                l = [[1], []]
                s = "q\\" b\\\\ \\n\\t\\u0001é"

                """)
    }

    @Test func testEncode_nilRootFails() {
        #expect(throws: EncodingError.self) { try GoTOML.encode(.null) }
    }
}
