import GoTemplate

// Sprig's regular expression functions (regex.go) over Go's RE2 syntax.
//
// The `must` variants return Go's compile error (`error parsing regexp: ...`); the others call
// `regexp.MustCompile`, whose panic text wraps it (`regexp: Compile(`x`): ...`), except
// `regexMatch`, which Sprig turns into `false`.
extension Sprig {
    static let regexFunctions: [String: TemplateFunction] = [
        "regexMatch": function([.string, .string]) { a in
            .bool((try? GoRegexp.compile(a[0].stringArgument))?.matches(a[1].stringArgument) ?? false)
        },
        "mustRegexMatch": function([.string, .string]) { a in
            .bool(try compileRegex(a[0].stringArgument, must: true).matches(a[1].stringArgument))
        },
        "regexFindAll": function([.string, .string, .int]) { a in try findAll(a, must: false) },
        "mustRegexFindAll": function([.string, .string, .int]) { a in try findAll(a, must: true) },
        "regexFind": function([.string, .string]) { a in
            .string(try compileRegex(a[0].stringArgument, must: false).findString(a[1].stringArgument))
        },
        "mustRegexFind": function([.string, .string]) { a in
            .string(try compileRegex(a[0].stringArgument, must: true).findString(a[1].stringArgument))
        },
        "regexReplaceAll": function([.string, .string, .string]) { a in try replace(a, must: false, literal: false) },
        "mustRegexReplaceAll": function([.string, .string, .string]) { a in
            try replace(a, must: true, literal: false)
        },
        "regexReplaceAllLiteral": function([.string, .string, .string]) { a in
            try replace(a, must: false, literal: true)
        },
        "mustRegexReplaceAllLiteral": function([.string, .string, .string]) { a in
            try replace(a, must: true, literal: true)
        },
        "regexSplit": function([.string, .string, .int]) { a in
            let regex = try compileRegex(a[0].stringArgument, must: false)
            // Go's Regexp.Split returns nil for n == 0.
            if a[2].intArgument == 0 { return .nilList(.string) }
            return .stringList(regex.split(a[1].stringArgument, limit: a[2].intArgument))
        },
        "mustRegexSplit": function([.string, .string, .int]) { a in
            let regex = try compileRegex(a[0].stringArgument, must: true)
            // Go's Regexp.Split returns nil for n == 0.
            if a[2].intArgument == 0 { return .nilList(.string) }
            return .stringList(regex.split(a[1].stringArgument, limit: a[2].intArgument))
        },
        "regexQuoteMeta": function([.string]) { a in .string(GoRegexp.quoteMeta(a[0].stringArgument)) },
    ]

    static func compileRegex(_ pattern: String, must: Bool) throws -> GoRegexp {
        do {
            return try GoRegexp.compile(pattern)
        } catch {
            if must { throw failure(error.message) }
            throw failure("regexp: Compile(\(backquote(pattern))): \(error.message)")
        }
    }

    /// Go's `regexp.quote`: backquoted when `strconv.CanBackquote`, else `strconv.Quote`.
    static func backquote(_ s: String) -> String {
        let canBackquote = s.unicodeScalars.allSatisfy { scalar in
            scalar != "`" && scalar != "\u{FEFF}" && (scalar == "\t" || !(scalar.value < 0x20 || scalar.value == 0x7F))
        }
        return canBackquote ? "`" + s + "`" : GoQuote.quote(s)
    }

    static func findAll(_ a: [Value], must: Bool) throws -> Value {
        let regex = try compileRegex(a[0].stringArgument, must: must)
        let found = regex.findAllStrings(a[1].stringArgument, limit: a[2].intArgument)
        // Go's FindAllString returns nil when nothing matches (and for n == 0).
        return found.isEmpty ? .nilList(.string) : .stringList(found)
    }

    static func replace(_ a: [Value], must: Bool, literal: Bool) throws -> Value {
        let regex = try compileRegex(a[0].stringArgument, must: must)
        return .string(regex.replaceAll(a[1].stringArgument, with: a[2].stringArgument, literal: literal))
    }
}
