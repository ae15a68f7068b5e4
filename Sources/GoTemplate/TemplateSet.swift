/// A set of parsed templates that share functions and `{{define}}`d names (Go's `*template.Template`).
///
/// Parse every file into one set, then execute any template by name, as many times as needed and
/// from any number of tasks at once: a set is an immutable value once parsed.
///
/// ```swift
/// var set = TemplateSet(functions: sprigFunctions)
/// try set.parse(name: "chart/templates/_helpers.tpl", text: helpers)
/// try set.parse(name: "chart/templates/deployment.yaml", text: deployment)
/// let yaml = try set.execute(
///     name: "chart/templates/deployment.yaml", data: values, options: .init(missingKey: .zero))
/// ```
public struct TemplateSet: Sendable {
    /// The functions templates may call, besides Go's built-ins (which they override, as in Go).
    public private(set) var functions: [String: TemplateFunction]
    /// How ``parse(name:text:)`` reads text.
    public var options: ParseOptions
    /// The set's own name, used only in Go's message for executing an unknown template.
    public var name: String
    var trees: [String: Tree] = [:]

    /// Creates an empty set.
    /// - Parameters:
    ///   - functions: the function map (Go's `Funcs`); later ``addFunctions(_:)`` calls add more.
    ///   - options: parse options, such as delimiters.
    ///   - name: the set's name (Helm names its root template `gotpl`).
    public init(functions: [String: TemplateFunction] = [:], options: ParseOptions = .init(), name: String = "") {
        self.functions = functions
        self.options = options
        self.name = name
    }

    /// Adds or replaces functions. Templates parsed before keep working; parse checks use the new map.
    public mutating func addFunctions(_ functions: [String: TemplateFunction]) {
        self.functions.merge(functions) { _, new in new }
    }

    /// Parses `text` as the template `name`, adding it and every `{{define}}`/`{{block}}` in it.
    ///
    /// As in Go, a later non-empty definition of a name replaces an earlier one, an empty one never
    /// replaces an existing template, and two non-empty definitions of one name in the same text are
    /// an error. On error the set is unchanged.
    /// - Throws: ``TemplateError`` with code ``TemplateError/Code/parse`` and Go's message,
    ///   e.g. `template: NAME:3: unexpected "}" in operand`.
    public mutating func parse(name: String, text: String) throws(TemplateError) {
        _ = try parseTrees(name: name, text: text)
    }

    /// ``parse(name:text:)``, returning the tree `text` itself defines for `name` (even an empty one that did not
    /// replace an existing template: Go's `Parse` on a template executes that template's own tree).
    mutating func parseTrees(name: String, text: String) throws(TemplateError) -> Tree? {
        if text.utf8.count > options.maxTextBytes {
            throw .parseNoLine(
                name: name, "template text is \(text.utf8.count) bytes, over the limit of \(options.maxTextBytes)")
        }
        let functions = self.functions
        let parsed = try Parser.parse(name: name, text: text, options: options) { fn in
            functions[fn] != nil || Builtin(rawValue: fn) != nil
        }
        for tree in parsed {
            if let existing = trees[tree.name], tree.root.isEmpty, !existing.root.isEmpty { continue }
            trees[tree.name] = tree
        }
        return parsed.first { $0.name == name }
    }

    /// Whether a template of this name exists (parsed or defined).
    public func hasTemplate(named name: String) -> Bool { trees[name] != nil }

    /// The names of all templates in the set, sorted.
    public var templateNames: [String] { trees.keys.sorted() }

    /// Executes the template `name` with `data` as dot and returns what it writes.
    ///
    /// `<no value>` appears in the output where Go prints it; Helm deletes it afterwards.
    /// - Throws: ``TemplateError`` with Go's message (code ``TemplateError/Code/execute``), or with code
    ///   ``TemplateError/Code/limitExceeded`` when a limit of `options` is reached.
    public func execute(name: String, data: Value, options: ExecuteOptions = .init()) throws(TemplateError) -> String {
        try execute(name: name, data: data, budget: ExecutionBudget(options))
    }

    func execute(name: String, data: Value, budget: ExecutionBudget) throws(TemplateError) -> String {
        let options = budget.options
        guard let tree = trees[name] else {
            throw TemplateError(
                code: .execute,
                message:
                    "template: no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(self.name))",
                detail: "no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(self.name))")
        }
        let executor = Executor(
            set: self, options: options, budget: budget, tree: tree, depth: 0,
            stack: .forCurrentThread())
        return try executor.run(data: data)
    }
}
