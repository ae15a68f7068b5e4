import GoTemplate

// Sprig's list functions (list.go). Each non-`must` function fails the same way as its `must`
// twin, because text/template turns the panic into the same `error calling NAME: ...`.
extension Sprig {
    static let listFunctions: [String: TemplateFunction] = {
        var f: [String: TemplateFunction] = [
            "list": function([], variadic: .any) { .list($0) },
            "tuple": function([], variadic: .any) { .list($0) },
            "concat": function([], variadic: .any) { a in
                var result: [Value] = []
                for item in a {
                    guard let elements = item.sliceElements else {
                        throw failure("Cannot concat type \(try kindForError(item)) as list")
                    }
                    result += elements
                }
                try checkSize(result.count, "concat")
                // Sprig appends to a nil slice, so nothing to append leaves it nil.
                return result.isEmpty ? .nilList(.interface) : .list(result)
            },
            "until": function([.int]) { a in
                let count = a[0].intArgument
                return try .list(untilStep(0, count, count < 0 ? -1 : 1).map { .int($0) }, .int)
            },
            "untilStep": function([.int, .int, .int]) { a in
                try .list(untilStep(a[0].intArgument, a[1].intArgument, a[2].intArgument).map { .int($0) }, .int)
            },
            "seq": function([], variadic: .int) { a in try .string(seq(a.map(\.intArgument))) },
        ]
        let pairs: [(String, TemplateFunction)] = [
            (
                "append",
                function([.any, .any]) { a in
                    try .list(elements(a[0], "Cannot push on type") + [a[1]])
                }
            ),
            (
                "prepend",
                function([.any, .any]) { a in
                    try .list([a[1]] + elements(a[0], "Cannot prepend on type"))
                }
            ),
            ("first", function([.any]) { a in try elements(a[0], "Cannot find first on type").first ?? .null }),
            ("last", function([.any]) { a in try elements(a[0], "Cannot find last on type").last ?? .null }),
            (
                "rest",
                function([.any]) { a in
                    let items = try elements(a[0], "Cannot find rest on type")
                    return items.isEmpty ? .nilList(.interface) : .list(Array(items.dropFirst()))
                }
            ),
            (
                "initial",
                function([.any]) { a in
                    let items = try elements(a[0], "Cannot find initial on type")
                    return items.isEmpty ? .nilList(.interface) : .list(Array(items.dropLast()))
                }
            ),
            ("reverse", function([.any]) { a in .list(try elements(a[0], "Cannot find reverse on type").reversed()) }),
            (
                "uniq",
                function([.any]) { a in
                    var result: [Value] = []
                    for item in try elements(a[0], "Cannot find uniq on type")
                    where !result.contains(where: { GoCast.deepEqual($0, item) }) {
                        result.append(item)
                    }
                    return .list(result)
                }
            ),
            (
                "compact",
                function([.any]) { a in
                    .list(try elements(a[0], "Cannot compact on type").filter { !GoCast.isEmpty($0) })
                }
            ),
            (
                "without",
                function([.any], variadic: .any) { a in
                    let omit = Array(a.dropFirst())
                    return .list(
                        try elements(a[0], "Cannot find without on type").filter { item in
                            !omit.contains { GoCast.deepEqual($0, item) }
                        })
                }
            ),
            (
                "has",
                function([.any, .any]) { a in
                    if case .null = a[1] { return .bool(false) }
                    let items = try elements(a[1], "Cannot find has on type")
                    return .bool(items.contains { GoCast.deepEqual($0, a[0]) })
                }
            ),
            ("slice", function([.any], variadic: .any) { a in try slice(a[0], Array(a.dropFirst())) }),
            (
                "chunk",
                function([.int, .any]) { a in
                    let size = a[0].intArgument
                    let items = try elements(a[1], "Cannot chunk type")
                    guard size > 0 else { throw failure("runtime error: integer divide by zero") }
                    var chunks: [Value] = []
                    var start = 0
                    while start < items.count {
                        chunks.append(.list(Array(items[start..<min(start + size, items.count)])))
                        start += size
                    }
                    return .list(chunks, .interfaceSlice)
                }
            ),
        ]
        for (name, fn) in pairs {
            f[name] = fn
            f["must" + name.prefix(1).uppercased() + name.dropFirst()] = fn
        }
        f["push"] = f["append"]
        f["mustPush"] = f["append"]
        return f
    }()

    /// The kind name Sprig prints in its errors; nil has no type, and Go panics on it.
    static func kindForError(_ value: Value) throws -> String {
        if case .null = value { throw failure("runtime error: invalid memory address or nil pointer dereference") }
        return GoCast.kindName(value)
    }

    /// The elements of a slice argument, or Sprig's `PREFIX KIND` error.
    static func elements(_ value: Value, _ prefix: String) throws -> [Value] {
        if let items = value.sliceElements { return items }
        throw failure("\(prefix) \(try kindForError(value))")
    }

    /// Sprig's `slice`: Go's `list[start:end]` on any slice-kinded value, keeping its type (a slice of
    /// `.Capabilities.APIVersions` is still a `common.VersionSet`); nil (no value) for an empty list.
    static func slice(_ list: Value, _ indices: [Value]) throws -> Value {
        guard let items = list.sliceItems, let kind = list.sliceKind else {
            throw failure("list should be type of slice or array but \(try kindForError(list))")
        }
        if items.isEmpty { return .null }
        let start = indices.count > 0 ? GoCast.int64(indices[0]) : 0
        let end = indices.count > 1 ? GoCast.int64(indices[1]) : items.count
        guard start >= 0, start <= end, end <= items.count else {
            throw failure("reflect.Value.Slice: slice index out of bounds")
        }
        let part = Array(items[start..<end])
        if case .object(let object) = list, object is VersionSetObject {
            return .object(VersionSetObject(versions: part.map { GoCast.string($0) }))
        }
        return .list(part, kind)
    }

    /// Sprig's `untilStep`: from `start` towards `stop` (exclusive) by `step`; empty when the step
    /// points the wrong way.
    static func untilStep(_ start: Int, _ stop: Int, _ step: Int) throws -> [Int] {
        var result: [Int] = []
        if stop < start {
            guard step < 0 else { return result }
            try checkSize((start - stop) / -step, "untilStep")
            var i = start
            while i > stop {
                result.append(i)
                i += step
            }
            return result
        }
        guard step > 0 else { return result }
        try checkSize((stop - start) / step, "untilStep")
        var i = start
        while i < stop {
            result.append(i)
            let (next, overflow) = i.addingReportingOverflow(step)
            if overflow { break }
            i = next
        }
        return result
    }

    /// Sprig's `seq`, modelled on GNU seq: `seq END`, `seq START END`, `seq START STEP END`.
    static func seq(_ params: [Int]) throws -> String {
        var values: [Int]
        switch params.count {
        case 1:
            let end = params[0]
            let increment = end < 1 ? -1 : 1
            values = try untilStep(1, end + increment, increment)
        case 2:
            let (start, end) = (params[0], params[1])
            let step = end < start ? -1 : 1
            values = try untilStep(start, end + step, step)
        case 3:
            let (start, step, end) = (params[0], params[1], params[2])
            var increment = 1
            if end < start {
                increment = -1
                if step > 0 { return "" }
            }
            values = try untilStep(start, end + increment, step)
        default:
            return ""
        }
        return values.map(String.init).joined(separator: " ")
    }
}
