import GoTemplate

extension SchemaValidator {
    // MARK: Objects

    func validateObject(
        _ schema: JSONValue, _ object: [String: Value], _ location: [String], depth: Int, errors: inout [SchemaIssue]
    ) throws {
        if let minimum = schema["minProperties"]?.integer, object.count < minimum {
            errors.append(
                SchemaIssue(
                    location: location,
                    message:
                        "minProperties: got \(SchemaText.integer(object.count)), want \(SchemaText.integer(minimum))"))
        }
        if let maximum = schema["maxProperties"]?.integer, object.count > maximum {
            errors.append(
                SchemaIssue(
                    location: location,
                    message:
                        "maxProperties: got \(SchemaText.integer(object.count)), want \(SchemaText.integer(maximum))"))
        }
        if case .array(let required)? = schema["required"] {
            let missing = required.compactMap { item -> String? in
                guard case .string(let name) = item, object[name] == nil else { return nil }
                return name
            }
            if missing.count == 1 {
                errors.append(
                    SchemaIssue(location: location, message: "missing property \(SchemaText.quote(missing[0]))"))
            } else if missing.count > 1 {
                errors.append(
                    SchemaIssue(location: location, message: "missing properties \(SchemaText.joinQuoted(missing))"))
            }
        }
        if draft <= 7, case .object(let dependencies)? = schema["dependencies"] {
            for (name, dependency) in dependencies where object[name] != nil {
                if case .array(let names) = dependency {
                    let missing = names.compactMap { item -> String? in
                        guard case .string(let other) = item, object[other] == nil else { return nil }
                        return other
                    }
                    if !missing.isEmpty {
                        errors.append(
                            SchemaIssue(
                                location: location,
                                message:
                                    "properties \(SchemaText.joinQuoted(missing)) required, if \(SchemaText.quote(name)) exists"
                            ))
                    }
                } else if let failure = try validate(dependency, .map(object), location, depth: depth + 1) {
                    errors.append(failure)
                }
            }
        }
        var additional: [String] = []
        let patterns: [(NSRegularExpressionBox, JSONValue)] = try {
            guard case .object(let members)? = schema["patternProperties"] else { return [] }
            return try members.map { (NSRegularExpressionBox(try regex($0.key)), $0.value) }
        }()
        for name in object.keys.sorted() {
            guard let member = object[name] else { continue }
            var evaluated = false
            if let property = schema["properties"]?[name] {
                evaluated = true
                if let failure = try validate(property, member, location + [name], depth: depth + 1) {
                    errors.append(failure)
                }
            }
            for (pattern, propertySchema) in patterns where pattern.matches(name) {
                evaluated = true
                if let failure = try validate(propertySchema, member, location + [name], depth: depth + 1) {
                    errors.append(failure)
                }
            }
            if !evaluated, let additionalSchema = schema["additionalProperties"] {
                if case .bool(let allowed) = additionalSchema {
                    if !allowed { additional.append(name) }
                } else if let failure = try validate(additionalSchema, member, location + [name], depth: depth + 1) {
                    errors.append(failure)
                }
            }
        }
        if !additional.isEmpty {
            errors.append(
                SchemaIssue(
                    location: location,
                    message: "additional properties \(SchemaText.joinQuoted(additional)) not allowed"))
        }
        if draft >= 6, let names = schema["propertyNames"] {
            for name in object.keys.sorted() {
                if let failure = try validate(names, .string(name), [], depth: depth + 1) {
                    let causes = failure.kind == .group ? failure.causes : [failure]
                    errors.append(
                        SchemaIssue(
                            location: [], message: "invalid propertyName \(SchemaText.quote(name))",
                            causes: causes))
                }
            }
        }
        if draft >= 2019 {
            if case .object(let schemas)? = schema["dependentSchemas"] {
                for (name, dependent) in schemas where object[name] != nil {
                    if let failure = try validate(dependent, .map(object), location, depth: depth + 1) {
                        errors.append(failure)
                    }
                }
            }
            if case .object(let requirements)? = schema["dependentRequired"] {
                for (name, list) in requirements where object[name] != nil {
                    guard case .array(let names) = list else { continue }
                    let missing = names.compactMap { item -> String? in
                        guard case .string(let other) = item, object[other] == nil else { return nil }
                        return other
                    }
                    if !missing.isEmpty {
                        errors.append(
                            SchemaIssue(
                                location: location,
                                message:
                                    "properties \(SchemaText.joinQuoted(missing)) required, if \(SchemaText.quote(name)) exists"
                            ))
                    }
                }
            }
        }
    }

    // MARK: Arrays

    func validateArray(
        _ schema: JSONValue, _ items: [Value], _ location: [String], depth: Int, errors: inout [SchemaIssue]
    ) throws {
        if let minimum = schema["minItems"]?.integer, items.count < minimum {
            errors.append(
                SchemaIssue(
                    location: location,
                    message: "minItems: got \(SchemaText.integer(items.count)), want \(SchemaText.integer(minimum))"))
        }
        if let maximum = schema["maxItems"]?.integer, items.count > maximum {
            errors.append(
                SchemaIssue(
                    location: location,
                    message: "maxItems: got \(SchemaText.integer(items.count)), want \(SchemaText.integer(maximum))"))
        }
        if case .bool(true)? = schema["uniqueItems"], items.count > 1 {
            search: for first in items.indices {
                for second in items.indices where second > first && SchemaEquality.equal(items[first], items[second]) {
                    errors.append(
                        SchemaIssue(
                            location: location,
                            message: "items at \(SchemaText.integer(first)) and \(SchemaText.integer(second)) are equal"
                        ))
                    break search
                }
            }
        }
        var evaluated = 0
        if draft < 2020 {
            switch schema["items"] {
            case .array(let tuple)?:
                evaluated = min(tuple.count, items.count)
                for index in 0..<evaluated {
                    if let failure = try validate(
                        tuple[index], items[index], location + [String(index)], depth: depth + 1)
                    {
                        errors.append(failure)
                    }
                }
                if let extra = schema["additionalItems"] {
                    if case .bool(false) = extra, evaluated != items.count {
                        errors.append(
                            SchemaIssue(
                                location: location,
                                message:
                                    "last \(SchemaText.integer(items.count - evaluated)) additionalItem(s) not allowed")
                        )
                    } else if case .object = extra {
                        for index in evaluated..<items.count {
                            if let failure = try validate(
                                extra, items[index], location + [String(index)], depth: depth + 1)
                            {
                                errors.append(failure)
                            }
                        }
                    }
                }
            case let single?:
                for (index, item) in items.enumerated() {
                    if let failure = try validate(single, item, location + [String(index)], depth: depth + 1) {
                        errors.append(failure)
                    }
                }
            case nil:
                break
            }
        } else {
            if case .array(let prefix)? = schema["prefixItems"] {
                evaluated = min(prefix.count, items.count)
                for index in 0..<evaluated {
                    if let failure = try validate(
                        prefix[index], items[index], location + [String(index)], depth: depth + 1)
                    {
                        errors.append(failure)
                    }
                }
            }
            if let rest = schema["items"] {
                for index in evaluated..<items.count {
                    if let failure = try validate(rest, items[index], location + [String(index)], depth: depth + 1) {
                        errors.append(failure)
                    }
                }
            }
        }
        if let contains = schema["contains"] {
            var failures: [SchemaIssue] = []
            var matched: [Int] = []
            for (index, item) in items.enumerated() {
                if let failure = try validate(contains, item, location + [String(index)], depth: depth + 1) {
                    failures.append(failure)
                } else {
                    matched.append(index)
                }
            }
            let minimum = draft >= 2019 ? schema["minContains"]?.integer : nil
            if let minimum {
                if matched.count < minimum {
                    let text =
                        matched.isEmpty
                        ? "min \(minimum) items required to match contains schema, but none matched"
                        : "min \(minimum) items required to match contains schema, but matched \(matched.count) items at "
                            + matched.map(String.init).joined(separator: " ")
                    errors.append(SchemaIssue(location: location, message: text, causes: failures))
                }
            } else if matched.isEmpty {
                errors.append(
                    SchemaIssue(location: location, message: "no items match contains schema", causes: failures))
            }
            if draft >= 2019, let maximum = schema["maxContains"]?.integer, matched.count > maximum {
                errors.append(
                    SchemaIssue(
                        location: location,
                        message:
                            "max \(maximum) items required to match contains schema, but matched \(matched.count) items at "
                            + matched.map(String.init).joined(separator: " ")))
            }
        }
    }

    // MARK: Applicators

    func validateConditions(
        _ schema: JSONValue, _ value: Value, _ location: [String], depth: Int, errors: inout [SchemaIssue]
    ) throws {
        if let negated = schema["not"], try validate(negated, value, location, depth: depth + 1) == nil {
            errors.append(SchemaIssue(location: location, message: "'not' failed"))
        }
        if case .array(let all)? = schema["allOf"], !all.isEmpty {
            var failures: [SchemaIssue] = []
            for sub in all {
                if let failure = try validate(sub, value, location, depth: depth + 1) { failures.append(failure) }
            }
            if !failures.isEmpty {
                errors.append(SchemaIssue(location: location, message: "'allOf' failed", causes: failures))
            }
        }
        if case .array(let any)? = schema["anyOf"], !any.isEmpty {
            var failures: [SchemaIssue] = []
            var matched = false
            for sub in any {
                if let failure = try validate(sub, value, location, depth: depth + 1) {
                    failures.append(failure)
                } else {
                    matched = true
                    break
                }
            }
            if !matched { errors.append(SchemaIssue(location: location, message: "'anyOf' failed", causes: failures)) }
        }
        if case .array(let one)? = schema["oneOf"], !one.isEmpty {
            var matched = -1
            var failures: [SchemaIssue] = []
            for (index, sub) in one.enumerated() {
                if let failure = try validate(sub, value, location, depth: depth + 1) {
                    if matched == -1 { failures.append(failure) }
                } else if matched == -1 {
                    matched = index
                } else {
                    errors.append(
                        SchemaIssue(
                            location: location,
                            message: "'oneOf' failed, subschemas \(matched), \(index) matched"))
                    break
                }
            }
            if matched == -1 {
                errors.append(
                    SchemaIssue(location: location, message: "'oneOf' failed, none matched", causes: failures))
            }
        }
        if draft >= 7, let condition = schema["if"] {
            if try validate(condition, value, location, depth: depth + 1) == nil {
                if let then = schema["then"], let failure = try validate(then, value, location, depth: depth + 1) {
                    errors.append(failure)
                }
            } else if let otherwise = schema["else"],
                let failure = try validate(otherwise, value, location, depth: depth + 1)
            {
                errors.append(failure)
            }
        }
    }
}
