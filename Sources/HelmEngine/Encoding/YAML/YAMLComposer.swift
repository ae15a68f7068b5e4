import CYaml

/// Composes YAML documents from libyaml's event stream, as go-yaml v2's parser does.
///
/// go-yaml v2 is a Go translation of libyaml, so libyaml (bundled with Yams) gives the same
/// events, marks and problem texts. On top of libyaml this type reproduces what go-yaml adds:
/// its error lines (`yaml: line N: ...`), its nesting cap (`exceeded max depth of 10000`) and
/// its alias resolution (`unknown anchor 'x' referenced`). Duplicate keys are kept; the decoder
/// lets the last one win, as go-yaml's non-strict mode does.
final class YAMLComposer {
    /// go-yaml's cap on flow and block nesting (`max_flow_level`, `max_indents`).
    static let maxDepth = 10_000

    private var parser = yaml_parser_t()
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private var finished = false

    init(_ text: String) {
        let utf8 = Array(text.utf8)
        bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(utf8.count, 1))
        _ = bytes.initialize(from: utf8)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, utf8.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        bytes.deallocate()
    }

    /// The next document, or `nil` at the end of the stream.
    /// - Throws: the go-yaml error text (without the `yaml: ` prefix's caller wrapping).
    func nextDocument() throws(YAMLSyntaxError) -> YAMLDocument? {
        if finished { return nil }
        var document = YAMLDocument()
        var anchors: [String: Int] = [:]
        // Open collections, innermost last.
        var stack: [Int] = []
        var flowDepth = 0
        var blockDepth = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw parserError()
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line)
            var newNode: Int? = nil
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                finished = true
                return nil
            case YAML_DOCUMENT_END_EVENT:
                return document
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor)
                guard let target = anchors[name] else {
                    throw YAMLSyntaxError("unknown anchor '\(name)' referenced")
                }
                document.nodes.append(YAMLNode(kind: .alias, value: name, target: target, line: line))
                newNode = document.nodes.count - 1
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = String(
                    decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                var node = YAMLNode(kind: .scalar, value: value, line: line)
                node.tag = Self.shortTag(scalar.tag)
                node.plain = scalar.plain_implicit != 0
                document.nodes.append(node)
                newNode = document.nodes.count - 1
                if let anchor = scalar.anchor { anchors[Self.string(anchor)] = newNode }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let isFlow =
                    isSequence
                    ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                    : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                if isFlow { flowDepth += 1 } else { blockDepth += 1 }
                if flowDepth > Self.maxDepth || blockDepth > Self.maxDepth {
                    throw YAMLSyntaxError("exceeded max depth of \(Self.maxDepth)")
                }
                var node = YAMLNode(kind: isSequence ? .sequence : .mapping, line: line)
                node.tag = Self.shortTag(isSequence ? event.data.sequence_start.tag : event.data.mapping_start.tag)
                node.flow = isFlow
                document.nodes.append(node)
                let index = document.nodes.count - 1
                // go-yaml registers the anchor before the children, so `&x [*x]` refers to itself.
                let anchor = isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                if let anchor { anchors[Self.string(anchor)] = index }
                attach(index, to: stack.last, in: &document)
                stack.append(index)
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let open = stack.popLast() {
                    if document.nodes[open].flow { flowDepth -= 1 } else { blockDepth -= 1 }
                    if stack.isEmpty { document.root = open }
                }
                continue
            default:
                continue
            }
            if let newNode {
                attach(newNode, to: stack.last, in: &document)
                if stack.isEmpty { document.root = newNode }
            }
        }
    }

    private func attach(_ node: Int, to parent: Int?, in document: inout YAMLDocument) {
        guard let parent else { return }
        document.nodes[parent].children.append(node)
    }

    /// Builds go-yaml's message: scanner errors count lines from 1, parser errors from 0 (a
    /// go-yaml quirk kept for fidelity), and a problem on the first line names no line at all.
    private func parserError() -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem parsing YAML content"
        // libyaml (as bundled with Yams) caps nesting near 1,000 levels where go-yaml allows
        // 10,000; the limit is a process-wide setting shared with every Yams user, so it stays,
        // and the error reads like go-yaml's own depth error.
        if problem.hasPrefix("Maximum nesting level reached") {
            return YAMLSyntaxError("exceeded max depth of 1000")
        }
        var line = 0
        if parser.problem_mark.line != 0 {
            line = Int(parser.problem_mark.line)
            if parser.error == YAML_SCANNER_ERROR { line += 1 }
        } else if parser.context_mark.line != 0 {
            line = Int(parser.context_mark.line)
        }
        return YAMLSyntaxError(line != 0 ? "line \(line): \(problem)" : problem)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// libyaml expands `!!int` to `tag:yaml.org,2002:int`; go-yaml compares short forms.
    private static func shortTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        let tag = string(pointer)
        let prefix = "tag:yaml.org,2002:"
        if tag.hasPrefix(prefix) { return "!!" + tag.dropFirst(prefix.count) }
        return tag
    }
}

/// A go-yaml error text such as `line 3: mapping values are not allowed in this context`.
struct YAMLSyntaxError: Error {
    var text: String
    /// Set instead of a text when the decoder reached its depth limit (see ``DeepStack``).
    var needsDeepStack = false
    init(_ text: String) { self.text = text }

    static let deepStack: YAMLSyntaxError = {
        var error = YAMLSyntaxError("")
        error.needsDeepStack = true
        return error
    }()
}
