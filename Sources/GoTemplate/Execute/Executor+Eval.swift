// Evaluation of pipelines, commands, fields and variables (Go's evalPipeline, evalCommand, evalField...).
extension Executor {
    func evalPipeline(_ dot: EvalValue, _ pipe: PipeNode?) throws(Interrupt) -> EvalValue {
        guard let pipe else { return .invalid }
        at = pipe
        var value: EvalValue? = nil
        for command in pipe.commands {
            value = try evalCommand(dot, command, final: value).unwrapped
        }
        let result = value ?? .invalid
        for variable in pipe.decl {
            if pipe.isAssign {
                try setVar(variable.name, result)
            } else {
                vars.append((variable.name, result))
            }
        }
        return result
    }

    /// `final` is the previous pipeline stage's value, `nil` when there is none (Go's `missingVal`).
    func evalCommand(_ dot: EvalValue, _ command: CommandNode, final: EvalValue?) throws(Interrupt) -> EvalValue {
        let first = command.args[0]
        switch first {
        case .field(let node): return try evalFieldNode(dot, node, args: command.args, final: final)
        case .chain(let node): return try evalChainNode(dot, node, args: command.args, final: final)
        case .identifier(let node):
            return try evalFunction(dot, node, callNode: command, args: command.args, final: final)
        case .pipe(let node):
            try notAFunction(command.args, final: final)
            return try evalPipeline(dot, node)
        case .variable(let node): return try evalVariableNode(dot, node, args: command.args, final: final)
        default: break
        }
        at = first.node
        try notAFunction(command.args, final: final)
        switch first {
        case .bool(_, let b): return EvalValue(.bool(b))
        case .dot: return dot
        case .nilValue: throw fail("nil is not a command")
        case .number(let node): return try idealConstant(node)
        case .string(let node): return EvalValue(.string(node.text))
        default: throw fail("can't evaluate command \(GoQuote.quote(first.node.goString))")
        }
    }

    func notAFunction(_ args: [Operand], final: EvalValue?) throws(Interrupt) {
        if args.count > 1 || final != nil {
            throw fail("can't give argument to non-function \(args[0].node.goString)")
        }
    }

    /// Go's `idealConstant`: an untyped number in a context that gives it no type.
    func idealConstant(_ node: NumberNode) throws(Interrupt) -> EvalValue {
        at = node
        if let value = node.ideal { return EvalValue(value) }
        if node.isUint { throw fail("\(node.text) overflows int") }
        return .invalid
    }

    func evalFieldNode(_ dot: EvalValue, _ node: FieldNode, args: [Operand]?, final: EvalValue?) throws(Interrupt)
        -> EvalValue
    {
        at = node
        return try evalFieldChain(dot, receiver: dot, node: node, idents: node.idents[...], args: args, final: final)
    }

    func evalChainNode(_ dot: EvalValue, _ node: ChainNode, args: [Operand]?, final: EvalValue?) throws(Interrupt)
        -> EvalValue
    {
        at = node
        if case .nilValue = node.base { throw fail("indirection through explicit nil in \(node.goString)") }
        let base = try evalArg(dot, .reflectValue, node.base)
        return try evalFieldChain(dot, receiver: base, node: node, idents: node.fields[...], args: args, final: final)
    }

    func evalVariableNode(_ dot: EvalValue, _ node: VariableNode, args: [Operand]?, final: EvalValue?)
        throws(Interrupt) -> EvalValue
    {
        at = node
        let value = try varValue(node.idents[0])
        if node.idents.count == 1 {
            try notAFunction(args ?? [], final: final)
            return value
        }
        return try evalFieldChain(
            dot, receiver: value, node: node, idents: node.idents.dropFirst(), args: args, final: final)
    }

    func evalFieldChain(
        _ dot: EvalValue, receiver: EvalValue, node: any Node, idents: ArraySlice<String>, args: [Operand]?,
        final: EvalValue?
    ) throws(Interrupt) -> EvalValue {
        var receiver = receiver
        let last = idents.endIndex - 1
        for i in idents.startIndex..<last {
            receiver = try evalField(dot, idents[i], node: node, args: nil, final: nil, receiver: receiver)
        }
        return try evalField(dot, idents[last], node: node, args: args, final: final, receiver: receiver)
    }

    func evalField(
        _ dot: EvalValue, _ name: String, node: any Node, args: [Operand]?, final: EvalValue?, receiver: EvalValue
    ) throws(Interrupt) -> EvalValue {
        guard let value = receiver.value else {
            if options.missingKey == .error { throw fail("nil data; no entry for key \(GoQuote.quote(name))") }
            return .invalid
        }
        let typeName = receiver.typeName
        if case .null = value {
            throw fail("nil pointer evaluating \(receiver.boxed ? typeName : "interface {}").\(name)")
        }
        if case .object(let object) = value, let method = object.method(name) {
            return try evalCall(dot, .function(method), callNode: node, name: name, args: args, final: final)
        }
        let hasArgs = (args?.count ?? 0) > 1 || final != nil
        switch value {
        case .map(let map, let kind):
            if hasArgs { throw fail("\(name) is not a method but has arguments") }
            let element = if case .shared(let reference) = kind { reference.member(name) } else { map[name] }
            if let element { return EvalValue(value: element, boxed: kind.isInterface) }
            switch options.missingKey {
            case .default: return .invalid
            case .zero: return kind.isInterface ? EvalValue(value: .null, boxed: true) : EvalValue(.string(""))
            case .error: throw fail("map has no entry for key \(GoQuote.quote(name))")
            }
        case .object(let object):
            if let field = object.field(name) {
                if hasArgs { throw fail("\(name) has arguments but cannot be invoked as function") }
                return EvalValue(adopt(field))
            }
            // A named map type (Helm's `engine.files`) reads keys like any map.
            if case .map(let map, let kind)? = object.underlyingValue {
                if hasArgs { throw fail("\(name) is not a method but has arguments") }
                if let element = map[name] { return EvalValue(value: element, boxed: kind.isInterface) }
                if options.missingKey == .error { throw fail("map has no entry for key \(GoQuote.quote(name))") }
                return options.missingKey == .zero ? EvalValue(value: .null, boxed: true) : .invalid
            }
        default:
            break
        }
        throw fail("can't evaluate field \(name) in type \(typeName)")
    }
}
