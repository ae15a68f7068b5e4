/// gobwas/glob patterns with `/` as the separator, as `.Files.Glob` compiles them: `*` matches
/// within one path segment, `**` across segments, `?` one non-separator character, `[a-z]` and
/// `[!a-z]` classes, `{a,b}` alternatives and `\` escapes. A pattern that does not compile
/// matches everything (Helm falls back to `**`).
struct FilesGlob {
    indirect enum Token {
        case literal(Unicode.Scalar)
        case star
        case superStar
        case single
        case characterClass(negated: Bool, ranges: [ClosedRange<UInt32>])
        case alternatives([[Token]])
    }

    private let tokens: [Token]?

    init(pattern: String) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        tokens = try? parser.parseSequence(insideAlternatives: false)
    }

    func matches(_ path: String) -> Bool {
        guard let tokens else { return true }
        let scalars = Array(path.unicodeScalars)
        var budget = 100_000
        return Self.match(tokens[...], scalars[...], budget: &budget)
    }

    private static func match(_ tokens: ArraySlice<Token>, _ text: ArraySlice<Unicode.Scalar>, budget: inout Int)
        -> Bool
    {
        budget -= 1
        if budget < 0 { return false }
        guard let token = tokens.first else { return text.isEmpty }
        let rest = tokens.dropFirst()
        switch token {
        case .literal(let scalar):
            guard text.first == scalar else { return false }
            return match(rest, text.dropFirst(), budget: &budget)
        case .single:
            guard let first = text.first, first != "/" else { return false }
            return match(rest, text.dropFirst(), budget: &budget)
        case .characterClass(let negated, let ranges):
            guard let first = text.first else { return false }
            let inside = ranges.contains { $0.contains(first.value) }
            guard inside != negated else { return false }
            return match(rest, text.dropFirst(), budget: &budget)
        case .star, .superStar:
            var candidate = text
            while true {
                if match(rest, candidate, budget: &budget) { return true }
                guard let first = candidate.first else { return false }
                if case .star = token, first == "/" { return false }
                candidate = candidate.dropFirst()
            }
        case .alternatives(let options):
            return options.contains { option in match(ArraySlice(option) + rest, text, budget: &budget) }
        }
    }

    private struct Parser {
        struct Invalid: Error {}
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func parseSequence(insideAlternatives: Bool) throws -> [Token] {
            var tokens: [Token] = []
            while index < scalars.count {
                let scalar = scalars[index]
                if insideAlternatives && (scalar == "," || scalar == "}") { return tokens }
                index += 1
                switch scalar {
                case "\\":
                    guard index < scalars.count else { throw Invalid() }
                    tokens.append(.literal(scalars[index]))
                    index += 1
                case "*":
                    if index < scalars.count, scalars[index] == "*" {
                        index += 1
                        tokens.append(.superStar)
                    } else {
                        tokens.append(.star)
                    }
                case "?":
                    tokens.append(.single)
                case "[":
                    tokens.append(try parseClass())
                case "{":
                    var options: [[Token]] = []
                    while true {
                        options.append(try parseSequence(insideAlternatives: true))
                        guard index < scalars.count else { throw Invalid() }
                        let separator = scalars[index]
                        index += 1
                        if separator == "}" { break }
                    }
                    tokens.append(.alternatives(options))
                default:
                    tokens.append(.literal(scalar))
                }
            }
            if insideAlternatives { throw Invalid() }
            return tokens
        }

        mutating func parseClass() throws -> Token {
            var negated = false
            if index < scalars.count, scalars[index] == "!" {
                negated = true
                index += 1
            }
            var ranges: [ClosedRange<UInt32>] = []
            while index < scalars.count, scalars[index] != "]" {
                let low = scalars[index]
                index += 1
                if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                    let high = scalars[index + 1]
                    index += 2
                    guard low.value <= high.value else { throw Invalid() }
                    ranges.append(low.value...high.value)
                } else {
                    ranges.append(low.value...low.value)
                }
            }
            guard index < scalars.count else { throw Invalid() }
            index += 1
            return .characterClass(negated: negated, ranges: ranges)
        }
    }
}
