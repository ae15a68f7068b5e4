/// Parses template text into trees, following Go's `text/template/parse` grammar and messages.
struct Parser {
    /// Thrown internally to unwind with a Go-formatted parse error.
    struct Failure: Error {
        let error: TemplateError
    }

    let tokens: [Token]
    let source: [UInt8]
    let parseName: String
    let hasFunction: (String) -> Bool
    let maxDepth: Int
    var index = 0
    var furthest = 0
    var vars: [String] = ["$"]
    var rangeDepth = 0
    var depth = 0
    var actionLine = 0
    let stack = StackGuard.forCurrentThread()
    /// Trees defined so far in this text, in definition order (Go's `treeSet`).
    var trees: [(name: String, root: ListNode)] = []

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

    init(
        tokens: [Token], source: [UInt8], parseName: String, hasFunction: @escaping (String) -> Bool, maxDepth: Int
    ) {
        self.tokens = tokens
        self.source = source
        self.parseName = parseName
        self.hasFunction = hasFunction
        self.maxDepth = maxDepth
    }

    // MARK: Token access (Go's next/peek/backup over a pre-lexed array)

    mutating func next() -> Token {
        let token = tokens[min(index, tokens.count - 1)]
        furthest = max(furthest, min(index, tokens.count - 1))
        index += 1
        return token
    }

    mutating func backup(_ count: Int = 1) { index -= count }

    mutating func peek() -> Token {
        let token = next()
        backup()
        return token
    }

    mutating func nextNonSpace() -> Token {
        var token = next()
        while token.kind == .space { token = next() }
        return token
    }

    mutating func peekNonSpace() -> Token {
        let token = nextNonSpace()
        backup()
        return token
    }

    func text(_ token: Token) -> String {
        String(decoding: source[token.start..<token.end], as: UTF8.self)
    }

    // MARK: Errors

    func fail(_ detail: String) -> Failure {
        let line = tokens[min(furthest, tokens.count - 1)].line
        return Failure(error: .parse(name: parseName, line: line, detail))
    }

    /// Go's `item.String()`.
    func describe(_ token: Token) -> String {
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

    func unexpected(_ token: Token, _ context: String) -> Failure {
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

    mutating func expect(_ kind: TokenKind, _ context: String) throws(Failure) -> Token {
        let token = nextNonSpace()
        if token.kind != kind { throw unexpected(token, context) }
        return token
    }

    mutating func enter() throws(Failure) {
        depth += 1
        if depth > maxDepth || !stack.hasRoom() { throw fail("max expression depth exceeded") }
    }

    // MARK: Trees

    /// Go's `Tree.add`: a second non-empty definition of a name in the same text is an error.
    mutating func add(name: String, root: ListNode) throws(Failure) {
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

    mutating func parseTop() throws(Failure) -> ListNode {
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

    mutating func parseDefinition() throws(Failure) {
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
    mutating func itemList() throws(Failure) -> (ListNode, String) {
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
    mutating func textOrAction() throws(Failure) -> (ListItem?, String?) {
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

    mutating func action() throws(Failure) -> (ListItem?, String?) {
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

    mutating func parseControl(_ context: String) throws(Failure) -> BranchNode {
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

    mutating func templateName(_ token: Token, _ context: String) throws(Failure) -> String {
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        guard let name = GoLiteral.unquote(Array(source[token.start..<token.end])) else {
            throw fail("invalid syntax")
        }
        return name
    }

    mutating func templateControl() throws(Failure) -> ListItem {
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

    mutating func blockControl() throws(Failure) -> ListItem {
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
}
