import Foundation
import GoTemplate

/// Validates values against one JSON Schema document with the keyword order, short-circuits
/// and messages of santhosh-tekuri/jsonschema v6 (the library Helm 4 uses).
///
/// Object properties are checked in sorted order (the library walks a Go map, so Helm's own
/// order varies from run to run). `format` is not asserted; remote `$ref`s are accepted as
/// permissive schemas, as Helm does for unresolved URNs.
final class SchemaValidator {
    let root: JSONValue
    let draft: Int
    private var regexCache: [String: NSRegularExpression] = [:]
    private(set) var warnings: [String] = []
    private static let maxDepth = 256

    init(root: JSONValue) {
        self.root = root
        var draft = 2020
        if case .string(let uri)? = root["$schema"] {
            if uri.contains("draft-04") {
                draft = 4
            } else if uri.contains("draft-06") {
                draft = 6
            } else if uri.contains("draft-07") {
                draft = 7
            } else if uri.contains("2019-09") {
                draft = 2019
            }
        }
        self.draft = draft
    }

    /// Validates `value`; `nil` when it is valid.
    func validate(_ value: Value) throws -> SchemaIssue? {
        try validate(root, value, [], depth: 0)
    }

    // MARK: Core

    private func issue(_ location: [String], _ message: String, causes: [SchemaIssue] = []) -> SchemaIssue {
        SchemaIssue(location: location, message: message, causes: causes)
    }

    func validate(_ schema: JSONValue, _ value: Value, _ location: [String], depth: Int) throws -> SchemaIssue? {
        if depth > Self.maxDepth {
            throw ChartError(
                code: .invalidSchema, message: "values.schema.json nests or references itself too deeply")
        }
        switch schema {
        case .bool(true): return nil
        case .bool(false): return issue(location, "false schema")
        case .object: break
        default: return nil
        }
        let type = SchemaType.of(value)
        guard type != .invalid else { return issue(location, "invalid jsonType \(value.conversionTypeName)") }

        if let declared = schema["type"] {
            let wanted = SchemaType.list(declared)
            if !wanted.isEmpty {
                let matched =
                    wanted.contains(type) || (wanted.contains(.integer) && type == .number && value.isIntegral)
                if !matched {
                    let names = SchemaType.allCases.filter { wanted.contains($0) }.map(\.name)
                    return issue(location, "got \(type.name), want \(names.joined(separator: " or "))")
                }
            }
        }
        if let constant = schema["const"], !SchemaEquality.equal(value, constant) {
            return issue(location, "value must be " + display(constant, failed: "const failed"))
        }
        if case .array(let options)? = schema["enum"], !options.contains(where: { SchemaEquality.equal(value, $0) }) {
            if options.contains(where: {
                if case .array = $0 { true } else if case .object = $0 { true } else { false }
            }) {
                return issue(location, "enum failed")
            }
            let shown = options.map { display($0, failed: "value") }
            return issue(
                location,
                options.count == 1
                    ? "value must be \(shown[0])"
                    : "value must be one of "
                        + shown.joined(separator: ", "))
        }
        var errors: [SchemaIssue] = []
        if case .string(let reference)? = schema["$ref"] {
            let failure = try validateReference(reference, value, location, depth: depth)
            if draft < 2019 { return failure }
            if let failure { errors.append(failure) }
        }
        switch value {
        case .map(let map, _): try validateObject(schema, map, location, depth: depth, errors: &errors)
        case .list(let items, _): try validateArray(schema, items, location, depth: depth, errors: &errors)
        case .string(let text): try validateString(schema, text, location, errors: &errors)
        case .int, .float: validateNumber(schema, value, location, errors: &errors)
        default: break
        }
        try validateConditions(schema, value, location, depth: depth, errors: &errors)
        switch errors.count {
        case 0: return nil
        case 1: return errors[0]
        default: return SchemaIssue(location: location, message: "validation failed", kind: .group, causes: errors)
        }
    }

    private func validateReference(
        _ reference: String, _ value: Value, _ location: [String], depth: Int
    ) throws -> SchemaIssue? {
        guard let target = try resolve(reference) else { return nil }
        guard let failure = try validate(target, value, location, depth: depth + 1) else { return nil }
        let causes = failure.kind == .group ? failure.causes : [failure]
        return SchemaIssue(location: location, message: "validation failed", kind: .reference, causes: causes)
    }

    /// Resolves `#` and `#/json/pointer` within the document; other references are accepted.
    private func resolve(_ reference: String) throws -> JSONValue? {
        guard reference.hasPrefix("#") else {
            warnings.append("unresolved $ref \(reference) ignored; using permissive schema")
            return nil
        }
        let pointer = String(reference.dropFirst()).removingPercentEncoding ?? String(reference.dropFirst())
        if pointer.isEmpty { return root }
        let notFound = ChartError(
            code: .invalidSchema,
            message: "json-pointer in \"file:///values.schema.json#\(String(reference.dropFirst()))\" not found")
        guard pointer.hasPrefix("/") else {
            throw ChartError(
                code: .invalidSchema, message: "unsupported $ref \(GoQuote.quote(reference)) in values.schema.json")
        }
        var current = root
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object:
                guard let next = current[key] else { throw notFound }
                current = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { throw notFound }
                current = items[index]
            default:
                throw notFound
            }
        }
        return current
    }

    // MARK: Strings and numbers

    private func validateString(_ schema: JSONValue, _ text: String, _ location: [String], errors: inout [SchemaIssue])
        throws
    {
        let length = text.unicodeScalars.count
        if let minimum = schema["minLength"]?.integer, length < minimum {
            errors.append(
                issue(location, "minLength: got \(SchemaText.integer(length)), want \(SchemaText.integer(minimum))"))
        }
        if let maximum = schema["maxLength"]?.integer, length > maximum {
            errors.append(
                issue(location, "maxLength: got \(SchemaText.integer(length)), want \(SchemaText.integer(maximum))"))
        }
        if case .string(let pattern)? = schema["pattern"] {
            let regex = try self.regex(pattern)
            let range = NSRange(text.startIndex..<text.endIndex, in: text)
            if regex.firstMatch(in: text, options: [], range: range) == nil {
                errors.append(
                    issue(location, "\(SchemaText.quote(text)) does not match pattern \(SchemaText.quote(pattern))"))
            }
        }
    }

    func regex(_ pattern: String) throws -> NSRegularExpression {
        if let cached = regexCache[pattern] { return cached }
        do {
            let compiled = try NSRegularExpression(pattern: pattern, options: [])
            regexCache[pattern] = compiled
            return compiled
        } catch {
            throw ChartError(
                code: .invalidSchema, message: "\(SchemaText.quote(pattern)) is not valid regex",
                cause: error)
        }
    }

    private func validateNumber(_ schema: JSONValue, _ value: Value, _ location: [String], errors: inout [SchemaIssue])
    {
        guard let number = value.doubleValue else { return }
        let got = SchemaText.float(number)
        var exclusiveMinimumFlag = false
        var exclusiveMaximumFlag = false
        if draft == 4 {
            if case .bool(true)? = schema["exclusiveMinimum"] { exclusiveMinimumFlag = true }
            if case .bool(true)? = schema["exclusiveMaximum"] { exclusiveMaximumFlag = true }
        }
        if let minimum = schema["minimum"]?.double {
            if exclusiveMinimumFlag {
                if number <= minimum {
                    errors.append(issue(location, "exclusiveMinimum: got \(got), want \(SchemaText.float(minimum))"))
                }
            } else if number < minimum {
                errors.append(issue(location, "minimum: got \(got), want \(SchemaText.float(minimum))"))
            }
        }
        if let maximum = schema["maximum"]?.double {
            if exclusiveMaximumFlag {
                if number >= maximum {
                    errors.append(issue(location, "exclusiveMaximum: got \(got), want \(SchemaText.float(maximum))"))
                }
            } else if number > maximum {
                errors.append(issue(location, "maximum: got \(got), want \(SchemaText.float(maximum))"))
            }
        }
        if draft > 4, let minimum = schema["exclusiveMinimum"]?.double, number <= minimum {
            errors.append(issue(location, "exclusiveMinimum: got \(got), want \(SchemaText.float(minimum))"))
        }
        if draft > 4, let maximum = schema["exclusiveMaximum"]?.double, number >= maximum {
            errors.append(issue(location, "exclusiveMaximum: got \(got), want \(SchemaText.float(maximum))"))
        }
        if case .number(let divisorText)? = schema["multipleOf"],
            let divisor = Decimal(string: divisorText), divisor != 0,
            let dividend = Decimal(string: GoFloatFormat.shortestG(number).replacingOccurrences(of: "e+", with: "e"))
        {
            var quotient = dividend / divisor
            var rounded = Decimal()
            NSDecimalRound(&rounded, &quotient, 0, .plain)
            if rounded != quotient {
                errors.append(
                    issue(
                        location,
                        "multipleOf: got \(got), want \(SchemaText.float(NSDecimalNumber(decimal: divisor).doubleValue))"
                    ))
            }
        }
    }

    /// The library's `display`: strings quoted, numbers as written, composites as "value".
    private func display(_ value: JSONValue, failed: String) -> String {
        switch value {
        case .string(let text): return SchemaText.quote(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "<nil>"
        case .array, .object: return failed
        }
    }
}

extension JSONValue {
    var double: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    var integer: Int? {
        guard let double, double.rounded() == double, abs(double) < 1e15 else { return nil }
        return Int(double)
    }
}

extension Value {
    var doubleValue: Double? {
        switch self {
        case .int(let number, _): return Double(number)
        case .float(let number): return number
        default: return nil
        }
    }

    var isIntegral: Bool {
        switch self {
        case .int: return true
        case .float(let number): return number.isFinite && number.rounded() == number
        default: return false
        }
    }
}
