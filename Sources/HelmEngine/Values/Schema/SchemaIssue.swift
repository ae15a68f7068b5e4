import GoTemplate
import Foundation

/// One validation failure in the shape santhosh-tekuri/jsonschema (v6) reports it: an instance
/// location, a message and nested causes.
struct SchemaIssue: Sendable {
    enum Kind: Sendable {
        case plain
        /// Several failures at one place ("validation failed").
        case group
        /// A `$ref` whose failure is shown through its causes.
        case reference
    }

    var location: [String]
    var message: String
    var kind: Kind = .plain
    var causes: [SchemaIssue] = []

    /// The JSON pointer of ``location``.
    var pointer: String {
        location.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }

    /// Appends this issue's lines, as the library's `display` writes them.
    func render(into lines: inout [String], indent: Int) {
        var indent = indent
        // A reference with one cause is transparent.
        if !(kind == .reference && causes.count == 1) {
            let prefix = String(repeating: "  ", count: max(indent - 1, 0)) + "- "
            lines.append(prefix + "at \(SchemaText.quote(pointer)): \(message)")
            indent += 1
        }
        for cause in causes { cause.render(into: &lines, indent: indent) }
    }
}

/// Text helpers matching the library's English messages.
enum SchemaText {
    /// The library's `quote`: Go `%q`, then `\"` → `"` and `'` → `\'`, in single quotes.
    static func quote(_ text: String) -> String {
        var quoted = GoQuote.quote(text)
        quoted = String(quoted.dropFirst().dropLast())
        quoted = quoted.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "'", with: "\\'")
        return "'" + quoted + "'"
    }

    static func joinQuoted(_ items: [String]) -> String {
        items.map(quote).joined(separator: ", ")
    }

    /// `golang.org/x/text/message` printing of an integer (`%d`): digit groups of three.
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + grouped(digits)
    }

    /// `golang.org/x/text/message` printing of a float64 (`%v`): Go's shortest `%g` choice of
    /// form, grouped integer digits, and `×10ⁿ` exponents.
    static func float(_ value: Double) -> String {
        if value.isNaN || value.isInfinite || value == 0 { return GoFloatFormat.shortestG(value) }
        let (negative, digits, point) = GoFloatFormat.decimalDigits(value)
        let exponent = point - 1
        let sign = negative ? "-" : ""
        if exponent < -4 || exponent >= 6 {
            var mantissa = String(digits.prefix(1))
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
            var power = String(abs(exponent))
            if power.count < 2 { power = "0" + power }
            let raised = String(power.compactMap { $0.wholeNumberValue.map { superscripts[$0] } })
            return sign + mantissa + "×10" + (exponent < 0 ? "⁻" : "") + raised
        }
        if point <= 0 {
            return sign + "0." + String(repeating: "0", count: -point) + digits
        }
        if point >= digits.count {
            return sign + grouped(digits + String(repeating: "0", count: point - digits.count))
        }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + grouped(String(digits[..<split])) + "." + digits[split...]
    }

    private static func grouped(_ digits: String) -> String {
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return out
    }
}
