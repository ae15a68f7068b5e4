import GoTemplate

// Sprig's defaults (defaults.go), reflection (reflect.go) and flow control (`fail`).
extension Sprig {
    static let defaultFunctions: [String: TemplateFunction] = [
        // `default DEFAULT GIVEN...`: the given value unless it is missing or empty.
        "default": function([.any], variadic: .any) { a in
            guard a.count > 1, !GoCast.isEmpty(a[1]) else { return a[0] }
            return a[1]
        },
        "empty": function([.any]) { a in .bool(GoCast.isEmpty(a[0])) },
        "coalesce": function([], variadic: .any) { a in a.first { !GoCast.isEmpty($0) } ?? .null },
        "all": function([], variadic: .any) { a in .bool(a.allSatisfy { !GoCast.isEmpty($0) }) },
        "any": function([], variadic: .any) { a in .bool(a.contains { !GoCast.isEmpty($0) }) },
        "ternary": function([.any, .any, .bool]) { a in a[2].boolArgument ? a[0] : a[1] },
    ]

    static let reflectionFunctions: [String: TemplateFunction] = [
        "typeOf": function([.any]) { a in .string(a[0].goTypeName) },
        "typeIs": function([.string, .any]) { a in .bool(a[0].stringArgument == a[1].goTypeName) },
        "typeIsLike": function([.string, .any]) { a in
            let type = a[1].goTypeName
            return .bool(a[0].stringArgument == type || "*" + a[0].stringArgument == type)
        },
        "kindOf": function([.any]) { a in .string(GoCast.kindName(a[0])) },
        "kindIs": function([.string, .any]) { a in .bool(a[0].stringArgument == GoCast.kindName(a[1])) },
        "deepEqual": function([.any, .any]) { a in .bool(GoCast.deepEqual(a[0], a[1])) },
    ]

    static let flowFunctions: [String: TemplateFunction] = [
        "fail": function([.string]) { a in throw failure(a[0].stringArgument) }
    ]
}
