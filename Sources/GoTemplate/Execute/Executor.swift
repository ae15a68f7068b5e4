/// Runs one template of a set: Go's `text/template` exec state.
///
/// One executor serves one `execute` call (nested `include`/`tpl` calls get their own, sharing the
/// budget); it is never shared between tasks.
final class Executor: FunctionContext {
    /// Non-local exits inside execution: an error, or `{{break}}`/`{{continue}}` unwinding to the range.
    enum Interrupt: Error {
        case failure(TemplateError)
        case breakLoop
        case continueLoop
    }

    let set: TemplateSet
    let options: ExecuteOptions
    let budget: ExecutionBudget
    let depth: Int
    /// The template being executed (changes inside `{{template}}`).
    var tree: Tree
    /// The node being evaluated, for error messages (Go's `state.node`).
    var at: any Node
    var vars: [(name: String, value: EvalValue)] = []
    var output: [UInt8] = []
    /// The template `execute` started with; `executeText` parses under this name, as Helm's `tpl` does.
    let topName: String

    init(set: TemplateSet, options: ExecuteOptions, budget: ExecutionBudget, tree: Tree, depth: Int) {
        self.set = set
        self.options = options
        self.budget = budget
        self.tree = tree
        self.depth = depth
        self.at = tree.root
        self.topName = tree.name
    }

    /// Executes the tree with `data` as dot.
    func run(data: Value) throws(TemplateError) -> String {
        let dot: EvalValue = if case .null = data { .invalid } else { EvalValue(data) }
        vars = [("$", dot)]
        output.reserveCapacity(4096)
        do {
            try walk(dot, tree.root)
        } catch {
            switch error {
            case .failure(let e): throw e
            case .breakLoop, .continueLoop:
                throw TemplateError(code: .execute, message: "template: \(tree.name): break outside range", detail: "break outside range")
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Errors

    /// Go's `state.errorf`: `template: LOCATION: executing "NAME" at <NODE>: DETAIL`.
    func fail(_ detail: String, code: TemplateError.Code = .execute, cause: (any Error & Sendable)? = nil) -> Interrupt {
        let location = tree.location(of: at.pos)
        // Go's ErrorContext once truncated this to 20 characters; the Go that Helm 4 uses does not.
        let context = at.goString
        let name = GoQuote.quote(tree.name)
        return .failure(
            TemplateError(
                code: code, message: "template: \(location): executing \(name) at <\(context)>: \(detail)",
                location: location, executing: tree.name, context: context, detail: detail, cause: cause))
    }

    func step() throws(Interrupt) {
        budget.steps += 1
        if budget.steps > budget.maxSteps {
            throw fail("execution exceeded the limit of \(budget.maxSteps) steps (ExecuteOptions.maxSteps)", code: .limitExceeded)
        }
    }

    func write(_ bytes: [UInt8]) throws(Interrupt) {
        output.append(contentsOf: bytes)
        try checkOutput()
    }

    func write(_ text: String) throws(Interrupt) {
        output.append(contentsOf: text.utf8)
        try checkOutput()
    }

    private func checkOutput() throws(Interrupt) {
        if output.count + budget.enclosingOutput > budget.maxOutputBytes {
            throw fail("output exceeds the limit of \(budget.maxOutputBytes) bytes (ExecuteOptions.maxOutputBytes)", code: .limitExceeded)
        }
    }

    // MARK: Walking

    func walk(_ dot: EvalValue, _ list: ListNode) throws(Interrupt) {
        for item in list.items {
            try step()
            switch item {
            case .text(let node):
                try write(node.bytes)
            case .action(let node):
                at = node
                let value = try evalPipeline(dot, node.pipe)
                if node.pipe.decl.isEmpty { try printValue(node, value) }
            case .ifNode(let node):
                try walkIfOrWith(dot, node, isWith: false)
            case .withNode(let node):
                try walkIfOrWith(dot, node, isWith: true)
            case .rangeNode(let node):
                try walkRange(dot, node)
            case .template(let node):
                try walkTemplate(dot, node)
            case .breakNode(let node):
                at = node
                throw .breakLoop
            case .continueNode(let node):
                at = node
                throw .continueLoop
            }
        }
    }

    private func printValue(_ node: any Node, _ value: EvalValue) throws(Interrupt) {
        at = node
        guard let v = value.value else {
            try write("<no value>")
            return
        }
        switch v {
        case .string(let s): try write(s)
        default: try write(GoFormatter.format(v))
        }
    }

    private func walkIfOrWith(_ dot: EvalValue, _ node: BranchNode, isWith: Bool) throws(Interrupt) {
        at = node
        let mark = vars.count
        defer { vars.removeLast(vars.count - mark) }
        let value = try evalPipeline(dot, node.pipe)
        if value.value?.isTruthy ?? false {
            try walk(isWith ? value : dot, node.list)
        } else if let elseList = node.elseList {
            try walk(dot, elseList)
        }
    }

    private func walkRange(_ dot: EvalValue, _ node: BranchNode) throws(Interrupt) {
        at = node
        let outerMark = vars.count
        defer { vars.removeLast(vars.count - outerMark) }
        let value = try evalPipeline(dot, node.pipe)
        let mark = vars.count
        let decl = node.pipe.decl
        // Returns false when the body ran {{break}}.
        func iterate(_ index: EvalValue, _ element: EvalValue) throws(Interrupt) -> Bool {
            try step()
            if !decl.isEmpty {
                if node.pipe.isAssign {
                    try setVar(decl[0].name, decl.count > 1 ? index : element)
                } else {
                    vars[vars.count - 1].value = element
                }
            }
            if decl.count > 1 {
                if node.pipe.isAssign {
                    try setVar(decl[1].name, element)
                } else {
                    vars[vars.count - 2].value = index
                }
            }
            defer { vars.removeLast(vars.count - mark) }
            do {
                try walk(element, node.list)
            } catch {
                switch error {
                case .continueLoop: return true
                case .breakLoop: return false
                case .failure: throw error
                }
            }
            return true
        }
        switch value.value {
        case .list(let items, let kind) where !items.isEmpty:
            for (i, item) in items.enumerated() {
                guard try iterate(EvalValue(.int(i)), EvalValue(value: item, boxed: kind.isInterface)) else { break }
            }
            return
        case .map(let map, let kind) where !map.isEmpty:
            for key in map.keys.sorted(by: GoFormatter.goStringLess) {
                guard let item = map[key] else { continue }
                guard try iterate(EvalValue(.string(key)), EvalValue(value: item, boxed: kind.isInterface)) else {
                    break
                }
            }
            return
        case .int(let count, let kind):
            if decl.count > 1 {
                throw fail("can't use \(GoFormatter.format(.int(count, kind))) to iterate over more than one variable")
            }
            if count > 0 {
                for i in 0..<count {
                    guard try iterate(.invalid, EvalValue(.int(i, kind))) else { break }
                }
                return
            }
        case .list, .map, nil:
            break
        case .some(let other):
            throw fail("range can't iterate over \(GoFormatter.format(other))")
        }
        if let elseList = node.elseList { try walk(dot, elseList) }
    }

    private func walkTemplate(_ dot: EvalValue, _ node: TemplateCallNode) throws(Interrupt) {
        at = node
        guard let target = set.trees[node.name] else {
            throw fail("template \(GoQuote.quote(node.name)) not defined")
        }
        if depth + templateDepth >= options.maxDepth {
            throw fail("exceeded maximum template depth (\(options.maxDepth))", code: .limitExceeded)
        }
        let newDot = try evalPipeline(dot, node.pipe)
        let savedVars = vars
        let savedTree = tree
        vars = [("$", newDot)]
        tree = target
        templateDepth += 1
        defer {
            vars = savedVars
            tree = savedTree
            templateDepth -= 1
        }
        try walk(newDot, target.root)
    }

    var templateDepth = 0

    // MARK: Variables

    func varValue(_ name: String) throws(Interrupt) -> EvalValue {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].name == name {
            return vars[i].value
        }
        throw fail("undefined variable: \(name)")
    }

    func setVar(_ name: String, _ value: EvalValue) throws(Interrupt) {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].name == name {
            vars[i].value = value
            return
        }
        throw fail("undefined variable: \(name)")
    }

    // MARK: FunctionContext

    func executeTemplate(named name: String, data: Value) throws -> String {
        guard let target = set.trees[name] else {
            let detail = "no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(set.name))"
            throw TemplateError(code: .execute, message: "template: \(detail)", detail: detail)
        }
        return try nested(set: set, tree: target, data: data)
    }

    func executeText(_ text: String, data: Value) throws -> String {
        var copy = set
        try copy.parse(name: topName, text: text)
        guard let target = copy.trees[topName] else { return "" }
        return try nested(set: copy, tree: target, data: data)
    }

    private func nested(set: TemplateSet, tree: Tree, data: Value) throws(TemplateError) -> String {
        let nestedDepth = depth + templateDepth + 1
        if nestedDepth >= options.maxDepth {
            let detail = "exceeded maximum template depth (\(options.maxDepth))"
            throw TemplateError(code: .limitExceeded, message: "template: \(tree.name): \(detail)", detail: detail)
        }
        let executor = Executor(set: set, options: options, budget: budget, tree: tree, depth: nestedDepth)
        budget.enclosingOutput += output.count
        defer { budget.enclosingOutput -= output.count }
        return try executor.run(data: data)
    }
}
