// Hand-written scanners for Masterminds/semver v3 constraint syntax. Masterminds uses Go regular expressions
// (leftmost-first); every place below where a regex could choose between matches is deterministic, because the
// characters a version part may contain never include whitespace, commas or operator characters, so a greedy
// scan finds the same match the regex engine does. Running in linear time also keeps hostile input cheap.

/// The parts of a constraint's version text, as byte ranges into the scanned input.
struct ScannedConstraintVersion {
    /// The whole version text, including a leading `v` and any metadata.
    var range: Range<Int>
    /// The major part without the `v` (may be `x`, `X`, `*`, digits, or other class characters).
    var major: Range<Int>
    /// The minor part without its dot.
    var minor: Range<Int>?
    /// The patch part without its dot.
    var patch: Range<Int>?
    /// The prerelease including its leading `-`.
    var prerelease: Range<Int>?
}

enum ConstraintScanner {
    /// Go's regexp `\s`: tab, newline, form feed, carriage return and space (not vertical tab).
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Masterminds' constraint number class `[0-9|x|X|\*]`, which (by accident upstream) also admits `|`.
    @inline(__always) static func isNumberByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X") || byte == UInt8(ascii: "*")
            || byte == UInt8(ascii: "|")
    }

    @inline(__always) static func isOperatorByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "~"),
            UInt8(ascii: "^"):
            return true
        default:
            return false
        }
    }

    static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < bytes.count && isSpace(bytes[index]) { index += 1 }
    }

    /// Scans a constraint version `v?N(.N)?(.N)?(-ids)?(+ids)?` starting exactly at `start`.
    static func scanVersion(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> ScannedConstraintVersion? {
        let count = bytes.count
        var index = start
        if index + 1 < count && bytes[index] == UInt8(ascii: "v") && isNumberByte(bytes[index + 1]) { index += 1 }
        func number() -> Range<Int>? {
            let begin = index
            while index < count && isNumberByte(bytes[index]) { index += 1 }
            return index > begin ? begin..<index : nil
        }
        guard let major = number() else { return nil }
        var result = ScannedConstraintVersion(range: start..<index, major: major)
        if index + 1 < count && bytes[index] == UInt8(ascii: ".") && isNumberByte(bytes[index + 1]) {
            index += 1
            result.minor = number()
            if index + 1 < count && bytes[index] == UInt8(ascii: ".") && isNumberByte(bytes[index + 1]) {
                index += 1
                result.patch = number()
            }
        }
        if index + 1 < count && bytes[index] == UInt8(ascii: "-") && isIdentifierByte(bytes[index + 1]) {
            let dash = index
            index += 1
            _ = scanIdentifiers(bytes, &index)
            result.prerelease = dash..<index
        }
        if index + 1 < count && bytes[index] == UInt8(ascii: "+") && isIdentifierByte(bytes[index + 1]) {
            index += 1
            _ = scanIdentifiers(bytes, &index)
        }
        result.range = start..<index
        return result
    }

    /// Finds the hyphen ranges `A - B` and rewrites each as `>= A, <= B ` (Masterminds' `rewriteRange`).
    ///
    /// Each match is `\s*A\s+-\s+B\s*`, found leftmost-first without overlap; like upstream, the first occurrence
    /// of the matched text in the partly rewritten string is the one replaced.
    static func rewriteRanges(_ text: String) -> String {
        var copy = text
        let matches: [(match: [UInt8], replacement: [UInt8])] = copy.withUTF8 { bytes in
            var found: [(match: [UInt8], replacement: [UInt8])] = []
            var cursor = 0
            while cursor < bytes.count {
                var matched = false
                for start in cursor..<bytes.count {
                    if let (end, low, high) = matchRange(bytes, at: start) {
                        let replacement = Array(">= ".utf8) + bytes[low] + Array(", <= ".utf8) + bytes[high] + [0x20]
                        found.append((Array(bytes[start..<end]), replacement))
                        cursor = end
                        matched = true
                        break
                    }
                }
                if !matched { break }
            }
            return found
        }
        if matches.isEmpty { return text }
        var output = Array(text.utf8)
        for (match, replacement) in matches {
            if let at = firstIndex(of: match, in: output) {
                output.replaceSubrange(at..<(at + match.count), with: replacement)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func matchRange(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at start: Int
    ) -> (end: Int, low: Range<Int>, high: Range<Int>)? {
        var index = start
        skipSpaces(bytes, &index)
        guard let low = scanVersion(bytes, at: index) else { return nil }
        index = low.range.upperBound
        let beforeDash = index
        skipSpaces(bytes, &index)
        guard index > beforeDash, index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return nil }
        index += 1
        let afterDash = index
        skipSpaces(bytes, &index)
        guard index > afterDash, let high = scanVersion(bytes, at: index) else { return nil }
        index = high.range.upperBound
        skipSpaces(bytes, &index)
        return (index, low.range, high.range)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// Splits on `||` as Go's `strings.Split` does (non-overlapping, left to right, keeping empty parts).
    static func splitOr(_ text: String) -> [Substring] {
        var parts: [Substring] = []
        var partStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "|" && next < text.endIndex && text[next] == "|" {
                parts.append(text[partStart..<index])
                index = text.index(after: next)
                partStart = index
            } else {
                index = next
            }
        }
        parts.append(text[partStart...])
        return parts
    }

    /// Splits one `||` branch into its `op version` items, or returns `nil` when Masterminds' validation regex
    /// would reject the branch. Items are separated by whitespace or a comma.
    static func items(_ bytes: UnsafeBufferPointer<UInt8>) -> [(op: Range<Int>, version: ScannedConstraintVersion)]? {
        var result: [(op: Range<Int>, version: ScannedConstraintVersion)] = []
        var index = 0
        skipSpaces(bytes, &index)
        while true {
            let opStart = index
            while index < bytes.count && isOperatorByte(bytes[index]) { index += 1 }
            guard ConstraintOperator(bytes[opStart..<index]) != nil else { return nil }
            let op = opStart..<index
            skipSpaces(bytes, &index)
            guard let version = scanVersion(bytes, at: index) else { return nil }
            result.append((op, version))
            index = version.range.upperBound
            let spaceStart = index
            skipSpaces(bytes, &index)
            if index == bytes.count { return result }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipSpaces(bytes, &index)
            } else if index == spaceStart {
                return nil
            }
        }
    }
}
