import GoTemplate
@testable import HelmEngine

/// A deliberately small text/template evaluator so Sprig's corpus cases can run before the real
/// executor is merged: actions with trim markers, pipelines, parenthesised calls, literals,
/// variables with field chains, `if`/`range`/`end`, and the few Go built-ins the cases use.
/// Cases needing anything else report ``Unsupported`` and are skipped by the caller.
struct MiniTemplate {
    struct Unsupported: Error { var reason: String }
    struct CallError: Error { var function: String; var message: String }

    private enum Node {
        case text(String)
        case action(String)
    }

    let functions: [String: TemplateFunction]

    /// Renders `source`; `<no value>` prints as "" as Helm does.
    func render(_ source: String) throws -> String {
        let nodes = try split(source)
        var index = 0
        var variables: [String: Value] = [:]
        return try run(nodes, &index, &variables, stopAtEnd: false)
    }

    private func split(_ source: String) throws -> [Node] {
        var nodes: [Node] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            var text = String(rest[..<open.lowerBound])
            var inner = rest[open.upperBound...]
            if inner.hasPrefix("-") && inner.dropFirst().first?.isWhitespace == true {
                while let last = text.last, last.isWhitespace { text.removeLast() }
                inner = inner.dropFirst()
            }
            guard let close = findClose(inner) else { throw Unsupported(reason: "unclosed action") }
            var body = inner[..<close]
            var after = inner[inner.index(close, offsetBy: 2)...]
            if body.hasSuffix("-") && body.dropLast().last?.isWhitespace == true {
                body = body.dropLast()
                after = after.drop { $0.isWhitespace }
            }
            if !text.isEmpty { nodes.append(.text(text)) }
            let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("/*") { rest = after; continue }
            nodes.append(.action(trimmed))
            rest = after
        }
        if !rest.isEmpty { nodes.append(.text(String(rest))) }
        return nodes
    }

    /// The `}}` that closes an action, skipping quoted strings.
    private func findClose(_ s: Substring) -> Substring.Index? {
        var i = s.startIndex
        var quote: Character?
        while i < s.endIndex {
            let c = s[i]
            if let q = quote {
                if c == "\\" && q == "\"" { i = s.index(after: i) } else if c == q { quote = nil }
            } else if c == "\"" || c == "`" {
                quote = c
            } else if c == "}" && s[i...].hasPrefix("}}") {
                return i
            }
            i = s.index(after: i)
        }
        return nil
    }

    private func run(_ nodes: [Node], _ index: inout Int, _ vars: inout [String: Value], stopAtEnd: Bool) throws -> String {
        var out = ""
        while index < nodes.count {
            let node = nodes[index]
            index += 1
            switch node {
            case .text(let t):
                out += t
            case .action(let a):
                if a == "end" || a == "else" {
                    guard stopAtEnd else { throw Unsupported(reason: "stray \(a)") }
                    if a == "else" { throw Unsupported(reason: "else") }
                    return out
                }
                if a.hasPrefix("if ") {
                    let condition = try evaluatePipeline(String(a.dropFirst(3)), &vars)
                    var copy = vars
                    let body = try run(nodes, &index, &copy, stopAtEnd: true)
                    if !GoCast.isEmpty(condition) { out += body }
                } else if a.hasPrefix("range ") {
                    var spec = String(a.dropFirst(6))
                    var name: String?
                    if let assign = spec.range(of: ":=") {
                        name = spec[..<assign.lowerBound].trimmingCharacters(in: .whitespaces)
                        spec = String(spec[assign.upperBound...])
                    }
                    let collection = try evaluatePipeline(spec, &vars)
                    let start = index
                    var end = index
                    guard case .list(let items, _) = collection else { throw Unsupported(reason: "range over non-list") }
                    if items.isEmpty {
                        var scratch = vars
                        _ = try? run(nodes, &end, &scratch, stopAtEnd: true)
                    }
                    for item in items {
                        var copy = vars
                        if let name { copy[name] = item }
                        end = start
                        out += try run(nodes, &end, &copy, stopAtEnd: true)
                    }
                    index = end
                } else if let assign = a.range(of: ":="), a.hasPrefix("$") {
                    let name = a[..<assign.lowerBound].trimmingCharacters(in: .whitespaces)
                    vars[name] = try evaluatePipeline(String(a[assign.upperBound...]), &vars)
                } else if a.hasPrefix("define") || a.hasPrefix("with") || a.hasPrefix("template") || a.hasPrefix("block") {
                    throw Unsupported(reason: a)
                } else {
                    let value = try evaluatePipeline(a, &vars)
                    if case .null = value {} else { out += GoCast.string(value) }
                }
            }
        }
        if stopAtEnd { throw Unsupported(reason: "missing end") }
        return out
    }

    // MARK: Pipelines

    private enum Token: Equatable {
        case word(String)
        case string(String)
        case number(String)
        case open, close, pipe
    }

    private func tokenize(_ s: String) throws -> [Token] {
        var tokens: [Token] = []
        let c = Array(s)
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            if ch == "(" { tokens.append(.open); i += 1; continue }
            if ch == ")" { tokens.append(.close); i += 1; continue }
            if ch == "|" { tokens.append(.pipe); i += 1; continue }
            if ch == "`" {
                var j = i + 1
                while j < c.count && c[j] != "`" { j += 1 }
                tokens.append(.string(String(c[(i + 1)..<j])))
                i = j + 1
                continue
            }
            if ch == "\"" {
                var j = i + 1
                var text = String.UnicodeScalarView()
                while j < c.count && c[j] != "\"" {
                    if c[j] == "\\" && j + 1 < c.count {
                        j += 1
                        switch c[j] {
                        case "n": text.append("\n")
                        case "t": text.append("\t")
                        case "r": text.append("\r")
                        case "a": text.append("\u{07}")
                        case "u":
                            let hex = String(c[(j + 1)...(j + 4)])
                            text.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                            j += 4
                        default: text.append(contentsOf: String(c[j]).unicodeScalars)
                        }
                    } else {
                        text.append(contentsOf: String(c[j]).unicodeScalars)
                    }
                    j += 1
                }
                tokens.append(.string(String(text)))
                i = j + 1
                continue
            }
            var j = i
            while j < c.count && !c[j].isWhitespace && !"()|".contains(c[j]) { j += 1 }
            let word = String(c[i..<j])
            if let first = word.first, first.isNumber || (first == "-" && word.count > 1 && word.dropFirst().first!.isNumber) {
                tokens.append(.number(word))
            } else {
                tokens.append(.word(word))
            }
            i = j
        }
        return tokens
    }

    private func evaluatePipeline(_ s: String, _ vars: inout [String: Value]) throws -> Value {
        var tokens = try tokenize(s)[...]
        let value = try pipeline(&tokens, vars)
        guard tokens.isEmpty else { throw Unsupported(reason: "trailing tokens") }
        return value
    }

    private func pipeline(_ tokens: inout ArraySlice<Token>, _ vars: [String: Value]) throws -> Value {
        var result: Value?
        while true {
            var command: [Token] = []
            var depth = 0
            while let t = tokens.first {
                if t == .pipe && depth == 0 { break }
                if t == .close && depth == 0 { break }
                if t == .open { depth += 1 }
                if t == .close { depth -= 1 }
                command.append(t)
                tokens.removeFirst()
            }
            result = try evaluateCommand(command[...], piped: result, vars)
            if tokens.first == .pipe {
                tokens.removeFirst()
                continue
            }
            return result ?? .null
        }
    }

    private func operand(_ tokens: inout ArraySlice<Token>, _ vars: [String: Value]) throws -> Value {
        let t = tokens.removeFirst()
        switch t {
        case .string(let s): return .string(s)
        case .number(let n):
            if let i = Int(n) { return .int(i) }
            if let d = Double(n) { return .float(d) }
            throw Unsupported(reason: "number \(n)")
        case .open:
            let v = try pipeline(&tokens, vars)
            guard tokens.first == .close else { throw Unsupported(reason: "paren") }
            tokens.removeFirst()
            return v
        case .word(let w):
            if w == "nil" { return .null }
            if w == "true" { return .bool(true) }
            if w == "false" { return .bool(false) }
            if w.hasPrefix("$") {
                let parts = w.split(separator: ".", omittingEmptySubsequences: false)
                guard var value = vars[String(parts[0])] else { throw Unsupported(reason: "variable \(w)") }
                for field in parts.dropFirst() { value = try access(value, String(field)) }
                return value
            }
            throw Unsupported(reason: "operand \(w)")
        default:
            throw Unsupported(reason: "token")
        }
    }

    private func access(_ value: Value, _ field: String) throws -> Value {
        switch value {
        case .map(let dict, _): return dict[field] ?? .null
        case .object(let object):
            if let v = object.field(field) { return v }
            if let m = object.method(field) { return try m.body([], NoContext()) }
            throw Unsupported(reason: "field \(field)")
        default: throw Unsupported(reason: "field on \(value)")
        }
    }

    private func evaluateCommand(_ command: ArraySlice<Token>, piped: Value?, _ vars: [String: Value]) throws -> Value {
        var tokens = command
        guard let first = tokens.first else { throw Unsupported(reason: "empty command") }
        if case .word(let name) = first, !name.hasPrefix("$"), !["nil", "true", "false"].contains(name) {
            if name.hasPrefix(".") { throw Unsupported(reason: "dot \(name)") }
            tokens.removeFirst()
            var args: [Value] = []
            while !tokens.isEmpty { args.append(try operand(&tokens, vars)) }
            if let piped { args.append(piped) }
            return try call(name, args)
        }
        // A method call on a variable: $t.Format "x".
        if case .word(let w) = first, w.hasPrefix("$"), tokens.count > 1 || piped != nil {
            let parts = w.split(separator: ".")
            guard parts.count >= 2, var base = vars[String(parts[0])] else { throw Unsupported(reason: "method") }
            for field in parts.dropFirst().dropLast() { base = try access(base, String(field)) }
            guard case .object(let object) = base, let method = object.method(String(parts.last!)) else {
                throw Unsupported(reason: "method")
            }
            tokens.removeFirst()
            var args: [Value] = []
            while !tokens.isEmpty { args.append(try operand(&tokens, vars)) }
            if let piped { args.append(piped) }
            return try method.body(args, NoContext())
        }
        let value = try operand(&tokens, vars)
        guard tokens.isEmpty, piped == nil else { throw Unsupported(reason: "non-function with arguments") }
        return value
    }

    private func call(_ name: String, _ args: [Value]) throws -> Value {
        switch name {
        case "len":
            switch args.first {
            case .string(let s)?: return .int(s.utf8.count)
            case .list(let l, _)?: return .int(l.count)
            case .map(let m, _)?: return .int(m.count)
            default: throw Unsupported(reason: "len")
            }
        case "eq":
            guard args.count == 2 else { throw Unsupported(reason: "eq") }
            switch (args[0], args[1]) {
            case (.int(let a, _), .int(let b, _)): return .bool(a == b)
            case (.string(let a), .string(let b)): return .bool(a == b)
            case (.bool(let a), .bool(let b)): return .bool(a == b)
            default: throw Unsupported(reason: "eq types")
            }
        case "lt":
            guard case .int(let a, _) = args[0], case .int(let b, _) = args[1] else { throw Unsupported(reason: "lt") }
            return .bool(a < b)
        case "print":
            return .string(args.map { GoCast.string($0) }.joined())
        default:
            break
        }
        guard let function = functions[name] else { throw Unsupported(reason: "function \(name)") }
        let converted = try convert(args, function)
        do {
            return try function.body(converted, NoContext())
        } catch let error as TemplateFunctionError {
            throw CallError(function: name, message: error.message)
        }
    }

    /// The executor's argument conversion, as far as the corpus needs it.
    private func convert(_ args: [Value], _ function: TemplateFunction) throws -> [Value] {
        let fixed = function.parameters.count
        guard args.count == fixed || (function.variadic != nil && args.count >= fixed) else {
            throw Unsupported(reason: "argument count")
        }
        return try args.enumerated().map { index, arg in
            let type = index < fixed ? function.parameters[index] : (function.variadic ?? .any)
            switch (type, arg) {
            case (.any, _), (.string, .string), (.int, .int), (.int64, .int), (.bool, .bool), (.map, .map):
                return arg
            case (.float64, .int(let i, _)): return .float(Double(i))
            case (.float64, .float): return arg
            case (.list, .list), (.list, .null), (.map, .null): return arg
            default: throw Unsupported(reason: "conversion \(type) of \(arg)")
            }
        }
    }
}

/// A function context for calls that need no templates.
final class NoContext: FunctionContext {
    func executeTemplate(named name: String, data: Value) throws -> String { "" }
    func executeText(_ text: String, data: Value) throws -> String { "" }
}

import Foundation
