import Foundation

/// Turns a composed document into go-yaml v2's `interface{}` form: resolves scalars, applies
/// merge keys (`<<`) in go-yaml's order, expands aliases and refuses documents whose aliases
/// expand out of proportion (go-yaml's `document contains excessive aliasing` rule).
struct YAMLDecoder {
    private let document: YAMLDocument
    private let depthLimit: Int
    private var decodeCount = 0
    private var aliasCount = 0
    private var aliasDepth = 0
    private var activeAliases: Set<Int> = []
    /// Set when nesting passes encoding/json's limit; reported after YAML errors, as Go does.
    private(set) var jsonDepthError: String?

    /// encoding/json's nesting limit (`maxNestingDepth`).
    static let maxJSONDepth = 10_000

    init(_ document: YAMLDocument, depthLimit: Int = Int.max) {
        self.document = document
        self.depthLimit = depthLimit
    }

    mutating func decodeRoot() throws(YAMLSyntaxError) -> YAMLNative {
        decodeCount = 1  // go-yaml counts the document node too
        guard document.root >= 0 else { return .scalar(.null) }
        return try decode(document.root, depth: 0)
    }

    private mutating func decode(_ index: Int, depth: Int) throws(YAMLSyntaxError) -> YAMLNative {
        decodeCount += 1
        if aliasDepth > 0 { aliasCount += 1 }
        if aliasCount > 100 && decodeCount > 1000
            && Double(aliasCount) / Double(decodeCount) > Self.allowedAliasRatio(decodeCount)
        {
            throw YAMLSyntaxError("document contains excessive aliasing")
        }
        let node = document.nodes[index]
        switch node.kind {
        case .scalar:
            return .scalar(try scalar(node))
        case .alias:
            if activeAliases.contains(index) {
                throw YAMLSyntaxError("anchor '\(node.value)' value contains itself")
            }
            activeAliases.insert(index)
            aliasDepth += 1
            defer {
                aliasDepth -= 1
                activeAliases.remove(index)
            }
            return try decode(node.target, depth: depth)
        case .sequence:
            guard depth < depthLimit else { throw .deepStack }
            guard depth < Self.maxJSONDepth else {
                if jsonDepthError == nil { jsonDepthError = "invalid character '[' exceeded max depth" }
                return .sequence([])
            }
            var items: [YAMLNative] = []
            items.reserveCapacity(node.children.count)
            for child in node.children { items.append(try decode(child, depth: depth + 1)) }
            return .sequence(items)
        case .mapping:
            guard depth < depthLimit else { throw .deepStack }
            guard depth < Self.maxJSONDepth else {
                if jsonDepthError == nil { jsonDepthError = "invalid character '{' exceeded max depth" }
                return .mapping([])
            }
            var pairs: [(key: YAMLNative, value: YAMLNative)] = []
            pairs.reserveCapacity(node.children.count / 2)
            try mapping(node, depth: depth, into: &pairs)
            return .mapping(pairs)
        }
    }

    private mutating func mapping(
        _ node: YAMLNode, depth: Int, into pairs: inout [(key: YAMLNative, value: YAMLNative)]
    ) throws(YAMLSyntaxError) {
        var i = 0
        while i + 1 < node.children.count {
            let keyIndex = node.children[i]
            let valueIndex = node.children[i + 1]
            i += 2
            if isMerge(document.nodes[keyIndex]) {
                try merge(valueIndex, depth: depth, into: &pairs)
                continue
            }
            let key = try decode(keyIndex, depth: depth + 1)
            switch key {
            case .sequence, .mapping: throw YAMLSyntaxError("invalid map key: \(key.goSyntax)")
            case .scalar: break
            }
            let value = try decode(valueIndex, depth: depth + 1)
            pairs.append((key, value))
        }
    }

    /// go-yaml merges in document order, so a later `<<` overrides earlier explicit keys, and
    /// within a sequence of maps the earlier maps win (they are applied last).
    private mutating func merge(
        _ index: Int, depth: Int, into pairs: inout [(key: YAMLNative, value: YAMLNative)]
    ) throws(YAMLSyntaxError) {
        let failure = YAMLSyntaxError("map merge requires map or sequence of maps as the value")
        let node = document.nodes[index]
        switch node.kind {
        case .mapping:
            try mergeMapping(index, depth: depth, into: &pairs)
        case .alias:
            guard document.nodes[node.target].kind == .mapping else { throw failure }
            try mergeMapping(index, depth: depth, into: &pairs)
        case .sequence:
            for child in node.children.reversed() {
                let item = document.nodes[child]
                let isMap =
                    item.kind == .mapping || (item.kind == .alias && document.nodes[item.target].kind == .mapping)
                guard isMap else { throw failure }
                try mergeMapping(child, depth: depth, into: &pairs)
            }
        case .scalar:
            throw failure
        }
    }

    private mutating func mergeMapping(
        _ index: Int, depth: Int, into pairs: inout [(key: YAMLNative, value: YAMLNative)]
    ) throws(YAMLSyntaxError) {
        if case .mapping(let merged) = try decode(index, depth: depth) {
            pairs.append(contentsOf: merged)
        }
    }

    private func isMerge(_ node: YAMLNode) -> Bool {
        node.kind == .scalar && node.value == "<<" && (node.plain || node.tag == "!!merge")
    }

    private func scalar(_ node: YAMLNode) throws(YAMLSyntaxError) -> YAMLScalar {
        if node.tag.isEmpty && !node.plain { return .string(node.value) }
        let (tag, value) = try YAMLResolver.resolve(tag: node.tag, node.value)
        switch tag {
        case .binary:
            let compact = node.value.filter { $0 != "\n" && $0 != "\r" }
            guard let data = Data(base64Encoded: compact) else {
                throw YAMLSyntaxError("!!binary value contains invalid base64 data")
            }
            return .string(String(decoding: data, as: UTF8.self))
        case .timestamp:
            // go-yaml keeps timestamps as strings when decoding into interface{}.
            return .string(node.value)
        default:
            return value
        }
    }

    /// go-yaml's `allowedAliasRatio`: 99% of decoded nodes may come from aliases in small
    /// documents, falling linearly to 10% between 400,000 and 4,000,000 decoded nodes.
    private static func allowedAliasRatio(_ count: Int) -> Double {
        let low = 400_000.0
        let high = 4_000_000.0
        let count = Double(count)
        if count <= low { return 0.99 }
        if count >= high { return 0.10 }
        return 0.99 - 0.89 * ((count - low) / (high - low))
    }
}
