import GoTemplate

/// The state machine behind ``StrVals``; it follows the structure of Helm's `strvals` parser so
/// that the same inputs fail with the same messages.
struct StrValsParser {
    enum Mode {
        case typed
        case string
        case json
        case file((String) throws -> String)
        case literal
    }

    /// Failures that Helm reports through Go errors or recovered panics.
    enum Failure: Error {
        case eof
        case notList
        case message(String)
    }

    private let input: [Unicode.Scalar]
    private var position = 0
    private let mode: Mode

    init(_ text: String, mode: Mode) {
        self.input = Array(text.unicodeScalars)
        self.mode = mode
    }

    mutating func run(_ values: inout [String: Value]) throws {
        while true {
            do {
                try key(&values, level: 0)
            } catch Failure.eof {
                return
            } catch Failure.message(let text) {
                throw ChartError(code: .invalidSet, message: text)
            } catch Failure.notList {
                throw ChartError(code: .invalidSet, message: "not a list")
            }
        }
    }

    private var isLiteral: Bool {
        if case .literal = mode { return true }
        return false
    }

    private var isJSON: Bool {
        if case .json = mode { return true }
        return false
    }

    // MARK: Reading

    /// Reads until a stop character (consumed and returned) or the end (`Failure.eof` with
    /// what was read). Outside literal mode `\` escapes the next character.
    private mutating func runesUntil(_ stops: Set<Unicode.Scalar>) -> (text: String, stop: Unicode.Scalar?) {
        var text = String.UnicodeScalarView()
        while position < input.count {
            let scalar = input[position]
            position += 1
            if stops.contains(scalar) { return (String(text), scalar) }
            if scalar == "\\" && !isLiteral {
                guard position < input.count else { return (String(text), nil) }
                text.append(input[position])
                position += 1
                continue
            }
            text.append(scalar)
        }
        return (String(text), nil)
    }

    private func convert(_ text: String) throws -> Value {
        switch mode {
        case .typed: return StrVals.typedValue(text)
        case .string, .literal, .json: return .string(text)
        case .file(let read):
            do {
                return .string(try read(text))
            } catch let error as ChartError {
                throw Failure.message(error.message)
            } catch {
                throw Failure.message("\(error)")
            }
        }
    }

    // MARK: Keys

    private mutating func key(_ data: inout [String: Value], level: Int) throws {
        let stops: Set<Unicode.Scalar> = isLiteral ? ["=", "[", "."] : ["=", "[", ",", "."]
        let (name, stop) = runesUntil(stops)
        guard let stop else {
            if name.isEmpty { throw Failure.eof }
            throw Failure.message("key \(GoQuote.quote(name)) has no value")
        }
        switch stop {
        case "[":
            let index = try keyIndex()
            var list: [Value] = []
            if let existing = data[name] {
                guard case .list(let items, _) = existing else {
                    throw Failure.message(
                        "unable to parse key: interface conversion: interface {} is \(existing.conversionTypeName), "
                            + "not []interface {}")
                }
                list = items
            }
            do {
                list = try listItem(list, index, level: level)
            } catch Failure.eof {
                // Helm sets the key even when the item is cut short, and EOF ends parsing quietly.
                set(&data, name, .list(list))
                throw Failure.eof
            }
            set(&data, name, .list(list))
        case "=":
            try assign(&data, name)
        case ",":
            set(&data, name, .string(""))
            throw Failure.message("key \(GoQuote.quote(name)) has no value (cannot end with ,)")
        default:  // "."
            let nextLevel = level + 1
            if nextLevel > StrVals.maxNestedNameLevel {
                throw Failure.message(
                    "value name nested level is greater than maximum supported nested level of "
                        + "\(StrVals.maxNestedNameLevel)")
            }
            var inner: [String: Value] = [:]
            if let existing = data[name] {
                guard case .map(let map, _) = existing else {
                    throw Failure.message(
                        "unable to parse key: interface conversion: interface {} is \(existing.conversionTypeName), "
                            + "not map[string]interface {}")
                }
                inner = map
            }
            var failure: (any Error)?
            do { try key(&inner, level: nextLevel) } catch { failure = error }
            if failure == nil && inner.isEmpty {
                throw Failure.message("key map \(GoQuote.quote(name)) has no value")
            }
            if !inner.isEmpty { set(&data, name, .map(inner)) }
            if let failure { throw failure }
        }
    }

    /// The `key=` case of Helm's `key()`.
    private mutating func assign(_ data: inout [String: Value], _ name: String) throws {
        if isLiteral {
            let (text, _) = runesUntil([])
            set(&data, name, .string(text))
            return
        }
        if isJSON {
            if try emptyValue() {
                set(&data, name, .null)
                return
            }
            set(&data, name, try jsonValue())
            _ = try emptyValue()
            return
        }
        do {
            let list = try valueList()
            set(&data, name, .list(list))
        } catch Failure.eof {
            set(&data, name, .string(""))
            throw Failure.eof
        } catch Failure.notList {
            let (text, _) = runesUntil([","])
            set(&data, name, try convert(text))
        }
    }

    private func set(_ data: inout [String: Value], _ key: String, _ value: Value) {
        if key.isEmpty { return }
        data[key] = value
    }

    // MARK: Lists

    private mutating func keyIndex() throws -> Int {
        let (text, stop) = runesUntil(["]"])
        guard stop != nil else { throw Failure.eof }
        guard let index = StrVals.parseGoInt64(text) else {
            throw Failure.message("error parsing index: strconv.Atoi: parsing \(GoQuote.quote(text)): invalid syntax")
        }
        return index
    }

    private mutating func listItem(_ list: [Value], _ index: Int, level: Int) throws -> [Value] {
        if index < 0 { throw Failure.message("negative \(index) index not allowed") }
        let stops: Set<Unicode.Scalar> = ["[", ".", "="]
        let (rest, stop) = runesUntil(stops)
        if !rest.isEmpty {
            // Go's %q of a []rune quotes each rune: ['x' 'y'].
            let runes = rest.unicodeScalars.map { "'" + String($0) + "'" }.joined(separator: " ")
            throw Failure.message("unexpected data at end of array index: [\(runes)]")
        }
        guard let stop else { throw Failure.eof }
        switch stop {
        case "=":
            if isLiteral {
                let (text, _) = runesUntil([])
                return try setIndex(list, index, .string(text))
            }
            if isJSON {
                if try emptyValue() { return try setIndex(list, index, .null) }
                let updated = try setIndex(list, index, try jsonValue())
                _ = try emptyValue()
                return updated
            }
            do {
                let values = try valueList()
                return try setIndex(list, index, .list(values))
            } catch Failure.eof {
                return try setIndex(list, index, .string(""))
            } catch Failure.notList {
                let (text, _) = runesUntil([","])
                return try setIndex(list, index, try convert(text))
            }
        case "[":
            let next = try keyIndex()
            var current: [Value] = []
            if index < list.count {
                switch list[index] {
                case .null: break
                case .list(let items, _): current = items
                case let other:
                    throw Failure.message(
                        "unable to parse key: interface conversion: interface {} is \(other.conversionTypeName), "
                            + "not []interface {}")
                }
            }
            let nested = try listItem(current, next, level: level)
            return try setIndex(list, index, .list(nested))
        default:  // "."
            var inner: [String: Value] = [:]
            if index < list.count, case .map(let map, _) = list[index] { inner = map }
            try key(&inner, level: level)
            return try setIndex(list, index, .map(inner))
        }
    }

    private func setIndex(_ list: [Value], _ index: Int, _ value: Value) throws -> [Value] {
        if index < 0 { throw Failure.message("negative \(index) index not allowed") }
        if index > StrVals.maxIndex {
            throw Failure.message("index of \(index) is greater than maximum supported index of \(StrVals.maxIndex)")
        }
        var list = list
        while list.count <= index { list.append(.null) }
        list[index] = value
        return list
    }

    /// Reads `{a,b,...}`; `Failure.notList` (nothing consumed) when the value does not start with `{`.
    private mutating func valueList() throws -> [Value] {
        guard position < input.count else { throw Failure.eof }
        guard input[position] == "{" else { throw Failure.notList }
        position += 1
        var list: [Value] = []
        while true {
            let (text, stop) = runesUntil([",", "}"])
            guard let stop else { throw Failure.message("list must terminate with '}'") }
            if stop == "}" {
                if position < input.count, input[position] == "," { position += 1 }
                list.append(try convert(text))
                return list
            }
            list.append(try convert(text))
        }
    }

    // MARK: JSON values

    /// Skips white space; true at the end or after a `,` (Helm's `emptyVal`).
    private mutating func emptyValue() throws -> Bool {
        while position < input.count {
            let scalar = input[position]
            position += 1
            if scalar == "," { return true }
            if !scalar.properties.isWhitespace {
                position -= 1
                return false
            }
        }
        return true
    }

    private mutating func jsonValue() throws -> Value {
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: input[position...])
        let bytes = Array(String(rest).utf8)
        do {
            var reader = JSONReader(bytes: bytes)
            let value = try reader.readValue()
            // Advance by the scalars that make up the consumed bytes.
            var consumed = 0
            while consumed < reader.offset, position < input.count {
                consumed += String(input[position]).utf8.count
                position += 1
            }
            return value.goValue
        } catch let error as JSONReader.Failure {
            throw Failure.message(error.message)
        }
    }
}
