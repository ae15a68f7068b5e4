public import GoTemplate

/// Reads YAML exactly as Helm does through sigs.k8s.io/yaml: go-yaml v2 decodes the YAML, the
/// result goes through encoding/json, and comes back as Go's `interface{}` values.
///
/// So maps are `map[string]interface {}` (keys such as `yes:` become `"true"`, `1:` becomes
/// `"1"`), every number is a `float64`, `yes`/`on`/`y` are booleans (YAML 1.1), `~`, `null` and
/// empty values are nil, `<<` merges maps, and timestamps stay strings.
///
/// ```swift
/// let values = try GoYAML.decodeObject("replicas: 3\nenabled: yes\n", file: "values.yaml")
/// // ["replicas": .float(3), "enabled": .bool(true)]
/// ```
public enum GoYAML {
    /// Decodes the first document of `text` into a Go value (`.null` for an empty document).
    ///
    /// This is sigs.k8s.io/yaml's `Unmarshal` into an `interface{}`.
    /// - Parameters:
    ///   - text: the YAML text; only the first document is read, as go-yaml does.
    ///   - file: the file name, recorded in the error.
    /// - Returns: the value, with Helm's types (numbers are `.float`, maps `.map(_, .interface)`).
    /// - Throws: ``EncodingError`` with Go's message, such as
    ///   `error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context`.
    public static func decode(_ text: String, file: String? = nil) throws -> Value {
        let composer = YAMLComposer(text)
        let document: YAMLDocument
        do {
            document = try composer.nextDocument() ?? YAMLDocument()
        } catch {
            throw EncodingError.yamlToJSON("yaml: " + error.text, file: file)
        }
        return try convert(document, file: file)
    }

    /// Decodes every document of a multi-document stream, each as ``decode(_:file:)`` does.
    /// - Throws: ``EncodingError`` for the first document that fails.
    public static func decodeDocuments(_ text: String, file: String? = nil) throws -> [Value] {
        let composer = YAMLComposer(text)
        var values: [Value] = []
        while true {
            let document: YAMLDocument?
            do {
                document = try composer.nextDocument()
            } catch {
                throw EncodingError.yamlToJSON("yaml: " + error.text, file: file)
            }
            guard let document else { return values }
            values.append(try convert(document, file: file))
        }
    }

    /// Decodes `text` into a `map[string]interface{}`, as Helm reads values files and `fromYaml`
    /// reads its argument.
    ///
    /// An empty or null document gives an empty map (encoding/json leaves the target untouched).
    /// - Throws: ``EncodingError``; a document that is not a map fails with
    ///   `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value
    ///   of type map[string]interface {}`.
    public static func decodeObject(_ text: String, file: String? = nil) throws -> [String: Value] {
        switch try decode(text, file: file) {
        case .null: return [:]
        case .map(let map, _): return map
        case let other:
            throw EncodingError.jsonUnmarshal(
                "json: cannot unmarshal \(jsonKind(other)) into Go value of type map[string]interface {}", file: file)
        }
    }

    /// Decodes `text` into a `[]interface{}`, as Helm's `fromYamlArray` does.
    /// - Throws: ``EncodingError``; a document that is not a list fails like ``decodeObject(_:file:)``.
    public static func decodeArray(_ text: String, file: String? = nil) throws -> [Value] {
        switch try decode(text, file: file) {
        case .null: return []
        case .list(let items, _): return items
        case let other:
            throw EncodingError.jsonUnmarshal(
                "json: cannot unmarshal \(jsonKind(other)) into Go value of type []interface {}", file: file)
        }
    }

    /// encoding/json's word for a JSON value's kind in `cannot unmarshal KIND into ...`.
    static func jsonKind(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .int, .float: "number"
        case .string: "string"
        case .list: "array"
        case .map, .object: "object"
        }
    }

    private static func convert(_ document: YAMLDocument, file: String?) throws -> Value {
        try DeepStack.withEscalation { depthLimit in try convert(document, file: file, depthLimit: depthLimit) }
    }

    private static func convert(
        _ document: YAMLDocument, file: String?, depthLimit: Int
    ) throws(EncodingError) -> Value {
        var decoder = YAMLDecoder(document, depthLimit: depthLimit)
        let native: YAMLNative
        do {
            native = try decoder.decodeRoot()
        } catch {
            if error.needsDeepStack { throw .deepStack }
            throw EncodingError.yamlToJSON("yaml: " + error.text, file: file)
        }
        var converter = YAMLToJSON(depthLimit: depthLimit)
        let value: Value
        do {
            value = try converter.convert(native)
        } catch {
            if error.needsDeepStack { throw .deepStack }
            throw EncodingError.yamlToJSON(error.text, file: file)
        }
        if let unsupported = converter.unsupportedValue {
            throw EncodingError.yamlToJSON("json: unsupported value: " + unsupported, file: file)
        }
        if let depth = decoder.jsonDepthError {
            throw EncodingError.jsonUnmarshal(depth, file: file)
        }
        return value
    }
}
