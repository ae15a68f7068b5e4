/// The comparison a single constraint makes. Several spellings share one meaning (`=>` is `>=`).
enum ConstraintOperator: Sendable {
    /// `""` or `=`: equal, or a tilde range when the version has wildcards or missing parts.
    case tildeOrEqual
    /// `!=`.
    case notEqual
    /// `>`.
    case greater
    /// `<`.
    case less
    /// `>=` or `=>`.
    case greaterOrEqual
    /// `<=` or `=<`.
    case lessOrEqual
    /// `~` or `~>`.
    case tilde
    /// `^`.
    case caret

    init?<C: Collection>(_ spelling: C) where C.Element == UInt8 {
        switch String(decoding: spelling, as: UTF8.self) {
        case "", "=": self = .tildeOrEqual
        case "!=": self = .notEqual
        case ">": self = .greater
        case "<": self = .less
        case ">=", "=>": self = .greaterOrEqual
        case "<=", "=<": self = .lessOrEqual
        case "~", "~>": self = .tilde
        case "^": self = .caret
        default: return nil
        }
    }
}
