import GoTemplate

extension ManifestHead {
    /// Reads the head fields of one document the way Helm does (`yaml.Unmarshal` into `SimpleHead`): the
    /// document must be a YAML map or empty, and `apiVersion`, `kind`, `metadata.name` and the annotations
    /// must be strings where present.
    /// - Throws: ``RenderError`` `YAML parse error on PATH: ...` otherwise.
    init(document: String, sourcePath: String) throws {
        // A Go string with bytes that are not UTF-8 (`b64dec` of binary, `substr` inside a character) reaches go-yaml's
        // reader as those bytes, and the reader refuses them before it parses anything.
        if let problem = GoBytes.yamlReaderError(document) {
            throw RenderError.yamlParse(path: sourcePath, message: "error converting YAML to JSON: yaml: " + problem)
        }
        let value: Value
        do {
            value = try GoYAML.decode(document, file: sourcePath)
        } catch let error as EncodingError {
            // Go's text only: the message already names the template (`YAML parse error on PATH: …`).
            throw RenderError.yamlParse(path: sourcePath, message: error.message)
        } catch {
            throw RenderError.yamlParse(path: sourcePath, message: "\(error)")
        }
        self.init()
        switch value {
        case .null:
            return
        case .map(let fields, _):
            apiVersion = try Self.string(fields["apiVersion"], field: "apiVersion", path: sourcePath)
            kind = try Self.string(fields["kind"], field: "kind", path: sourcePath)
            switch fields["metadata"] {
            case nil, .null?:
                break
            case .map(let metadata, _)?:
                name = try Self.string(metadata["name"], field: "metadata.name", path: sourcePath)
                switch metadata["annotations"] {
                case nil, .null?:
                    break
                case .map(let annotations, _)?:
                    for (key, entry) in annotations {
                        switch entry {
                        case .string(let text): self.annotations[key] = text
                        case .null: self.annotations[key] = ""
                        default:
                            throw RenderError.yamlParse(
                                path: sourcePath,
                                message:
                                    "metadata.annotations.\(key): expected a string, got \(entry.conversionTypeName)"
                            )
                        }
                    }
                case let other?:
                    throw RenderError.yamlParse(
                        path: sourcePath,
                        message: "metadata.annotations: expected a map, got \(other.conversionTypeName)")
                }
            case let other?:
                throw RenderError.yamlParse(
                    path: sourcePath, message: "metadata: expected a map, got \(other.conversionTypeName)")
            }
        default:
            throw RenderError.yamlParse(
                path: sourcePath, message: "a Kubernetes object must be a YAML map, got \(value.conversionTypeName)")
        }
    }

    private static func string(_ value: Value?, field: String, path: String) throws -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let text)?: return text
        case let other?:
            throw RenderError.yamlParse(
                path: path, message: "\(field): expected a string, got \(other.conversionTypeName)")
        }
    }
}
