// Pipelines, commands and operands (Go's pipeline, command, operand, term, newNumber).
extension Parser {

    mutating func pipeline(_ context: String, end: TokenKind) throws(Failure) -> PipeNode {
        let first = peekNonSpace()
        var decl: [VariableDecl] = []
        var isAssign = false
        declarations: while true {
            let v = peekNonSpace()
            guard v.kind == .variable else { break }
            let mark = index
            _ = nextNonSpace()
            let afterVariable = peek()
            let following = peekNonSpace()
            if following.kind == .assign || following.kind == .declare {
                isAssign = following.kind == .assign
                _ = nextNonSpace()
                decl.append(VariableDecl(pos: v.start, name: text(v)))
                vars.append(text(v))
                break
            } else if following.kind == .char && text(following) == "," {
                _ = nextNonSpace()
                decl.append(VariableDecl(pos: v.start, name: text(v)))
                vars.append(text(v))
                if context == "range" && decl.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue declarations
                    default: throw fail("range can only initialize variables")
                    }
                }
                throw fail("too many declarations in \(context)")
            } else {
                // Not a declaration: put the variable back (Go's backup2/backup3).
                _ = afterVariable
                index = mark
                break
            }
        }
        var commands: [CommandNode] = []
        while true {
            let token = nextNonSpace()
            if token.kind == end {
                if commands.isEmpty { throw fail("missing value for \(context)") }
                for (i, command) in commands.enumerated().dropFirst() where command.args[0].isNonExecutable {
                    throw fail("non executable command in pipeline stage \(i + 1)")
                }
                return PipeNode(
                    pos: first.start, line: first.line, isAssign: isAssign, decl: decl, commands: commands)
            }
            switch token.kind {
            case .bool, .charConstant, .dot, .field, .identifier, .number, .nilKeyword, .rawString, .string,
                .variable, .leftParen:
                backup()
                commands.append(try command())
            default:
                throw unexpected(token, context)
            }
        }
    }

    mutating func command() throws(Failure) -> CommandNode {
        let start = peekNonSpace()
        var args: [Operand] = []
        loop: while true {
            _ = peekNonSpace()
            if let operand = try operand() { args.append(operand) }
            let token = next()
            switch token.kind {
            case .space: continue loop
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(token, "operand")
            }
            break
        }
        if args.isEmpty { throw fail("empty command") }
        return CommandNode(pos: start.start, args: args)
    }

    mutating func operand() throws(Failure) -> Operand? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let chainPos = peek().start
        var fields: [String] = []
        while peek().kind == .field { fields.append(String(text(next()).dropFirst())) }
        switch node {
        case .field(let f):
            return .field(FieldNode(pos: chainPos, idents: f.idents + fields))
        case .variable(let v):
            return .variable(VariableNode(pos: chainPos, idents: v.idents + fields))
        case .bool, .string, .number, .nilValue, .dot:
            throw fail("unexpected . after term \(GoQuote.quote(node.node.goString))")
        default:
            return .chain(ChainNode(pos: chainPos, base: node, fields: fields))
        }
    }

    mutating func term() throws(Failure) -> Operand? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            let name = text(token)
            if !hasFunction(name) { throw fail("function \(GoQuote.quote(name)) not defined") }
            return .identifier(IdentifierNode(pos: token.start, name: name))
        case .dot: return .dot(LiteralNode(pos: token.start, text: "."))
        case .nilKeyword: return .nilValue(LiteralNode(pos: token.start, text: "nil"))
        case .variable:
            let name = text(token)
            if !vars.contains(name) { throw fail("undefined variable \(GoQuote.quote(name))") }
            return .variable(VariableNode(pos: token.start, idents: [name]))
        case .field:
            return .field(FieldNode(pos: token.start, idents: [String(text(token).dropFirst())]))
        case .bool:
            let value = text(token) == "true"
            return .bool(LiteralNode(pos: token.start, text: value ? "true" : "false"), value)
        case .charConstant, .number:
            return .number(try number(token))
        case .leftParen:
            try enter()
            defer { depth -= 1 }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            let quoted = Array(source[token.start..<token.end])
            guard let value = GoLiteral.unquote(quoted) else { throw fail("invalid syntax") }
            return .string(StringNode(pos: token.start, quoted: text(token), text: value))
        default:
            backup()
            return nil
        }
    }

    /// Go's `newNumber` for `1i` and `1+2i`: a complex constant, which is also a float (and maybe an integer) when
    /// its imaginary part is zero.
    private func complexNumber(_ pos: Int, _ literal: String) throws(Failure) -> NumberNode {
        let body = Array(literal.utf8.dropLast())
        // The sign that starts the imaginary part of `1+2i`: not the first byte, not an exponent's sign.
        var split: Int?
        let signs: [UInt8] = [UInt8(ascii: "+"), UInt8(ascii: "-")]
        for i in stride(from: body.count - 1, to: 0, by: -1) where signs.contains(body[i]) {
            let before = body[i - 1] | 0x20
            if before != UInt8(ascii: "e") && before != UInt8(ascii: "p") {
                split = i
                break
            }
        }
        let realText = split.map { String(decoding: body[..<$0], as: UTF8.self) }
        let imagText = String(decoding: body[(split ?? 0)...], as: UTF8.self)
        guard let imag = GoLiteral.parseFloat(imagText),
            let real = realText.map({ GoLiteral.parseFloat($0) }) ?? 0
        else { throw fail("illegal number syntax: \(GoQuote.quote(literal))") }
        var isInt = false
        var isUint = false
        if imag == 0 {
            isInt = real.rounded(.towardZero) == real && abs(real) < 9.223372036854775807e18
            isUint = real.rounded(.towardZero) == real && real >= 0 && real < 1.8446744073709551615e19
        }
        return NumberNode(
            pos: pos, text: literal, isInt: isInt, isUint: isUint, isFloat: imag == 0,
            int64: isInt ? Int64(real) : 0, uint64: isUint ? UInt64(real) : 0, float64: imag == 0 ? real : 0,
            complex: GoComplex(real: real, imag: imag))
    }

    /// Go's `newNumber`: every interpretation of the constant that succeeds.
    func number(_ token: Token) throws(Failure) -> NumberNode {
        let literal = text(token)
        if token.kind == .charConstant {
            guard let value = GoLiteral.charValue(Array(literal.utf8)) else {
                if GoLiteral.unquote(Array(literal.utf8)) == nil && literal.utf8.count <= 3 {
                    throw fail("invalid syntax")
                }
                throw fail("malformed character constant: \(literal)")
            }
            return NumberNode(
                pos: token.start, text: literal, isInt: true, isUint: true, isFloat: true, int64: Int64(value),
                uint64: UInt64(value), float64: Double(value))
        }
        if literal.hasSuffix("i") {
            return try complexNumber(token.start, literal)
        }
        var isInt = false
        var isUint = false
        var isFloat = false
        var u: UInt64 = 0
        var i: Int64 = 0
        var f: Double = 0
        if let parsed = GoLiteral.parseUint(literal) {
            isUint = true
            u = parsed
        }
        if let parsed = GoLiteral.parseInt(literal) {
            isInt = true
            i = parsed
            if parsed == 0 { isUint = true }
        }
        if isInt {
            isFloat = true
            f = Double(i)
        } else if isUint {
            isFloat = true
            f = Double(u)
        } else if let parsed = GoLiteral.parseFloat(literal) {
            if !literal.contains(where: { ".eEpP".contains($0) }) {
                throw fail("integer overflow: \(GoQuote.quote(literal))")
            }
            isFloat = true
            f = parsed
            if parsed.rounded(.towardZero) == parsed && abs(parsed) < 9.223372036854775807e18 {
                isInt = true
                i = Int64(parsed)
            }
            if parsed.rounded(.towardZero) == parsed && parsed >= 0 && parsed < 1.8446744073709551615e19 {
                isUint = true
                u = UInt64(parsed)
            }
        }
        if !isInt && !isUint && !isFloat { throw fail("illegal number syntax: \(GoQuote.quote(literal))") }
        return NumberNode(
            pos: token.start, text: literal, isInt: isInt, isUint: isUint, isFloat: isFloat, int64: i, uint64: u,
            float64: f)
    }
}
