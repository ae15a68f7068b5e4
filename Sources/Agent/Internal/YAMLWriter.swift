import KubeAPI
import Yams

/// Writes JSON values as block YAML through Yams, keys sorted, so dry-run output is stable and readable.
enum YAMLWriter {
    static func write(_ value: JSONValue) -> String {
        let text = (try? Yams.serialize(node: node(value), sortKeys: true)) ?? value.serializedString()
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    private static func node(_ value: JSONValue) -> Node {
        if value.isNull { return Node("null", Tag(.null)) }
        if let bool = value.boolValue { return Node(bool ? "true" : "false", Tag(.bool)) }
        if let string = value.stringValue {
            // A string that would read back as another type ("3", "true", "null") must be quoted.
            let plain = Node(string)
            return plain.tag.rawValue == Tag.Name.str.rawValue
                ? Node(string, Tag(.str)) : Node(string, Tag(.str), .singleQuoted)
        }
        if let object = value.objectValue {
            return Node(object.sorted { $0.key < $1.key }.map { (Node($0.key, Tag(.str)), node($0.value)) })
        }
        if let array = value.arrayValue { return Node(array.map(node)) }
        // A number: its JSON text is also its YAML text.
        let text = value.serializedString()
        return Node(text, Tag(text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? .float : .int))
    }
}
