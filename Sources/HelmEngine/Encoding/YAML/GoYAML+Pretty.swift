public import GoTemplate

extension GoYAML {
    /// Encodes `value` as Helm's `toYamlPretty` does: go-yaml v3's encoder with an indent of 2,
    /// straight from the Go value (no JSON step).
    ///
    /// Unlike ``encode(_:)``: sequences inside maps are indented, lines are never folded, and
    /// floats keep Go's `%g` form (`1e+06`; NaN and infinities print as `.nan`, `.inf`).
    /// - Returns: the YAML text, ending with a line break (Helm trims it).
    public static func encodePretty(_ value: Value) throws -> String {
        try DeepStack.withEscalation { depthLimit in
            let node = try YAMLPrettyBuilder.node(for: value, depth: 0, limit: depthLimit)
            var emitter = YAMLEmitter(
                bestIndent: 2, bestWidth: Int.max, indentlessSequences: false, tabsAllowInBlock: true)
            emitter.emitDocument(node)
            return String(emitter.output)
        }
    }
}

/// Builds the emitter's tree as go-yaml v3 sees a Go value.
enum YAMLPrettyBuilder {
    static func node(for value: Value, depth: Int, limit: Int) throws(EncodingError) -> YAMLOutNode {
        guard depth <= JSONWriter.maxDepth else {
            throw EncodingError(code: .marshal, message: "yaml: nesting deeper than 10000")
        }
        guard depth <= limit else { throw .deepStack }
        switch value {
        case .null: return .scalar("null", .plain)
        case .bool(let bool): return .scalar(bool ? "true" : "false", .plain)
        case .int(let int, let kind):
            return .scalar(kind.isUnsigned ? String(UInt(bitPattern: int)) : String(int), .plain)
        case .float(let double):
            if double.isNaN { return .scalar(".nan", .plain) }
            if double.isInfinite { return .scalar(double < 0 ? "-.inf" : ".inf", .plain) }
            return .scalar(GoFloat.format(double, .g), .plain)
        case .string(let string): return YAMLOutBuilder.string(string)
        case .list(let items, let kind):
            if kind == .uint8 { return YAMLOutBuilder.string(JSONWriter.base64(items)) }
            var nodes: [YAMLOutNode] = []
            nodes.reserveCapacity(items.count)
            for item in items { nodes.append(try node(for: item, depth: depth + 1, limit: limit)) }
            return .sequence(nodes)
        case .map(let map, _):
            var pairs: [(key: YAMLOutNode, value: YAMLOutNode)] = []
            pairs.reserveCapacity(map.count)
            for key in map.keys.sorted(by: YAMLKeyOrder.less) {
                pairs.append(
                    (YAMLOutBuilder.string(key), try node(for: map[key] ?? .null, depth: depth + 1, limit: limit)))
            }
            return .mapping(pairs)
        case .object(let object):
            guard let json = object.jsonValue else { return .mapping([]) }
            return try node(for: json, depth: depth, limit: limit)
        }
    }
}
