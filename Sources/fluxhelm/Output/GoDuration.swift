/// Parses a duration in Go's `time.ParseDuration` syntax (`300s`, `5m`, `1h30m`, `1.5s`, `250ms`), the syntax of
/// Helm's `--timeout`.
enum GoDuration {
    /// The duration, or nil when `text` is not valid Go syntax or is negative.
    static func parse(_ text: String) -> Duration? {
        var chars = Substring(text)
        if chars.first == "+" { chars = chars.dropFirst() }
        guard !chars.hasPrefix("-") else { return nil }
        if chars == "0" { return .zero }
        guard !chars.isEmpty else { return nil }
        let units: [(String, Double)] = [
            ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
        ]
        var totalNanoseconds = 0.0
        while !chars.isEmpty {
            let number = chars.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1,
                let value = Double(number)
            else { return nil }
            chars = chars.dropFirst(number.count)
            let unitText = chars.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
            chars = chars.dropFirst(unitText.count)
            totalNanoseconds += value * unit.1
        }
        guard totalNanoseconds < 9.2e18 else { return nil }
        return .nanoseconds(Int64(totalNanoseconds.rounded()))
    }
}
