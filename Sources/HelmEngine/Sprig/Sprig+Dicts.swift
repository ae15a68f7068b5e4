import GoTemplate
import SemVer

// Sprig's dict functions (dict.go), with mergo's merge rules for `merge` and `mergeOverwrite`.
//
// Go maps are references, so `set`, `unset`, `merge` and `mergeOverwrite` change the map they are
// given as well as returning it. These bodies return the changed map with the argument's kind (its
// identity); making the change visible through every path to that map is the executor's part.
extension Sprig {
    static let dictFunctions: [String: TemplateFunction] = [
        "dict": function([], variadic: .any) { a in
            var dict: [String: Value] = [:]
            var i = 0
            while i < a.count {
                let key = GoCast.string(a[i])
                dict[key] = i + 1 < a.count ? a[i + 1] : .string("")
                i += 2
            }
            return .map(dict)
        },
        "get": function([.map, .string]) { a in a[0].mapArgument[a[1].stringArgument] ?? .string("") },
        "set": function([.map, .string, .any]) { a in
            var dict = a[0].mapArgument
            dict[a[1].stringArgument] = a[2]
            return .map(dict, mapKind(a[0]))
        },
        "unset": function([.map, .string]) { a in
            var dict = a[0].mapArgument
            dict[a[1].stringArgument] = nil
            return .map(dict, mapKind(a[0]))
        },
        "hasKey": function([.map, .string]) { a in .bool(a[0].mapArgument[a[1].stringArgument] != nil) },
        "pluck": function([.string], variadic: .map) { a in
            let key = a[0].stringArgument
            return .list(a.dropFirst().compactMap { $0.mapArgument[key] })
        },
        // Go's map order is random; sorted keys are one of the orders Go may produce.
        "keys": function([], variadic: .map) { a in
            .stringList(a.flatMap { $0.mapArgument.keys.sorted(by: goLess) })
        },
        "values": function([.map]) { a in
            let dict = a[0].mapArgument
            return .list(dict.keys.sorted(by: goLess).map { dict[$0] ?? .null })
        },
        "pick": function([.map], variadic: .string) { a in
            let dict = a[0].mapArgument
            var result: [String: Value] = [:]
            for key in a.dropFirst().map(\.stringArgument) {
                if let value = dict[key] { result[key] = value }
            }
            return .map(result)
        },
        "omit": function([.map], variadic: .string) { a in
            let omit = Set(a.dropFirst().map(\.stringArgument))
            return .map(a[0].mapArgument.filter { !omit.contains($0.key) })
        },
        "merge": function([.map], variadic: .map) { a in mergeAll(a, overwrite: false) },
        "mustMerge": function([.map], variadic: .map) { a in mergeAll(a, overwrite: false) },
        "mergeOverwrite": function([.map], variadic: .map) { a in mergeAll(a, overwrite: true) },
        "mustMergeOverwrite": function([.map], variadic: .map) { a in mergeAll(a, overwrite: true) },
        "dig": function([], variadic: .any) { a in try dig(a) },
        // A copy shares no map with its source (the executor tags maps with Go's reference identity); nil fails as
        // copystructure's reflection does.
        "deepCopy": function([.any]) { a in try deepCopy(a[0]) },
        "mustDeepCopy": function([.any]) { a in try deepCopy(a[0]) },
    ]

    static func deepCopy(_ value: Value) throws -> Value {
        if case .null = value { throw failure("reflect: call of reflect.Value.Type on zero Value") }
        return zeroingVersions(value.detachingReferences)
    }

    /// copystructure copies only exported fields, and `semver.Version` has none: a copied version is 0.0.0.
    static func zeroingVersions(_ value: Value) -> Value {
        switch value {
        case .object(let version as GoSemVer):
            return .object(GoSemVer(version: Version(major: 0, minor: 0, patch: 0), pointer: version.pointer))
        case .list(let items, let kind): return .list(items.map(zeroingVersions), kind)
        case .map(let map, let kind): return .map(map.mapValues(zeroingVersions), kind)
        default: return value
        }
    }

    static func mapKind(_ value: Value) -> MapKind {
        if case .map(_, let kind) = value { return kind }
        return .interface
    }

    static func mergeAll(_ maps: [Value], overwrite: Bool) -> Value {
        var dst = maps[0].mapArgument
        for src in maps.dropFirst() {
            merge(into: &dst, src.mapArgument, overwrite: overwrite)
        }
        return .map(dst, mapKind(maps[0]))
    }

    /// mergo's map merge as Sprig calls it: nested maps merge key by key; otherwise a source
    /// value replaces a missing or empty (zero) destination value, or any value when
    /// overwriting. A nil source value is skipped, or stored as nil when overwriting.
    static func merge(into dst: inout [String: Value], _ src: [String: Value], overwrite: Bool) {
        for (key, srcValue) in src {
            let dstValue = dst[key]
            if case .null = srcValue {
                if overwrite { dst[key] = .null }
                continue
            }
            if case .map(let srcDict, _) = srcValue, case .map(var dstDict, let dstKind)? = dstValue {
                merge(into: &dstDict, srcDict, overwrite: overwrite)
                dst[key] = .map(dstDict, dstKind)
                continue
            }
            if overwrite || dstValue == nil || GoCast.isEmpty(dstValue ?? .null) {
                dst[key] = srcValue
            }
        }
    }

    /// Sprig's `dig KEY... DEFAULT DICT`: follows keys through nested `map[string]interface {}`
    /// values; a missing key gives the default. Other types fail as Go's type assertion panics.
    static func dig(_ args: [Value]) throws -> Value {
        guard args.count >= 3 else { throw failure("dig needs at least three arguments") }
        guard case .map(var dict, let kind) = args[args.count - 1], kind == .interface else {
            throw failure(
                "interface conversion: interface {} is \(args[args.count - 1].goTypeName), "
                    + "not map[string]interface {}")
        }
        let fallback = args[args.count - 2]
        var keys: [String] = []
        for key in args[..<(args.count - 2)] {
            guard case .string(let s) = key else {
                throw failure("interface conversion: interface {} is \(key.goTypeName), not string")
            }
            keys.append(s)
        }
        for (index, key) in keys.enumerated() {
            guard let step = dict[key] else { return fallback }
            if index == keys.count - 1 { return step }
            guard case .map(let next, let kind) = step, kind == .interface else {
                throw failure(
                    "interface conversion: interface {} is \(step.goTypeName), "
                        + "not map[string]interface {}")
            }
            dict = next
        }
        return fallback
    }
}
