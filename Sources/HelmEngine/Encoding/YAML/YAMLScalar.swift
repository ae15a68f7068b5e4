/// A scalar as go-yaml v2 resolves it when decoding into `interface{}`.
enum YAMLScalar: Equatable {
    case null
    case bool(Bool)
    /// A Go `int` (go-yaml returns `int` whenever the value fits, which on 64-bit is always).
    case int(Int64)
    /// A Go `uint64`: an integer above `Int64.max` that fits 64 bits.
    case uint(UInt64)
    /// A `*big.Int` from a hexadecimal, octal or binary literal past 64 bits; JSON sees its value.
    case bigInt(Double, String)
    case float(Double)
    case string(String)
}

/// The type go-yaml gives a scalar, from its tag or its text.
enum YAMLResolvedTag: Equatable {
    case str, bool, int, float, null, timestamp, binary, merge
    case other(String)

    init(short tag: String) {
        switch tag {
        case "!!str": self = .str
        case "!!bool": self = .bool
        case "!!int": self = .int
        case "!!float": self = .float
        case "!!null": self = .null
        case "!!timestamp": self = .timestamp
        case "!!binary": self = .binary
        case "!!merge": self = .merge
        default: self = .other(tag)
        }
    }

    var shortName: String {
        switch self {
        case .str: "!!str"
        case .bool: "!!bool"
        case .int: "!!int"
        case .float: "!!float"
        case .null: "!!null"
        case .timestamp: "!!timestamp"
        case .binary: "!!binary"
        case .merge: "!!merge"
        case .other(let tag): tag
        }
    }
}
