public import GoTemplate

/// The Sprig v3 template function library exactly as Helm 4 ships it.
///
/// Helm builds its function map from Sprig's `TxtFuncMap`, deletes `env` and `expandenv`, and
/// then layers its own functions on top (`toYaml`, `toJson`, `fromJson`, `include`, `tpl`,
/// `required`, `lookup`, ...). This map holds Sprig's part only: the JSON functions that Helm
/// replaces or that share Helm's JSON encoder (`toJson`, `fromJson`, `toPrettyJson`, `toRawJson`,
/// `mustToJson`, ...) live with Helm's functions, which are layered over this map.
///
/// ```swift
/// let functions = Sprig.functions
/// let upper = try functions["upper"]!.body([.string("abc")], context)  // .string("ABC")
/// ```
///
/// Results keep Go's dynamic types (`add` returns `int64`, `until` a `[]int`, `split` a
/// `map[string]string`) because templates print and compare them by type.
public enum Sprig {
    /// Every Sprig function Helm exposes, by template name.
    public static let functions: [String: TemplateFunction] = {
        var all: [String: TemplateFunction] = [:]
        for family in [
            stringFunctions, stringCaseFunctions, listFunctions, dictFunctions, defaultFunctions,
            mathFunctions, conversionFunctions, encodingFunctions, reflectionFunctions, pathFunctions,
            urlFunctions, regexFunctions, dateFunctions, cryptoFunctions, certificateFunctions,
            randomFunctions, semverFunctions, flowFunctions,
        ] {
            all.merge(family) { first, _ in first }
        }
        return all
    }()

    /// The names Helm removes from Sprig's map (they read the process environment).
    public static let removedByHelm: Set<String> = ["env", "expandenv"]

    /// Sprig names that Helm's JSON layer provides instead of this map.
    public static let providedByHelmLayer: Set<String> = [
        "toJson", "fromJson", "toPrettyJson", "toRawJson",
        "mustToJson", "mustFromJson", "mustToPrettyJson", "mustToRawJson",
    ]
}

// MARK: Building functions

extension Sprig {
    /// A function with a Go signature whose body needs no template context.
    static func function(
        _ parameters: [GoParameter],
        variadic: GoParameter? = nil,
        _ body: @escaping @Sendable ([Value]) throws -> Value
    ) -> TemplateFunction {
        TemplateFunction(parameters, variadic: variadic) { arguments, _ in try body(arguments) }
    }

    /// The failure Go reports as `error calling NAME: message`.
    static func failure(_ message: String) -> TemplateFunctionError {
        TemplateFunctionError(message)
    }

    /// The largest string or list a function may build, so hostile templates cannot exhaust memory.
    static let maximumResultSize = 64 << 20

    /// Throws when a result of `size` elements or bytes would pass ``maximumResultSize``.
    static func checkSize(_ size: Int, _ what: String) throws {
        if size > maximumResultSize || size < 0 {
            throw failure("\(what) would exceed fluxhelm's limit of \(maximumResultSize) elements or bytes")
        }
    }
}

// MARK: Reading converted arguments

extension Value {
    /// The string of a `string` argument (the executor has converted it already).
    var stringArgument: String {
        if case .string(let s) = self { return s }
        return GoCast.string(self)
    }

    /// The integer of an `int` argument.
    var intArgument: Int {
        switch self {
        case .int(let i, _): i
        case .float(let d): GoCast.truncate(d)
        default: 0
        }
    }

    /// The boolean of a `bool` argument.
    var boolArgument: Bool {
        if case .bool(let b) = self { return b }
        return false
    }

    /// The dictionary of a `map[string]interface{}` argument (empty for nil).
    var mapArgument: [String: Value] {
        if case .map(let dict, _) = self { return dict }
        return [:]
    }

    /// The list elements when the value's reflect kind is slice (Go slices, nil slices, Helm's named slice types
    /// such as `.Capabilities.APIVersions`), else `nil`: Sprig reaches every slice through reflection.
    var sliceElements: [Value]? { sliceItems }

    /// A `[]string` value.
    static func stringList(_ strings: [String]) -> Value {
        .list(strings.map { .string($0) }, .string)
    }

    /// A Go `int64` value.
    static func int64(_ value: Int) -> Value { .int(value, .int64) }
}

/// Go's string ordering: bytewise over UTF-8, as `sort.Strings` and `fmt`'s map printing use.
func goLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
