/// A node of a parsed template, with Go's byte position and Go's `String()` form (used in messages).
protocol Node: AnyObject, Sendable {
    /// Byte offset of the node in its template's source.
    var pos: Int { get }
    /// Appends Go's `String()` of the node.
    func write(to out: inout String)
}

extension Node {
    /// Go's `String()` of the node.
    var goString: String {
        var s = ""
        write(to: &s)
        return s
    }
}

/// One element of a list: text or an action of some kind.
enum ListItem: Sendable {
    case text(TextNode)
    case action(ActionNode)
    case ifNode(BranchNode)
    case withNode(BranchNode)
    case rangeNode(BranchNode)
    case template(TemplateCallNode)
    case breakNode(KeywordNode)
    case continueNode(KeywordNode)

    var node: any Node {
        switch self {
        case .text(let n): n
        case .action(let n): n
        case .ifNode(let n), .withNode(let n), .rangeNode(let n): n
        case .template(let n): n
        case .breakNode(let n), .continueNode(let n): n
        }
    }
}

/// A sequence of items (Go's `ListNode`).
final class ListNode: Node {
    let pos: Int
    let items: [ListItem]
    init(pos: Int, items: [ListItem]) {
        self.pos = pos
        self.items = items
    }
    func write(to out: inout String) { for item in items { item.node.write(to: &out) } }

    /// Go's `IsEmptyTree`: only whitespace text and comments.
    var isEmpty: Bool {
        items.allSatisfy {
            if case .text(let t) = $0 { return t.bytes.allSatisfy(Lexer.isSpace) }
            return false
        }
    }
}

/// Literal text between actions.
final class TextNode: Node {
    let pos: Int
    let bytes: [UInt8]
    init(pos: Int, bytes: [UInt8]) {
        self.pos = pos
        self.bytes = bytes
    }
    func write(to out: inout String) { out += String(decoding: bytes, as: UTF8.self) }
}

/// `{{break}}` or `{{continue}}`.
final class KeywordNode: Node {
    let pos: Int
    let word: String
    init(pos: Int, word: String) {
        self.pos = pos
        self.word = word
    }
    func write(to out: inout String) { out += "{{\(word)}}" }
}

/// `{{pipeline}}`.
final class ActionNode: Node {
    let pos: Int
    let pipe: PipeNode
    init(pos: Int, pipe: PipeNode) {
        self.pos = pos
        self.pipe = pipe
    }
    func write(to out: inout String) {
        out += "{{"
        pipe.write(to: &out)
        out += "}}"
    }
}

/// `if`, `with` or `range`, with its lists.
final class BranchNode: Node {
    let pos: Int
    let keyword: String
    let pipe: PipeNode
    let list: ListNode
    let elseList: ListNode?
    init(pos: Int, keyword: String, pipe: PipeNode, list: ListNode, elseList: ListNode?) {
        self.pos = pos
        self.keyword = keyword
        self.pipe = pipe
        self.list = list
        self.elseList = elseList
    }
    func write(to out: inout String) {
        out += "{{\(keyword) "
        pipe.write(to: &out)
        out += "}}"
        list.write(to: &out)
        if let elseList {
            out += "{{else}}"
            elseList.write(to: &out)
        }
        out += "{{end}}"
    }
}

/// `{{template "name" pipeline}}` (also what `{{block}}` leaves in place).
final class TemplateCallNode: Node {
    let pos: Int
    let name: String
    let pipe: PipeNode?
    init(pos: Int, name: String, pipe: PipeNode?) {
        self.pos = pos
        self.name = name
        self.pipe = pipe
    }
    func write(to out: inout String) {
        out += "{{template \(GoQuote.quote(name))"
        if let pipe {
            out += " "
            pipe.write(to: &out)
        }
        out += "}}"
    }
}

/// A declared or assigned variable of a pipeline (`$x :=`).
struct VariableDecl: Sendable {
    let pos: Int
    let name: String
}

/// A pipeline: optional declarations and commands separated by `|`.
final class PipeNode: Node {
    let pos: Int
    let line: Int
    let isAssign: Bool
    let decl: [VariableDecl]
    let commands: [CommandNode]
    init(pos: Int, line: Int, isAssign: Bool, decl: [VariableDecl], commands: [CommandNode]) {
        self.pos = pos
        self.line = line
        self.isAssign = isAssign
        self.decl = decl
        self.commands = commands
    }
    func write(to out: inout String) {
        if !decl.isEmpty {
            out += decl.map(\.name).joined(separator: ", ")
            out += isAssign ? " = " : " := "
        }
        for (i, command) in commands.enumerated() {
            if i > 0 { out += " | " }
            command.write(to: &out)
        }
    }
}

/// A command: an operand and its arguments.
final class CommandNode: Node {
    let pos: Int
    let args: [Operand]
    init(pos: Int, args: [Operand]) {
        self.pos = pos
        self.args = args
    }
    func write(to out: inout String) {
        for (i, arg) in args.enumerated() {
            if i > 0 { out += " " }
            if case .pipe(let p) = arg {
                out += "("
                p.write(to: &out)
                out += ")"
            } else {
                arg.node.write(to: &out)
            }
        }
    }
}

/// An operand of a command.
enum Operand: Sendable {
    case field(FieldNode)
    case chain(ChainNode)
    case variable(VariableNode)
    case identifier(IdentifierNode)
    case dot(LiteralNode)
    case nilValue(LiteralNode)
    case bool(LiteralNode, Bool)
    case number(NumberNode)
    case string(StringNode)
    case pipe(PipeNode)

    var node: any Node {
        switch self {
        case .field(let n): n
        case .chain(let n): n
        case .variable(let n): n
        case .identifier(let n): n
        case .dot(let n), .nilValue(let n), .bool(let n, _): n
        case .number(let n): n
        case .string(let n): n
        case .pipe(let n): n
        }
    }

    /// Operands that cannot start a later pipeline stage (Go's `checkPipeline`).
    var isNonExecutable: Bool {
        switch self {
        case .bool, .dot, .nilValue, .number, .string: true
        default: false
        }
    }
}

/// `.a.b.c`.
final class FieldNode: Node {
    let pos: Int
    let idents: [String]
    init(pos: Int, idents: [String]) {
        self.pos = pos
        self.idents = idents
    }
    func write(to out: inout String) { for id in idents { out += "." + id } }
}

/// `(pipeline).a.b`.
final class ChainNode: Node {
    let pos: Int
    let base: Operand
    let fields: [String]
    init(pos: Int, base: Operand, fields: [String]) {
        self.pos = pos
        self.base = base
        self.fields = fields
    }
    func write(to out: inout String) {
        if case .pipe(let p) = base {
            out += "("
            p.write(to: &out)
            out += ")"
        } else {
            base.node.write(to: &out)
        }
        for f in fields { out += "." + f }
    }
}

/// `$x.a.b`; `idents[0]` is the variable name with its `$`.
final class VariableNode: Node {
    let pos: Int
    let idents: [String]
    init(pos: Int, idents: [String]) {
        self.pos = pos
        self.idents = idents
    }
    func write(to out: inout String) { out += idents.joined(separator: ".") }
}

/// A function name.
final class IdentifierNode: Node {
    let pos: Int
    let name: String
    /// The Go built-in of this name, looked up once (a set's own function of the name still wins).
    let builtin: Builtin?
    init(pos: Int, name: String) {
        self.pos = pos
        self.name = name
        self.builtin = Builtin(rawValue: name)
    }
    func write(to out: inout String) { out += name }
}

/// `.`, `nil`, `true` or `false`.
final class LiteralNode: Node {
    let pos: Int
    let text: String
    init(pos: Int, text: String) {
        self.pos = pos
        self.text = text
    }
    func write(to out: inout String) { out += text }
}

/// A quoted string; `quoted` is the source form Go prints.
final class StringNode: Node {
    let pos: Int
    let quoted: String
    let text: String
    init(pos: Int, quoted: String, text: String) {
        self.pos = pos
        self.quoted = quoted
        self.text = text
    }
    func write(to out: inout String) { out += quoted }
}

/// A numeric or character constant, with every interpretation that succeeded (Go's `NumberNode`).
final class NumberNode: Node {
    let pos: Int
    let text: String
    let isInt: Bool
    let isUint: Bool
    let isFloat: Bool
    let int64: Int64
    let uint64: UInt64
    let float64: Double
    /// Go's `idealConstant`: the value the constant has where nothing gives it a type, or `nil` when
    /// it overflows int.
    let ideal: Value?
    init(
        pos: Int, text: String, isInt: Bool, isUint: Bool, isFloat: Bool, int64: Int64, uint64: UInt64, float64: Double,
        complex: GoComplex? = nil
    ) {
        self.pos = pos
        self.text = text
        self.isInt = isInt
        self.isUint = isUint
        self.isFloat = isFloat
        self.int64 = int64
        self.uint64 = uint64
        self.float64 = float64
        let bytes = Array(text.utf8)
        let isHexInt =
            bytes.count > 2 && bytes[0] == UInt8(ascii: "0") && (bytes[1] | 0x20) == UInt8(ascii: "x")
            && !bytes.contains { $0 | 0x20 == UInt8(ascii: "p") }
        let isRune = bytes.first == UInt8(ascii: "'")
        let floatSyntax = bytes.contains {
            $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") || $0 | 0x20 == UInt8(ascii: "p")
        }
        if let complex {
            ideal = .object(complex)
        } else if isFloat && !isHexInt && !isRune && floatSyntax {
            ideal = .float(float64)
        } else if isInt {
            ideal = .int(Int(int64))
        } else {
            ideal = nil
        }
    }
    func write(to out: inout String) { out += text }
}
