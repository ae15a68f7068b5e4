/// The Go type of a parameter as the executor sees it: a declared Go type, or `reflect.Value`
/// (which Go's own built-ins take, receiving values unconverted and even invalid).
enum ParamType: Equatable {
    case go(GoParameter)
    case reflectValue

    var goName: String {
        switch self {
        case .reflectValue: "reflect.Value"
        case .go(let p): p.goName
        }
    }
}

extension GoParameter {
    /// Go's name for the type, as messages print it.
    var goName: String {
        switch self {
        case .any: "interface {}"
        case .string: "string"
        case .int: "int"
        case .int64: "int64"
        case .float64: "float64"
        case .bool: "bool"
        case .list: "[]interface {}"
        case .stringList: "[]string"
        case .map: "map[string]interface {}"
        }
    }

    var canBeNil: Bool {
        switch self {
        case .any, .list, .stringList, .map: true
        default: false
        }
    }

    /// `reflect.Zero` of the type, for nil arguments.
    var zero: Value {
        switch self {
        case .list: .list([], .interface)
        case .stringList: .list([], .string)
        case .map: .map([:], .interface)
        default: .null
        }
    }

    /// The value converted to this type if Go would assign it, else `nil`.
    func assign(_ value: Value) -> Value? {
        switch (self, value) {
        case (.any, _): value
        case (.string, .string), (.float64, .float), (.bool, .bool): value
        case (.int, .int(_, .int)), (.int64, .int(_, .int64)): value
        case (.list, .list(_, .interface)), (.stringList, .list(_, .string)): value
        case (.map, .map(_, let kind)) where kind.base != .string: value
        default: nil
        }
    }
}

/// What a command calls.
enum Callable {
    case function(TemplateFunction)
    case builtin(Builtin)
}

extension Executor {
    func evalFunction(_ dot: EvalValue, _ node: IdentifierNode, callNode: any Node, args: [Operand]?, final: EvalValue?)
        throws(Interrupt) -> EvalValue
    {
        at = node
        let name = node.name
        if let function = set.functions[name] {
            return try evalCall(dot, .function(function), callNode: callNode, name: name, args: args, final: final)
        }
        if let builtin = node.builtin {
            return try evalCall(dot, .builtin(builtin), callNode: callNode, name: name, args: args, final: final)
        }
        throw fail("\(GoQuote.quote(name)) is not a defined function")
    }

    /// Go's `evalCall`: arity check, argument conversion, the call, and error wrapping.
    func evalCall(
        _ dot: EvalValue, _ callable: Callable, callNode: any Node, name: String, args allArgs: [Operand]?,
        final: EvalValue?
    ) throws(Interrupt) -> EvalValue {
        let args: ArraySlice<Operand> = allArgs?.dropFirst() ?? []
        let fixedCount: Int
        let isVariadic: Bool
        var builtinSignature: ([ParamType], ParamType?) = ([], nil)
        switch callable {
        case .function(let f):
            fixedCount = f.parameters.count
            isVariadic = f.variadic != nil
        case .builtin(let b):
            builtinSignature = b.signature
            fixedCount = builtinSignature.0.count
            isVariadic = builtinSignature.1 != nil
        }
        // The parameter type of argument i (the variadic element type past the fixed ones).
        func parameterType(_ i: Int) -> ParamType {
            switch callable {
            case .function(let f):
                if i < f.parameters.count { return .go(f.parameters[i]) }
                return .go(f.variadic ?? .any)
            case .builtin:
                if i < builtinSignature.0.count { return builtinSignature.0[i] }
                return builtinSignature.1 ?? .reflectValue
            }
        }
        let numIn = args.count + (final == nil ? 0 : 1)
        if isVariadic {
            if numIn < fixedCount {
                throw fail("wrong number of args for \(name): want at least \(fixedCount) got \(args.count)")
            }
        } else if numIn != fixedCount {
            throw fail("wrong number of args for \(name): want \(fixedCount) got \(numIn)")
        }

        if case .builtin(let b) = callable, b == .and || b == .or {
            var result = EvalValue.invalid
            for arg in args {
                result = try evalArg(dot, .reflectValue, arg)
                if (result.value?.isTruthy ?? false) == (b == .or) { return result }
            }
            if let final { result = try validateType(final, .reflectValue) }
            return result
        }

        var argv: [EvalValue] = []
        argv.reserveCapacity(numIn)
        for (i, arg) in args.enumerated() {
            argv.append(refresh(try evalArg(dot, parameterType(i), arg)))
        }
        if let final {
            argv.append(refresh(try validateType(final, parameterType(numIn - 1))))
        }

        switch callable {
        case .builtin(let builtin):
            do {
                var result = try builtin.call(argv, executor: self, args: args, final: final)
                if case .string(let s)? = result.value { try chargeForResult(s) }
                if let value = result.value { result.value = adopt(value) }
                return result
            } catch let error as BuiltinError {
                at = callNode
                // Go wraps the built-in's error with %w, so Helm's report shows it as the chain's last link.
                throw fail("error calling \(name): \(error.message)", cause: TemplateFunctionError(error.message))
            } catch let error as Interrupt {
                throw error
            } catch {
                at = callNode
                throw fail("error calling \(name): \(error)", cause: TemplateFunctionError("\(error)"))
            }
        case .function(let function):
            let values = argv.map { $0.value ?? .null }
            let result: Value
            do {
                result = try function.body(values, self)
            } catch let error as TemplateFunctionError {
                at = callNode
                try chargeForError(error.message, cause: error)
                throw fail("error calling \(name): \(error.message)", cause: error)
            } catch let error as TemplateError {
                if error.code == .limitExceeded { throw .failure(error) }
                at = callNode
                try chargeForError(error.message, cause: error)
                throw fail("error calling \(name): \(error.message)", cause: error)
            } catch {
                at = callNode
                throw fail("error calling \(name): \(error)", cause: TemplateFunctionError("\(error)"))
            }
            applyMutation(name, first: values.first, result: result)
            if case .null = result { return EvalValue(value: .null, boxed: true) }
            if case .string(let s) = result { try chargeForResult(s) }
            return EvalValue(adopt(result))
        }
    }

    /// Counts an error message about to be wrapped against ``ExecuteOptions/maxErrorBytes``. Each nested `include`
    /// or `tpl` repeats the whole message below it (Go's `%w`), so deep nesting costs the square of its depth in
    /// message bytes; deep recursion reaches Helm's limits now, so this bounds what unwinding it may build.
    func chargeForError(_ message: String, cause: any Error & Sendable) throws(Interrupt) {
        budget.errorBytes += message.utf8.count
        if budget.errorBytes > options.maxErrorBytes {
            throw fail(
                "error messages of nested calls exceed \(options.maxErrorBytes) bytes (ExecuteOptions.maxErrorBytes)",
                code: .limitExceeded, cause: cause)
        }
    }

    /// Counts a function's string result against the step budget (one step per 64 bytes), so a loop
    /// that builds large strings without writing them (`$x := printf "%1000000d" 1`) is bounded too.
    func chargeForResult(_ s: String) throws(Interrupt) {
        let cost = s.utf8.count >> 6
        guard cost > 0 else { return }
        budget.steps += cost
        if budget.steps > budget.maxSteps {
            throw fail(
                "execution exceeded the limit of \(budget.maxSteps) steps (ExecuteOptions.maxSteps)",
                code: .limitExceeded)
        }
    }

    /// Go's `evalArg`: evaluates an argument for a parameter of type `type`.
    func evalArg(_ dot: EvalValue, _ type: ParamType, _ operand: Operand) throws(Interrupt) -> EvalValue {
        at = operand.node
        switch operand {
        case .dot: return try validateType(dot, type)
        case .nilValue:
            switch type {
            case .reflectValue: return .invalid
            case .go(let p) where p.canBeNil: return EvalValue(value: p.zero, boxed: p == .any)
            case .go(let p): throw fail("cannot assign nil to \(p.goName)")
            }
        case .field(let node):
            return try validateType(evalFieldNode(dot, node, args: [operand], final: nil), type)
        case .variable(let node):
            return try validateType(evalVariableNode(dot, node, args: nil, final: nil), type)
        case .pipe(let node):
            return try validateType(evalPipeline(dot, node), type)
        case .identifier(let node):
            return try validateType(evalFunction(dot, node, callNode: node, args: nil, final: nil), type)
        case .chain(let node):
            return try validateType(evalChainNode(dot, node, args: nil, final: nil), type)
        case .bool, .number, .string:
            break
        }
        let literal = operand.node.goString
        switch type {
        case .reflectValue, .go(.any):
            return try evalEmptyInterface(dot, operand)
        case .go(.bool):
            if case .bool(_, let b) = operand { return EvalValue(.bool(b)) }
            throw fail("expected bool; found \(literal)")
        case .go(.string):
            if case .string(let node) = operand { return EvalValue(.string(node.text)) }
            throw fail("expected string; found \(literal)")
        case .go(.int), .go(.int64):
            if case .number(let node) = operand, node.isInt {
                return EvalValue(.int(Int(node.int64), type == .go(.int) ? .int : .int64))
            }
            throw fail("expected integer; found \(literal)")
        case .go(.float64):
            if case .number(let node) = operand, node.isFloat { return EvalValue(.float(node.float64)) }
            throw fail("expected float; found \(literal)")
        case .go(let p):
            throw fail("can't handle \(literal) for arg of type \(p.goName)")
        }
    }

    private func evalEmptyInterface(_ dot: EvalValue, _ operand: Operand) throws(Interrupt) -> EvalValue {
        at = operand.node
        switch operand {
        case .bool(_, let b): return EvalValue(.bool(b))
        case .number(let node): return try idealConstant(node)
        case .string(let node): return EvalValue(.string(node.text))
        default: throw fail("can't handle assignment of \(operand.node.goString) to empty interface argument")
        }
    }

    /// Go's `validateType`: checks (and for `interface {}` values, unwraps) a value for a parameter.
    func validateType(_ value: EvalValue, _ type: ParamType) throws(Interrupt) -> EvalValue {
        guard case .go(let parameter) = type else { return value }
        guard let v = value.value else {
            if parameter.canBeNil { return EvalValue(value: parameter.zero, boxed: parameter == .any) }
            throw fail("invalid value; expected \(parameter.goName)")
        }
        if parameter == .any { return value }
        if case .null = v {
            let got = value.typeName == "<nil>" ? "interface {}" : value.typeName
            throw fail("wrong type for value; expected \(parameter.goName); got \(got)")
        }
        if let assigned = parameter.assign(v) { return EvalValue(assigned) }
        throw fail("wrong type for value; expected \(parameter.goName); got \(v.goTypeName)")
    }
}
