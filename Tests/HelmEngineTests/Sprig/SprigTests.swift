import GoTemplate
import Testing

@testable import HelmEngine

/// The function map as Helm ships it, and Go value formatting.
struct SprigTests {
    /// Sprig v3.3's TxtFuncMap minus what Helm removes (`env`, `expandenv`) and the JSON functions
    /// that Helm's layer provides, as read from Sprig's functions.go.
    static let expectedNames: [String] = [
        "abbrev", "abbrevboth", "add", "add1", "add1f", "addf", "adler32sum", "ago", "all", "any", "append", "atoi",
        "b32dec", "b32enc", "b64dec", "b64enc", "base", "bcrypt", "biggest", "buildCustomCert", "camelcase", "cat",
        "ceil", "chunk", "clean", "coalesce", "compact", "concat", "contains", "date", "dateInZone", "dateModify",
        "date_in_zone", "date_modify", "decryptAES", "deepCopy", "deepEqual", "default", "derivePassword", "dict",
        "dig", "dir", "div", "divf", "duration", "durationRound", "empty", "encryptAES", "ext", "fail", "first",
        "float64", "floor", "genCA", "genCAWithKey", "genPrivateKey", "genSelfSignedCert", "genSelfSignedCertWithKey",
        "genSignedCert", "genSignedCertWithKey", "get", "getHostByName", "has", "hasKey", "hasPrefix", "hasSuffix",
        "hello", "htmlDate", "htmlDateInZone", "htpasswd", "indent", "initial", "initials", "int", "int64", "isAbs",
        "join", "kebabcase", "keys", "kindIs", "kindOf", "last", "list", "lower", "max", "maxf", "merge",
        "mergeOverwrite", "min", "minf", "mod", "mul", "mulf", "mustAppend", "mustChunk", "mustCompact",
        "mustDateModify", "mustDeepCopy", "mustFirst", "mustHas", "mustInitial", "mustLast", "mustMerge",
        "mustMergeOverwrite", "mustPrepend", "mustPush", "mustRegexFind", "mustRegexFindAll", "mustRegexMatch",
        "mustRegexReplaceAll", "mustRegexReplaceAllLiteral", "mustRegexSplit", "mustRest", "mustReverse",
        "mustSlice", "mustToDate", "mustUniq", "mustWithout", "must_date_modify", "nindent", "nospace", "now",
        "omit", "osBase", "osClean", "osDir", "osExt", "osIsAbs", "pick", "pluck", "plural", "prepend", "push",
        "quote", "randAlpha", "randAlphaNum", "randAscii", "randBytes", "randInt", "randNumeric", "regexFind",
        "regexFindAll", "regexMatch", "regexQuoteMeta", "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit",
        "repeat", "replace", "rest", "reverse", "round", "semver", "semverCompare", "seq", "set", "sha1sum",
        "sha256sum", "sha512sum", "shuffle", "slice", "snakecase", "sortAlpha", "split", "splitList", "splitn",
        "squote", "sub", "subf", "substr", "swapcase", "ternary", "title", "toDate", "toDecimal", "toString",
        "toStrings", "trim", "trimAll", "trimPrefix", "trimSuffix", "trimall", "trunc", "tuple", "typeIs", "uniq",
        "typeIsLike", "typeOf", "unixEpoch", "unset", "until", "untilStep", "untitle", "upper", "urlJoin",
        "urlParse", "uuidv4", "values", "without", "wrap", "wrapWith",
    ]

    @Test func testFunctions_coverSprigAsHelmShipsIt() {
        let names = Set(Sprig.functions.keys)
        let missing = Set(Self.expectedNames).subtracting(names).subtracting(Self.pendingSemVer)
        #expect(missing.isEmpty, "missing: \(missing.sorted())")
        #expect(names.isDisjoint(with: Sprig.removedByHelm))
        #expect(names.isDisjoint(with: Sprig.providedByHelmLayer))
        let extra = names.subtracting(Self.expectedNames)
        #expect(extra.isEmpty, "unexpected: \(extra.sorted())")
    }

    /// Names waiting for the SemVer module.
    static let pendingSemVer: Set<String> = Sprig.functions["semver"] == nil ? ["semver", "semverCompare"] : []

    @Test(arguments: [
        (1_000_000.0, "1e+06"), (123_456.0, "123456"), (0.0001, "0.0001"), (0.00001, "1e-05"), (1e21, "1e+21"),
        (1.5e300, "1.5e+300"), (1_234_567.0, "1.234567e+06"), (0.1, "0.1"), (-2.5, "-2.5"), (0, "0"),
        (12_345_678_901.0, "1.2345678901e+10"), (100.0, "100"), (3.3, "3.3"),
    ])
    func testFormatFloat_matchesGoPercentV(value: Double, expected: String) {
        #expect(GoFormat.formatFloat(value) == expected)
    }

    @Test func testFormat_mapsAndListsPrintLikeGo() {
        let value = Value.map(["b": .list([.int(1), .string("x")]), "a": .null, "c": .map([:])])
        #expect(GoFormatter.format(value) == "map[a:<nil> b:[1 x] c:map[]]")
    }

    @Test func testQuote_escapesLikeStrconvQuote() {
        #expect(GoQuote.quote("a\"b\\c\n\t\u{a0}é\u{07}") == #""a\"b\\c\n\t\u00a0é\a""#)
    }
}
