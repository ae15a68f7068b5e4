public import GoTemplate

/// Helm's `--set` family parser (Go's `strvals` package): `a.b=c,d[0]=e,f={x,y}`.
///
/// Each function parses one argument into `values`, as Helm's `ParseInto`, `ParseIntoString`,
/// `ParseJSON`, `ParseIntoFile` and `ParseLiteralInto` do, so several arguments accumulate into
/// one map in order. Keys are split on `.`, `[N]` indexes lists (at most ``maxIndex``), `\`
/// escapes the next character, `{a,b}` is a list, and `,` separates assignments.
///
/// ```swift
/// var values: [String: Value] = [:]
/// try StrVals.parse("image.tag=1.2,replicas=3", into: &values)
/// // ["image": ["tag": "1.2"], "replicas": int64(3)]
/// ```
public enum StrVals {
    /// The largest list index accepted (Helm's `MaxIndex`).
    public static let maxIndex = 65536
    /// The deepest key nesting accepted (Helm's `MaxNestedNameLevel`).
    public static let maxNestedNameLevel = 30

    /// Parses a `--set` argument: `true`/`false`/`null` and decimal integers become typed values
    /// (integers are `int64`), everything else a string.
    ///
    /// - Throws: ``ChartError`` with code `invalidSet` and Helm's message.
    public static func parse(_ text: String, into values: inout [String: Value]) throws {
        var parser = StrValsParser(text, mode: .typed)
        try parser.run(&values)
    }

    /// Parses a `--set-string` argument: every value is a string.
    ///
    /// - Throws: ``ChartError`` with code `invalidSet` and Helm's message.
    public static func parseString(_ text: String, into values: inout [String: Value]) throws {
        var parser = StrValsParser(text, mode: .string)
        try parser.run(&values)
    }

    /// Parses a `--set-json` argument of the `key=JSON` form (Helm's `ParseJSON`).
    ///
    /// - Throws: ``ChartError`` with code `invalidSet`.
    public static func parseJSON(_ text: String, into values: inout [String: Value]) throws {
        var parser = StrValsParser(text, mode: .json)
        try parser.run(&values)
    }

    /// Parses a `--set-file` argument: each value is a path, replaced by `readFile(path)`.
    ///
    /// - Throws: ``ChartError`` with code `invalidSet`, or what `readFile` throws.
    public static func parseFile(
        _ text: String, into values: inout [String: Value], readFile: @escaping (String) throws -> String
    ) throws {
        var parser = StrValsParser(text, mode: .file(readFile))
        try parser.run(&values)
    }

    /// Parses a `--set-literal` argument: the whole text after the first `=` is one string value.
    ///
    /// - Throws: ``ChartError`` with code `invalidSet`.
    public static func parseLiteral(_ text: String, into values: inout [String: Value]) throws {
        var parser = StrValsParser(text, mode: .literal)
        try parser.run(&values)
    }

    /// Helm's `typedVal`: the value `--set` gives to `text`.
    public static func typedValue(_ text: String) -> Value {
        let lower = text.lowercased()
        if lower == "true" { return .bool(true) }
        if lower == "false" { return .bool(false) }
        if lower == "null" { return .null }
        if text == "0" { return .int(0, .int64) }
        if let first = text.first, first != "0", let number = parseGoInt64(text) { return .int(number, .int64) }
        return .string(text)
    }

    /// Go's `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits, no overflow.
    static func parseGoInt64(_ text: String) -> Int? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(negative ? "-" + digits : String(digits))
    }
}
