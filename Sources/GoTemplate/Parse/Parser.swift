/// Parses template text into trees, following Go's `text/template/parse` grammar and messages.
struct Parser {
    /// Thrown internally to unwind with a Go-formatted parse error.
    struct Failure: Error {
        let error: TemplateError
    }

    private let tokens: [Token]
    private let source: [UInt8]
    private let parseName: String
    private let hasFunction: (String) -> Bool
    private let maxDepth: Int
    private var index = 0
    private var furthest = 0
    private var vars: [String] = ["$"]
    private var rangeDepth = 0
    private var depth = 0
    private var actionLine = 0
    /// Trees defined so far in this text, in definition order (Go's `treeSet`).
    private(set) var trees: [(name: String, root: ListNode)] = []

    /// Parses `text` named `name`; returns every tree it defines, the named one included.
    static func parse(
        name: String, text: String, options: ParseOptions, hasFunction: @escaping (String) -> Bool
    ) throws(TemplateError) -> [Tree] {
        let source = Array(text.utf8)
        let tokens = Lexer.tokenize(
            source, leftDelim: options.leftDelimiter, rightDelim: options.rightDelimiter,
            breakOK: !hasFunction("break"), continueOK: !hasFunction("continue"))
        var parser = Parser(
            tokens: tokens, source: source, parseName: name,
            hasFunction: options.skipFunctionCheck ? { _ in true } : hasFunction,
            maxDepth: options.maxNestingDepth)
        do {
            let root = try parser.parseTop()
            try parser.add(name: name, root: root)
        } catch {
            throw error.error
        }
        return parser.trees.map { Tree(name: $0.name, parseName: name, source: source, root: $0.root) }
    }

    private init(
        tokens: [Token], source: [UInt8], parseName: String, hasFunction: @escaping (String) -> Bool, maxDepth: Int
    ) {
        self.tokens = tokens
        self.source = source
        self.parseName = parseName
        self.hasFunction = hasFunction
        self.maxDepth = maxDepth
    }

    // MARK: Token access (Go's next/peek/backup over a pre-lexed array)

    private mutating func next() -> Token {
        let token = tokens[min(index, tokens.count - 1)]
        furthest = max(furthest, min(index, tokens.count - 1))
        index += 1
        return token
    }

    private mutating func backup(_ count: Int = 1) { index -= count }

    private mutating func peek() -> Token {
        let token = next()
        backup()
        return token
    }

    private mutating func nextNonSpace() -> Token {
        var token = next()
        while token.kind == .space { token = next() }
        return token
    }

    private mutating func peekNonSpace() -> Token {
        let token = nextNonSpace()
        backup()
        return token
    }

    private func text(_ token: Token) -> String {
        String(decoding: source[token.start..<token.end], as: UTF8.self)
    }

    // MARK: Errors

    private func fail(_ detail: String) -> Failure {
        let line = tokens[min(furthest, tokens.count - 1)].line
        return Failure(error: .parse(name: parseName, line: line, detail))
    }

    /// Go's `item.String()`.
    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .eof: return "EOF"
        case .error: return token.message
        default:
            let value = text(token)
            if token.kind.isKeyword { return "<\(value)>" }
            if value.count > 10 { return GoQuote.quote(String(value.prefix(10))) + "..." }
            return GoQuote.quote(value)
        }
    }

    private func unexpected(_ token: Token, _ context: String) -> Failure {
        if token.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != token.line {
                extra = " in action started at \(parseName):\(actionLine)"
                if token.message.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return fail(token.message + extra)
        }
        return fail("unexpected \(describe(token)) in \(context)")
    }

    private mutating func expect(_ kind: TokenKind, _ context: String) throws(Failure) -> Token {
        let token = nextNonSpace()
        if token.kind != kind { throw unexpected(token, context) }
        return token
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > maxDepth { throw fail("max expression depth exceeded") }
    }

    // MARK: Trees

    /// Go's `Tree.add`: a second non-empty definition of a name in the same text is an error.
    private mutating func add(name: String, root: ListNode) throws(Failure) {
        if let i = trees.firstIndex(where: { $0.name == name }) {
            if trees[i].root.isEmpty {
                trees[i].root = root
                return
            }
            if !root.isEmpty { throw fail("template: multiple definition of template \(GoQuote.quote(name))") }
            return
        }
        trees.append((name, root))
    }

    private mutating func parseTop() throws(Failure) -> ListNode {
        var items: [ListItem] = []
        let startPos = peek().start
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let mark = index
                _ = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                index = mark
            }
            let (item, terminator) = try textOrAction()
            if let terminator { throw fail("unexpected \(terminator)") }
            if let item { items.append(item) }
        }
        return ListNode(pos: startPos, items: items)
    }

    private mutating func parseDefinition() throws(Failure) {
        let context = "define clause"
        let token = nextNonSpace()
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        guard let name = GoLiteral.unquote(Array(source[token.start..<token.end])) else {
            throw fail("invalid syntax")
        }
        _ = try expect(.rightDelim, context)
        let savedVars = vars
        let savedRange = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        let (list, end) = try itemList()
        if end != "{{end}}" { throw fail("unexpected \(end) in \(context)") }
        vars = savedVars
        rangeDepth = savedRange
        try add(name: name, root: list)
    }

    /// Items up to `{{end}}` or `{{else}}`; returns the terminator's Go string.
    private mutating func itemList() throws(Failure) -> (ListNode, String) {
        let startPos = peekNonSpace().start
        var items: [ListItem] = []
        while peekNonSpace().kind != .eof {
            let (item, terminator) = try textOrAction()
            if let terminator { return (ListNode(pos: startPos, items: items), terminator) }
            if let item { items.append(item) }
        }
        throw fail("unexpected EOF")
    }

    /// Returns an item, or the terminator (`{{end}}` / `{{else}}`) that ended a list.
    private mutating func textOrAction() throws(Failure) -> (ListItem?, String?) {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return (.text(TextNode(pos: token.start, bytes: Array(source[token.start..<token.end]))), nil)
        case .leftDelim:
            actionLine = token.line
            defer { actionLine = 0 }
            return try action()
        case .comment:
            return (nil, nil)
        default:
            throw unexpected(token, "input")
        }
    }

    private mutating func action() throws(Failure) -> (ListItem?, String?) {
        let token = nextNonSpace()
        switch token.kind {
        case .block: return (try blockControl(), nil)
        case .breakKeyword, .continueKeyword:
            let word = token.kind == .breakKeyword ? "break" : "continue"
            let closing = nextNonSpace()
            if closing.kind != .rightDelim { throw unexpected(closing, "{{\(word)}}") }
            if rangeDepth == 0 { throw fail("{{\(word)}} outside {{range}}") }
            let node = KeywordNode(pos: token.start, word: word)
            return (token.kind == .breakKeyword ? .breakNode(node) : .continueNode(node), nil)
        case .elseKeyword:
            let peeked = peekNonSpace()
            if peeked.kind == .ifKeyword || peeked.kind == .with { return (nil, "{{else}}") }
            _ = try expect(.rightDelim, "else")
            return (nil, "{{else}}")
        case .end:
            _ = try expect(.rightDelim, "end")
            return (nil, "{{end}}")
        case .ifKeyword: return (.ifNode(try parseControl("if")), nil)
        case .range: return (.rangeNode(try parseControl("range")), nil)
        case .with: return (.withNode(try parseControl("with")), nil)
        case .template: return (try templateControl(), nil)
        default:
            backup()
            let start = peek()
            let pipe = try pipeline("command", end: .rightDelim)
            return (.action(ActionNode(pos: start.start, pipe: pipe)), nil)
        }
    }

    private mutating func parseControl(_ context: String) throws(Failure) -> BranchNode {
        try enter()
        defer { depth -= 1 }
        let savedVars = vars.count
        defer { vars.removeLast(vars.count - savedVars) }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        let (list, terminator) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: ListNode?
        if terminator == "{{else}}" {
            let elsePos = peek().start
            if context == "if" && peek().kind == .ifKeyword {
                _ = next()
                elseList = ListNode(pos: elsePos, items: [.ifNode(try parseControl("if"))])
            } else if context == "with" && peek().kind == .with {
                _ = next()
                elseList = ListNode(pos: elsePos, items: [.withNode(try parseControl("with"))])
            } else {
                let (elseItems, elseEnd) = try itemList()
                if elseEnd != "{{end}}" { throw fail("expected end; found \(elseEnd)") }
                elseList = elseItems
            }
        }
        return BranchNode(pos: pipe.pos, keyword: context, pipe: pipe, list: list, elseList: elseList)
    }

    private mutating func templateName(_ token: Token, _ context: String) throws(Failure) -> String {
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        guard let name = GoLiteral.unquote(Array(source[token.start..<token.end])) else {
            throw fail("invalid syntax")
        }
        return name
    }

    private mutating func templateControl() throws(Failure) -> ListItem {
        let context = "template clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        var pipe: PipeNode?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(TemplateCallNode(pos: token.start, name: name, pipe: pipe))
    }

    private mutating func blockControl() throws(Failure) -> ListItem {
        let context = "block clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let savedVars = vars
        let savedRange = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        let (list, end) = try itemList()
        if end != "{{end}}" { throw fail("unexpected \(end) in \(context)") }
        vars = savedVars
        rangeDepth = savedRange
        try add(name: name, root: list)
        return .template(TemplateCallNode(pos: token.start, name: name, pipe: pipe))
    }

    // MARK: Pipelines

    private mutating func pipeline(_ context: String, end: TokenKind) throws(Failure) -> PipeNode {
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

    private mutating func command() throws(Failure) -> CommandNode {
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

    private mutating func operand() throws(Failure) -> Operand? {
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

    private mutating func term() throws(Failure) -> Operand? {
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

    /// Go's `newNumber`: every interpretation of the constant that succeeds.
    private func number(_ token: Token) throws(Failure) -> NumberNode {
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
            // Go accepts imaginary constants; fluxhelm's value model has no complex numbers.
            throw fail("illegal number syntax: \(GoQuote.quote(literal))")
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
