public import GoTemplate

/// Helm's values merging: chart defaults coalesced under user values, subchart scoping and
/// globals (Helm's `chartutil.CoalesceValues`, `MergeValues`, `CoalesceTables`, `MergeTables`
/// and `loader.MergeMaps`).
///
/// *Coalescing* treats a `null` from the user as "delete this default"; *merging* keeps nulls
/// (Helm merges when it processes `import-values`). Maps merge deeply; lists and scalars are
/// replaced. Each chart's defaults apply at its scope: a subchart's under the key named after it
/// (its alias once dependencies are processed), with the parent's `global` copied down.
public enum Values {
    /// Helm's `loader.MergeMaps`: `b` over `a`, maps merged recursively, everything else replaced
    /// (used for `-f` files and `--set-json` objects).
    public static func mergeMaps(_ a: [String: Value], _ b: [String: Value]) -> [String: Value] {
        var out = a
        for (key, value) in b {
            if case .map(let inner, _) = value, case .map(let existing, _)? = out[key] {
                out[key] = .map(mergeMaps(existing, inner))
            } else {
                out[key] = value
            }
        }
        return out
    }

    /// Helm's `CoalesceValues`: `values` (user-supplied) over the chart's defaults, recursively
    /// through subcharts; user nulls delete defaults.
    ///
    /// - Parameters:
    ///   - chart: the chart whose defaults apply.
    ///   - values: the user-supplied values.
    ///   - warnings: receives Helm's warnings (tables overwritten by scalars and so on).
    /// - Throws: ``ChartError`` (`invalidValues`) when a subchart's key holds a non-map.
    public static func coalesce(
        chart: Chart, values: [String: Value], warnings: inout [String]
    ) throws -> [String: Value] {
        var dest = values
        try coalesce(chart, &dest, prefix: "", merge: false, warnings: &warnings)
        return dest
    }

    /// Helm's `MergeValues`: like ``coalesce(chart:values:warnings:)`` but nulls are kept.
    ///
    /// - Throws: ``ChartError`` (`invalidValues`) when a subchart's key holds a non-map.
    public static func merge(
        chart: Chart, values: [String: Value], warnings: inout [String]
    ) throws -> [String: Value] {
        var dest = values
        try coalesce(chart, &dest, prefix: "", merge: true, warnings: &warnings)
        return dest
    }

    /// Helm's `CoalesceTables`: `src` fills in `dst` (dst wins); a null in `dst` deletes the key.
    public static func coalesceTables(_ dst: [String: Value], _ src: [String: Value]) -> [String: Value] {
        var warnings: [String] = []
        var out = dst
        coalesceTables(&out, src, prefix: "", merge: false, warnings: &warnings)
        return out
    }

    /// Helm's `MergeTables`: `src` fills in `dst` (dst wins); nulls are kept.
    public static func mergeTables(_ dst: [String: Value], _ src: [String: Value]) -> [String: Value] {
        var warnings: [String] = []
        var out = dst
        coalesceTables(&out, src, prefix: "", merge: true, warnings: &warnings)
        return out
    }

    // MARK: Implementation

    static func concatPrefix(_ a: String, _ b: String) -> String { a.isEmpty ? b : a + "." + b }

    static func coalesce(
        _ chart: Chart, _ dest: inout [String: Value], prefix: String, merge: Bool, warnings: inout [String]
    ) throws {
        coalesceValues(chart, &dest, prefix: prefix, merge: merge, warnings: &warnings)
        try coalesceDependencies(chart, &dest, prefix: prefix, merge: merge, warnings: &warnings)
    }

    private static func coalesceDependencies(
        _ chart: Chart, _ dest: inout [String: Value], prefix: String, merge: Bool, warnings: inout [String]
    ) throws {
        for subchart in chart.dependencies {
            var subValues: [String: Value] = [:]
            switch dest[subchart.name] {
            case nil: break
            case .map(let map, _)?: subValues = map
            case let other?:
                throw ChartError(
                    code: .invalidValues,
                    message:
                        "type mismatch on \(subchart.name): %!t(\(other.conversionTypeName)=\(GoFormatter.format(other)))"
                )
            }
            let subPrefix = concatPrefix(prefix, chart.name)
            coalesceGlobals(&subValues, from: dest, prefix: subPrefix, warnings: &warnings)
            try coalesce(subchart, &subValues, prefix: subPrefix, merge: merge, warnings: &warnings)
            dest[subchart.name] = .map(subValues)
        }
    }

    /// Copies the parent's `global` into the subchart's values; the parent's entries win.
    private static func coalesceGlobals(
        _ dest: inout [String: Value], from source: [String: Value], prefix: String, warnings: inout [String]
    ) {
        var destGlobals: [String: Value] = [:]
        switch dest["global"] {
        case nil: break
        case .map(let map, _)?: destGlobals = map
        default:
            warnings.append("warning: skipping globals because destination global is not a table.")
            return
        }
        var sourceGlobals: [String: Value] = [:]
        switch source["global"] {
        case nil: break
        case .map(let map, _)?: sourceGlobals = map
        default:
            warnings.append("warning: skipping globals because source global is not a table.")
            return
        }
        for (key, value) in sourceGlobals {
            if case .map(let table, _) = value {
                switch destGlobals[key] {
                case nil:
                    destGlobals[key] = .map(table)
                case .map(let existing, _)?:
                    var merged = table
                    coalesceTables(
                        &merged, existing, prefix: concatPrefix(prefix, key), merge: true, warnings: &warnings)
                    destGlobals[key] = .map(merged)
                default:
                    warnings.append("Conflict: cannot merge map onto non-map for \(GoQuote.quote(key)). Skipping.")
                }
            } else if case .map? = destGlobals[key] {
                warnings.append("key \(key) is table. Skipping")
            } else {
                destGlobals[key] = value
            }
        }
        dest["global"] = .map(destGlobals)
    }

    private static func coalesceValues(
        _ chart: Chart, _ dest: inout [String: Value], prefix: String, merge: Bool, warnings: inout [String]
    ) {
        let subPrefix = concatPrefix(prefix, chart.name)
        for key in chart.values.keys.sorted() {
            guard let defaultValue = chart.values[key] else { continue }
            if let value = dest[key] {
                if case .null = value, !merge {
                    dest.removeValue(forKey: key)
                } else if case .map(var destTable, _) = value {
                    guard case .map(var source, _) = defaultValue else {
                        if case .null = defaultValue {
                        } else {
                            warnings.append("warning: skipped value for \(subPrefix).\(key): Not a table.")
                        }
                        continue
                    }
                    // A subchart's section is always merged, so its nulls reach the subchart.
                    let mergeHere = merge || chart.dependencies.contains { $0.name == key }
                    if !mergeHere { cleanNilValues(&source) }
                    coalesceTables(
                        &destTable, source, prefix: concatPrefix(subPrefix, key), merge: mergeHere, warnings: &warnings)
                    dest[key] = .map(destTable)
                }
            } else {
                if !merge {
                    if case .null = defaultValue { continue }
                    if case .map(var table, _) = defaultValue {
                        cleanNilValues(&table)
                        dest[key] = .map(table)
                        continue
                    }
                }
                dest[key] = defaultValue
            }
        }
    }

    /// Helm's `coalesceTablesFullKey`: fills `dst` from `src`, recursing into tables.
    static func coalesceTables(
        _ dst: inout [String: Value], _ src: [String: Value], prefix: String, merge: Bool, warnings: inout [String]
    ) {
        var src = src
        var sourceNonNil: Set<String> = []
        for (key, value) in src {
            if case .null = value {} else { sourceNonNil.insert(key) }
        }
        for (key, value) in dst {
            if case .null = value { src[key] = .null }
        }
        for key in src.keys.sorted() {
            guard let value = src[key] else { continue }
            let fullKey = concatPrefix(prefix, key)
            guard let existing = dst[key] else {
                dst[key] = value
                continue
            }
            if !merge, case .null = existing, sourceNonNil.contains(key) {
                dst.removeValue(forKey: key)
            } else if case .map(let table, _) = value {
                if case .map(var existingTable, _) = existing {
                    coalesceTables(&existingTable, table, prefix: fullKey, merge: merge, warnings: &warnings)
                    dst[key] = .map(existingTable)
                } else {
                    warnings.append(
                        "warning: cannot overwrite table with non table for \(fullKey) (\(GoFormatter.format(value)))")
                }
            } else if case .map = existing {
                if case .null = value {
                } else {
                    warnings.append(
                        "warning: destination for \(fullKey) is a table. Ignoring non-table value (\(GoFormatter.format(value)))"
                    )
                }
            }
        }
    }

    static func cleanNilValues(_ map: inout [String: Value]) {
        for (key, value) in map {
            switch value {
            case .null: map.removeValue(forKey: key)
            case .map(var inner, let kind):
                cleanNilValues(&inner)
                map[key] = .map(inner, kind)
            default: continue
            }
        }
    }
}
