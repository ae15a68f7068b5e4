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
    /// The node being evaluated, for error messages (Go's `state.node`). Nodes belong to the trees the
    /// set holds for the whole execution, so the reference needs no retain.
    unowned(unsafe) var at: any Node
    var vars: [(name: String, value: EvalValue)] = []
    var output: [UInt8] = []
    /// The template `execute` started with; `executeText` parses under this name, as Helm's `tpl` does.
    let topName: String
    /// The stack bound of the thread this execution runs on (a nested execution may run on another thread).
    private(set) var stack: StackGuard

    init(
        set: TemplateSet, options: ExecuteOptions, budget: ExecutionBudget, tree: Tree, depth: Int, stack: StackGuard
    ) {
        self.set = set
        self.options = options
        self.budget = budget
        self.tree = tree
        self.depth = depth
        self.at = tree.root
        self.topName = tree.name
        self.stack = stack
    }

    /// Executes the tree with `data` as dot.
    func run(data: Value) throws(TemplateError) -> String {
        let dot: EvalValue = if case .null = data { .invalid } else { EvalValue(adopt(data)) }
        vars = [("$", dot)]
        output.reserveCapacity(4096)
        do {
            try walk(dot, tree.root)
        } catch {
            switch error {
            case .failure(let e): throw e
            case .breakLoop, .continueLoop:
                throw TemplateError(
                    code: .execute, message: "template: \(tree.name): break outside range",
                    detail: "break outside range")
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Errors

    /// Go's `state.errorf`: `template: LOCATION: executing "NAME" at <NODE>: DETAIL`.
    func fail(_ detail: String, code: TemplateError.Code = .execute, cause: (any Error & Sendable)? = nil) -> Interrupt
    {
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
            throw fail(
                "execution exceeded the limit of \(budget.maxSteps) steps (ExecuteOptions.maxSteps)",
                code: .limitExceeded)
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
            throw fail(
                "output exceeds the limit of \(budget.maxOutputBytes) bytes (ExecuteOptions.maxOutputBytes)",
                code: .limitExceeded)
        }
    }

    // MARK: Walking

    func walk(_ dot: EvalValue, _ list: ListNode) throws(Interrupt) {
        if !stack.hasRoom() {
            throw fail("template nesting is too deep for the thread's stack", code: .limitExceeded)
        }
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
        case .bool(let b): try write(b ? "true" : "false")
        case .int(let i, let kind) where !kind.isUnsigned || i >= 0: try write(String(i))
        // The action prints an addressable value, so a pointer-receiver String() applies (Go's printValue).
        case .object(let object): try write(object.goDescription)
        default: try write(GoFormatter.format(MapReference.refreshed(v)))
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
        switch value.value?.unwrappingNamedType {
        case .list(let items, let kind) where !items.isEmpty:
            for (i, item) in items.enumerated() {
                guard try iterate(EvalValue(.int(i)), EvalValue(value: item, boxed: kind.isInterface)) else { break }
            }
            return
        case .map(let payload, let kind) where !(value.value?.unwrappingNamedType.isEmptyMap ?? true):
            let map = if case .shared(let reference) = kind { reference.taggedEntries() } else { payload }
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
            // Go's own limit and message (maxExecDepth), so an execution error as Go reports it.
            throw fail("exceeded maximum template depth (\(options.maxDepth))")
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
        if stack.hasRoom(extra: FreshStack.threshold) || budget.freshStacks >= budget.maxFreshStacks {
            try walk(newDot, target.root)
        } else {
            try onFreshStack { () throws(Interrupt) in try walk(newDot, target.root) }
        }
    }

    /// Runs `body` on a new thread with a large stack (see ``FreshStack``) while this one waits.
    private func onFreshStack(_ body: () throws(Interrupt) -> Void) throws(Interrupt) {
        let saved = stack
        budget.freshStacks += 1
        defer {
            stack = saved
            budget.freshStacks -= 1
        }
        do {
            try FreshStack.run { () throws in
                stack = .forCurrentThread()
                try body()
            }
        } catch let interrupt as Interrupt {
            throw interrupt
        } catch let error as TemplateError {
            throw .failure(error)
        } catch {
            throw fail("\(error)")
        }
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
        budget.openExecutions[name, default: 0] += 1
        defer { budget.openExecutions[name, default: 1] -= 1 }
        return try nested(set: set, tree: target, data: data)
    }

    func openExecutions(of name: String) -> Int { budget.openExecutions[name] ?? 0 }

    /// Parses `text` into a copy of the set under the set's name (Helm's `tpl` parses under its root
    /// template's name, `gotpl`), or under the executing template's name when the set has none, and executes
    /// the tree `text` defines. An empty text leaves an existing template of that name in the set (Go's rule)
    /// but is still what runs, so `tpl ""` renders nothing instead of re-running the template that called it.
    func executeText(_ text: String, data: Value) throws -> String {
        var copy = set
        let name = set.name.isEmpty ? topName : set.name
        guard let target = try copy.parseTrees(name: name, text: text) else { return "" }
        return try nested(set: copy, tree: target, data: data)
    }

    private func nested(set: TemplateSet, tree: Tree, data: Value) throws(TemplateError) -> String {
        let nestedDepth = depth + templateDepth + 1
        if nestedDepth >= options.maxDepth {
            let detail = "exceeded maximum template depth (\(options.maxDepth))"
            throw TemplateError(code: .limitExceeded, message: "template: \(tree.name): \(detail)", detail: detail)
        }
        let stack = stack.forCallingThread()
        if !stack.hasRoom() {
            let detail = "template nesting is too deep for the thread's stack"
            throw TemplateError(code: .limitExceeded, message: "template: \(tree.name): \(detail)", detail: detail)
        }
        budget.enclosingOutput += output.count
        defer { budget.enclosingOutput -= output.count }
        if stack.hasRoom(extra: FreshStack.threshold) || budget.freshStacks >= budget.maxFreshStacks {
            let executor = Executor(
                set: set, options: options, budget: budget, tree: tree, depth: nestedDepth, stack: stack)
            return try executor.run(data: data)
        }
        budget.freshStacks += 1
        defer { budget.freshStacks -= 1 }
        do {
            return try FreshStack.run { () throws in
                let executor = Executor(
                    set: set, options: options, budget: budget, tree: tree, depth: nestedDepth,
                    stack: .forCurrentThread())
                return try executor.run(data: data)
            }
        } catch let error as TemplateError {
            throw error
        } catch {
            let detail = "\(error)"
            throw TemplateError(code: .execute, message: "template: \(tree.name): \(detail)", detail: detail)
        }
    }
}
