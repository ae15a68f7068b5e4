/// One node of a composed YAML document, kept in an arena (``YAMLDocument/nodes``) so that
/// aliases are indices and a document with many aliases stays small until it is decoded.
struct YAMLNode {
    enum Kind: UInt8 { case scalar, sequence, mapping, alias }

    var kind: Kind
    /// Scalar text, or the anchor name an alias refers to.
    var value: String = ""
    /// The node's tag in short form (`!!int`, `!foo`), or "" when it has none.
    var tag: String = ""
    /// Whether a scalar's type comes from its text (libyaml's `plain_implicit`: plain and untagged).
    var plain: Bool = false
    /// Whether a collection uses flow style (`[a]`, `{a: 1}`).
    var flow: Bool = false
    /// Children: sequence items, or mapping keys and values alternating.
    var children: [Int] = []
    /// For an alias, the index of the anchored node; -1 when unresolved.
    var target: Int = -1
    /// Zero-based line where the node starts.
    var line: Int = 0
}

/// A composed YAML document: an arena of nodes and the index of its root.
struct YAMLDocument {
    var nodes: [YAMLNode] = []
    var root: Int = -1
}
