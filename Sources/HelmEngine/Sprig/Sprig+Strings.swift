import GoTemplate

// Sprig's string functions (strings.go and the `strings` package wrappers in functions.go).
extension Sprig {
    static let stringFunctions: [String: TemplateFunction] = [
        "hello": function([]) { _ in .string("Hello!") },
        "trim": function([.string]) { .string(GoStrings.trimSpace($0[0].stringArgument)) },
        // strings.Map (behind ToUpper, ToLower, Title) writes U+FFFD for each byte that is not UTF-8.
        "upper": function([.string]) { a in
            .string(GoStrings.mapScalars(GoBytes.replacingStandIns(a[0].stringArgument), GoStrings.upper))
        },
        "lower": function([.string]) { a in
            .string(GoStrings.mapScalars(GoBytes.replacingStandIns(a[0].stringArgument), GoStrings.lower))
        },
        "title": function([.string]) { a in .string(GoStrings.title(GoBytes.replacingStandIns(a[0].stringArgument))) },
        "substr": function([.int, .int, .string]) { a in
            try .string(substring(a[0].intArgument, a[1].intArgument, a[2].stringArgument))
        },
        "trunc": function([.int, .string]) { a in .string(truncate(a[0].intArgument, a[1].stringArgument)) },
        "repeat": function([.int, .string]) { a in try .string(repeatString(a[1].stringArgument, a[0].intArgument)) },
        "trimall": function([.string, .string]) { a in
            .string(GoStrings.trim(a[1].stringArgument, cutset: a[0].stringArgument))
        },
        "trimAll": function([.string, .string]) { a in
            .string(GoStrings.trim(a[1].stringArgument, cutset: a[0].stringArgument))
        },
        "trimSuffix": function([.string, .string]) { a in
            let (suffix, s) = (a[0].stringArgument, a[1].stringArgument)
            return .string(GoStrings.hasSuffix(s, suffix) ? GoStrings.dropLastBytes(s, suffix.utf8.count) : s)
        },
        "trimPrefix": function([.string, .string]) { a in
            let (prefix, s) = (a[0].stringArgument, a[1].stringArgument)
            return .string(GoStrings.hasPrefix(s, prefix) ? GoStrings.dropFirstBytes(s, prefix.utf8.count) : s)
        },
        "nospace": function([.string]) { a in
            .string(
                String(
                    String.UnicodeScalarView(
                        a[0].stringArgument.unicodeScalars.filter {
                            !GoStrings.isSpace($0)
                        })))
        },
        "contains": function([.string, .string]) { a in
            .bool(GoStrings.contains(a[1].stringArgument, a[0].stringArgument))
        },
        "hasPrefix": function([.string, .string]) { a in
            .bool(GoStrings.hasPrefix(a[1].stringArgument, a[0].stringArgument))
        },
        "hasSuffix": function([.string, .string]) { a in
            .bool(GoStrings.hasSuffix(a[1].stringArgument, a[0].stringArgument))
        },
        "quote": function([], variadic: .any) { a in
            .string(
                a.filter { if case .null = $0 { false } else { true } }
                    .map { GoQuote.quote(GoCast.string($0)) }.joined(separator: " "))
        },
        "squote": function([], variadic: .any) { a in
            .string(
                a.filter { if case .null = $0 { false } else { true } }
                    .map { "'" + GoFormatter.format($0) + "'" }.joined(separator: " "))  // Sprig uses `'%v'`
        },
        "cat": function([], variadic: .any) { a in
            .string(
                a.filter { if case .null = $0 { false } else { true } }.map { GoFormatter.format($0) }
                    .joined(separator: " "))
        },
        "indent": function([.int, .string]) { a in try .string(indent(a[0].intArgument, a[1].stringArgument)) },
        "nindent": function([.int, .string]) { a in
            try .string("\n" + indent(a[0].intArgument, a[1].stringArgument))
        },
        "replace": function([.string, .string, .string]) { a in
            try .string(GoStrings.replaceAll(a[2].stringArgument, a[0].stringArgument, a[1].stringArgument))
        },
        "plural": function([.string, .string, .int]) { a in
            a[2].intArgument == 1 ? a[0] : a[1]
        },
        "toString": function([.any]) { a in .string(GoCast.string(a[0])) },
        "split": function([.string, .string]) { a in
            let parts = GoStrings.split(a[1].stringArgument, a[0].stringArgument, limit: -1)
            return indexedMap(parts)
        },
        "splitList": function([.string, .string]) { a in
            .stringList(GoStrings.split(a[1].stringArgument, a[0].stringArgument, limit: -1))
        },
        "splitn": function([.string, .int, .string]) { a in
            indexedMap(GoStrings.split(a[2].stringArgument, a[0].stringArgument, limit: a[1].intArgument))
        },
        "toStrings": function([.any]) { a in
            // strslice hands a `[]string` back as it is, so a nil one stays nil.
            if case .object(let nilSlice as GoNilSlice) = a[0], nilSlice.kind == .string { return a[0] }
            return .stringList(GoCast.strings(a[0]))
        },
        "join": function([.string, .any]) { a in
            .string(GoCast.strings(a[1]).joined(separator: a[0].stringArgument))
        },
        "sortAlpha": function([.any]) { a in
            if case .object(let nilSlice as GoNilSlice) = a[0], nilSlice.kind == .string { return a[0] }
            if a[0].sliceItems != nil { return .stringList(GoCast.strings(a[0]).sorted(by: goLess)) }
            return .stringList([GoCast.string(a[0])])
        },
    ]

    /// Sprig's `split`/`splitn` result: `map[string]string` keyed `_0`, `_1`, ...
    static func indexedMap(_ parts: [String]) -> Value {
        var dict: [String: Value] = [:]
        for (index, part) in parts.enumerated() { dict["_\(index)"] = .string(part) }
        return .map(dict, .string)
    }

    /// Sprig's `substr`: byte offsets; a negative start means 0, a negative or too large end means
    /// the end. Other out-of-range offsets fail as Go's slice expression panics.
    static func substring(_ start: Int, _ end: Int, _ s: String) throws -> String {
        let bytes = GoBytes.bytes(of: s)
        if start < 0 {
            guard end >= 0, end <= bytes.count else {
                throw failure(
                    end < 0
                        ? "runtime error: slice bounds out of range [:\(end)]"
                        : "runtime error: slice bounds out of range [:\(end)] with length \(bytes.count)")
            }
            return GoBytes.string(from: bytes[..<end])
        }
        if end < 0 || end > bytes.count {
            guard start <= bytes.count else {
                throw failure("runtime error: slice bounds out of range [\(start):\(bytes.count)]")
            }
            return GoBytes.string(from: bytes[start...])
        }
        guard start <= end else { throw failure("runtime error: slice bounds out of range [\(start):\(end)]") }
        return GoBytes.string(from: bytes[start..<end])
    }

    /// Sprig's `trunc`: the first `count` bytes, or with a negative count the last `-count` bytes.
    static func truncate(_ count: Int, _ s: String) -> String {
        let bytes = GoBytes.bytes(of: s)
        if count < 0 && bytes.count + count > 0 {
            return GoBytes.string(from: bytes[(bytes.count + count)...])
        }
        if count >= 0 && bytes.count > count {
            return GoBytes.string(from: bytes[..<count])
        }
        return s
    }

    /// Go's `strings.Repeat`, which panics on a negative count.
    static func repeatString(_ s: String, _ count: Int) throws -> String {
        guard count >= 0 else { throw failure("strings: negative Repeat count") }
        let (size, overflow) = s.utf8.count.multipliedReportingOverflow(by: count)
        if overflow { throw failure("strings: Repeat output length overflow") }
        try checkSize(size, "repeat")
        return String(repeating: s, count: count)
    }

    /// Sprig's `indent`: pads the first line and every line after a newline.
    static func indent(_ spaces: Int, _ text: String) throws -> String {
        let pad = try repeatString(" ", spaces)
        try checkSize(text.utf8.count + (text.utf8.count + 1) * spaces, "indent")
        return pad + GoStrings.replaceAllNonEmpty(text, "\n", "\n" + pad)
    }
}
