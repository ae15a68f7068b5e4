import Foundation
import Synchronization

/// A compiled Go regular expression: RE2 syntax checked and translated by ``RE2Translator``,
/// matched by ICU, with Go's `regexp` package semantics for finding, replacing and splitting.
///
/// - Warning: ICU backtracks, so unlike RE2 a pathological pattern can take exponential time.
final class GoRegexp: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after creation and documented as thread-safe.
    let expression: NSRegularExpression
    let groupNames: [String?]
    let source: String

    private static let cache = Mutex<[String: GoRegexp]>([:])
    private static let cacheLimit = 256

    private init(expression: NSRegularExpression, groupNames: [String?], source: String) {
        self.expression = expression
        self.groupNames = groupNames
        self.source = source
    }

    /// Go's `regexp.Compile`; the error text is Go's (`error parsing regexp: ...`).
    static func compile(_ pattern: String) throws(RE2Translator.SyntaxError) -> GoRegexp {
        if let cached = cache.withLock({ $0[pattern] }) { return cached }
        let (icu, names) = try RE2Translator.translate(pattern)
        // ICU rejects an empty pattern, which RE2 accepts (it matches the empty string everywhere).
        guard let expression = try? NSRegularExpression(pattern: icu.isEmpty ? "(?:)" : icu, options: []) else {
            throw RE2Translator.SyntaxError(code: "invalid or unsupported Perl syntax", argument: pattern)
        }
        let compiled = GoRegexp(expression: expression, groupNames: names, source: pattern)
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll() }
            cache[pattern] = compiled
        }
        return compiled
    }

    /// The UTF-16 ranges of the match starting the search at `position` (with the whole text as
    /// context for anchors and boundaries), or nil.
    private func match(in text: NSString, from position: Int) -> [NSRange]? {
        let range = NSRange(location: position, length: text.length - position)
        guard
            let result = expression.firstMatch(
                in: text as String, options: [.withTransparentBounds, .withoutAnchoringBounds], range: range)
        else { return nil }
        return (0..<result.numberOfRanges).map { result.range(at: $0) }
    }

    /// Go's `FindAll...` loop: non-overlapping matches; an empty match right after the previous
    /// match is skipped. `limit < 0` means all.
    func allMatches(_ string: String, limit: Int) -> [[NSRange]] {
        let text = string as NSString
        var result: [[NSRange]] = []
        var position = 0
        var previousEnd = -1
        while (limit < 0 || result.count < limit) && position <= text.length {
            guard let ranges = match(in: text, from: position) else { break }
            let whole = ranges[0]
            var accept = true
            if NSMaxRange(whole) == position {
                if whole.location == previousEnd { accept = false }
                position += position < text.length ? GoRegexp.scalarWidth(text, position) : 1
            } else {
                position = NSMaxRange(whole)
            }
            previousEnd = NSMaxRange(whole)
            if accept { result.append(ranges) }
        }
        return result
    }

    func matches(_ string: String) -> Bool {
        expression.firstMatch(in: string, options: [], range: NSRange(location: 0, length: (string as NSString).length))
            != nil
    }

    func findString(_ string: String) -> String {
        guard let first = allMatches(string, limit: 1).first else { return "" }
        return (string as NSString).substring(with: first[0])
    }

    func findAllStrings(_ string: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        let text = string as NSString
        return allMatches(string, limit: limit).map { text.substring(with: $0[0]) }
    }

    /// Go's `ReplaceAllString` (template expansion) or `ReplaceAllLiteralString`.
    func replaceAll(_ string: String, with replacement: String, literal: Bool) -> String {
        let text = string as NSString
        var out = ""
        var lastEnd = 0
        for ranges in allMatchesForReplace(text) {
            let whole = ranges[0]
            out += text.substring(with: NSRange(location: lastEnd, length: whole.location - lastEnd))
            out += literal ? replacement : expand(replacement, text: text, ranges: ranges)
            lastEnd = NSMaxRange(whole)
        }
        out += text.substring(from: lastEnd)
        return out
    }

    /// Go's `replaceAll` loop, which differs from `FindAll` in when it skips empty matches.
    private func allMatchesForReplace(_ text: NSString) -> [[NSRange]] {
        var result: [[NSRange]] = []
        var position = 0
        var lastEnd = 0
        while position <= text.length {
            guard let ranges = match(in: text, from: position) else { break }
            let whole = ranges[0]
            if NSMaxRange(whole) > lastEnd || whole.location == 0 { result.append(ranges) }
            lastEnd = NSMaxRange(whole)
            let width = position < text.length ? GoRegexp.scalarWidth(text, position) : 1
            if position + width > NSMaxRange(whole) {
                position += width
            } else if position + 1 > NSMaxRange(whole) {
                position += 1
            } else {
                position = NSMaxRange(whole)
            }
        }
        // Matches were recorded only when they advance past the previous one.
        return result
    }

    /// Go's `Regexp.Expand`: `$name`, `${name}`, `$1`, `$$`; the longest run of word characters
    /// is the name (`$1x` is group "1x"); unknown groups expand to nothing.
    func expand(_ template: String, text: NSString, ranges: [NSRange]) -> String {
        var out = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                out += "$"
                rest = rest.dropFirst()
                continue
            }
            var name: Substring
            if rest.first == "{" {
                guard let close = rest.firstIndex(of: "}") else {
                    out += "$"
                    continue
                }
                name = rest[rest.index(after: rest.startIndex)..<close]
                guard !name.isEmpty, name.allSatisfy(GoRegexp.isWordCharacter) else {
                    out += "$"
                    continue
                }
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.firstIndex { !GoRegexp.isWordCharacter($0) } ?? rest.endIndex
                name = rest[..<end]
                guard !name.isEmpty else {
                    out += "$"
                    continue
                }
                rest = rest[end...]
            }
            out += group(String(name), text: text, ranges: ranges)
        }
        out += rest
        return out
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c == "_" || (c.isASCII && (c.isLetter || c.isNumber))
    }

    private func group(_ name: String, text: NSString, ranges: [NSRange]) -> String {
        var index: Int?
        if name.allSatisfy({ $0.isASCII && $0.isNumber }) && !(name.hasPrefix("0") && name.count > 1) {
            index = name.count < 9 ? Int(name) : nil
        } else {
            index = groupNames.firstIndex { $0 == name }
        }
        guard let index, index < ranges.count, ranges[index].location != NSNotFound else { return "" }
        return text.substring(with: ranges[index])
    }

    /// Go's `Regexp.Split`.
    func split(_ string: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if !source.isEmpty && string.isEmpty { return [""] }
        let text = string as NSString
        var parts: [String] = []
        var begin = 0
        var end = 0
        for ranges in allMatches(string, limit: limit) {
            if limit > 0 && parts.count == limit - 1 { break }
            end = ranges[0].location
            if NSMaxRange(ranges[0]) != 0 {
                parts.append(text.substring(with: NSRange(location: begin, length: end - begin)))
            }
            begin = NSMaxRange(ranges[0])
        }
        if end != text.length { parts.append(text.substring(from: begin)) }
        return parts
    }

    /// The UTF-16 length of the scalar at `position` (Go advances by one rune).
    static func scalarWidth(_ text: NSString, _ position: Int) -> Int {
        let unit = text.character(at: position)
        return (0xD800...0xDBFF).contains(unit) && position + 1 < text.length ? 2 : 1
    }

    /// Go's `regexp.QuoteMeta`.
    static func quoteMeta(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\.+*?()|[]{}^$".contains(ch) { out += "\\" }
            out.append(ch)
        }
        return out
    }
}
