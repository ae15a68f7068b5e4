import GoTemplate

extension ChartMetadata {
    /// Builds metadata from decoded `Chart.yaml` (or `requirements.yaml`) content, as Helm's
    /// `yaml.Unmarshal` into `chart.Metadata` does: unknown keys are ignored, numbers and
    /// booleans become strings where a string is expected, other mismatches are errors.
    ///
    /// - Parameters:
    ///   - value: the decoded document.
    ///   - merging: fields already set (requirements.yaml is unmarshalled over Chart.yaml).
    /// - Throws: ``GoStructDecoder/Mismatch`` naming the field.
    static func decode(_ value: Value, over existing: ChartMetadata = ChartMetadata()) throws -> ChartMetadata {
        var metadata = existing
        let decoder = GoStructDecoder(structName: "Metadata")
        guard let map = try decoder.object(value, field: nil) else { return metadata }
        for (key, field) in map {
            switch key {
            case "name": metadata.name = try decoder.string(field, key)
            case "home": metadata.home = try decoder.string(field, key)
            case "sources": metadata.sources = try decoder.strings(field, key)
            case "version": metadata.version = try decoder.string(field, key)
            case "description": metadata.description = try decoder.string(field, key)
            case "keywords": metadata.keywords = try decoder.strings(field, key)
            case "maintainers":
                (metadata.maintainers, metadata.nullMaintainer) = try decoder.maintainers(field)
            case "icon": metadata.icon = try decoder.string(field, key)
            case "apiVersion": metadata.apiVersion = try decoder.string(field, key)
            case "condition": metadata.condition = try decoder.string(field, key)
            case "tags": metadata.tags = try decoder.string(field, key)
            case "appVersion": metadata.appVersion = try decoder.string(field, key)
            case "deprecated": metadata.deprecated = try decoder.bool(field, key)
            case "annotations":
                if let annotations = try decoder.stringMap(field, key) {
                    metadata.annotations = annotations
                    metadata.hasAnnotations = true
                } else {
                    metadata.annotations = [:]
                    metadata.hasAnnotations = false
                }
            case "kubeVersion": metadata.kubeVersion = try decoder.string(field, key)
            case "dependencies":
                (metadata.dependencies, metadata.nullDependency) = try decoder.dependencies(field)
            case "type": metadata.type = try decoder.string(field, key)
            default: continue
            }
        }
        return metadata
    }
}

extension ChartLock {
    /// Builds a lock from decoded `Chart.lock`/`requirements.lock` content.
    static func decode(_ value: Value) throws -> ChartLock {
        var lock = ChartLock()
        let decoder = GoStructDecoder(structName: "Lock")
        guard let map = try decoder.object(value, field: nil) else { return lock }
        if let generated = map["generated"] {
            // Kept as a time, the form a release record stores; text that is not RFC 3339 reads as zero.
            lock.generated = GoTime(rfc3339: try decoder.string(generated, "generated")) ?? .zero
        }
        if let digest = map["digest"] { lock.digest = try decoder.string(digest, "digest") }
        if let dependencies = map["dependencies"] { lock.dependencies = try decoder.dependencies(dependencies).0 }
        return lock
    }
}

/// Converts decoded YAML into Go struct fields with `encoding/json`'s rules after
/// sigs.k8s.io/yaml's conversion, and its error text.
struct GoStructDecoder {
    struct Mismatch: Error {
        var message: String
    }

    var structName: String

    func object(_ value: Value, field: String?) throws -> [String: Value]? {
        switch value {
        case .null: return nil
        case .map(let map, _): return map
        default: throw mismatch(value, field: field, goType: field == nil ? structName : "map")
        }
    }

    func string(_ value: Value, _ field: String) throws -> String {
        switch value {
        case .null: return ""
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number, _): return String(number)
        case .float(let number):
            if number == number.rounded(), abs(number) < 1e21 { return String(Int64(number)) }
            return GoFloatFormat.shortestG(number)
        default: throw mismatch(value, field: field, goType: "string")
        }
    }

    func bool(_ value: Value, _ field: String) throws -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        default: throw mismatch(value, field: field, goType: "bool")
        }
    }

    func strings(_ value: Value, _ field: String) throws -> [String] {
        switch value {
        case .null: return []
        case .list(let items, _): return try items.map { try string($0, field) }
        default: throw mismatch(value, field: field, goType: "[]string")
        }
    }

    func stringMap(_ value: Value, _ field: String) throws -> [String: String]? {
        switch value {
        case .null: return nil
        case .map(let map, _): return try map.mapValues { try string($0, field) }
        default: throw mismatch(value, field: field, goType: "map[string]string")
        }
    }

    /// The maintainers, and whether a null entry was dropped.
    func maintainers(_ value: Value) throws -> ([ChartMaintainer], Bool) {
        guard case .list(let items, _) = value else {
            if case .null = value { return ([], false) }
            throw mismatch(value, field: "maintainers", goType: "[]*chart.Maintainer")
        }
        let inner = GoStructDecoder(structName: "Maintainer")
        var sawNull = false
        let maintainers = try items.compactMap { item -> ChartMaintainer? in
            guard let map = try inner.object(item, field: "maintainers") else {
                sawNull = true
                return nil
            }
            var maintainer = ChartMaintainer()
            if let name = map["name"] { maintainer.name = try inner.string(name, "name") }
            if let email = map["email"] { maintainer.email = try inner.string(email, "email") }
            if let url = map["url"] { maintainer.url = try inner.string(url, "url") }
            return maintainer
        }
        return (maintainers, sawNull)
    }

    /// The dependencies, and whether a null entry was dropped.
    func dependencies(_ value: Value) throws -> ([ChartDependency], Bool) {
        guard case .list(let items, _) = value else {
            if case .null = value { return ([], false) }
            throw mismatch(value, field: "dependencies", goType: "[]*chart.Dependency")
        }
        let inner = GoStructDecoder(structName: "Dependency")
        var sawNull = false
        let dependencies = try items.compactMap { item -> ChartDependency? in
            guard let map = try inner.object(item, field: "dependencies") else {
                sawNull = true
                return nil
            }
            var dependency = ChartDependency()
            for (key, field) in map {
                switch key {
                case "name": dependency.name = try inner.string(field, key)
                case "version": dependency.version = try inner.string(field, key)
                case "repository": dependency.repository = try inner.string(field, key)
                case "condition": dependency.condition = try inner.string(field, key)
                case "tags": dependency.tags = try inner.strings(field, key)
                case "enabled": dependency.enabled = try inner.bool(field, key)
                case "alias": dependency.alias = try inner.string(field, key)
                case "import-values":
                    guard case .list(let entries, _) = field else {
                        if case .null = field { continue }
                        throw inner.mismatch(field, field: key, goType: "[]interface {}")
                    }
                    dependency.importValues = entries.map(ChartDependency.ImportValue.init(value:))
                default: continue
                }
            }
            return dependency
        }
        return (dependencies, sawNull)
    }

    func mismatch(_ value: Value, field: String?, goType: String) -> Mismatch {
        let kind: String
        switch value {
        case .map: kind = "object"
        case .list: kind = "array"
        case .string: kind = "string"
        case .bool: kind = "bool"
        case .int, .float: kind = "number"
        default: kind = "value"
        }
        if let field {
            return Mismatch(
                message: "json: cannot unmarshal \(kind) into Go struct field \(structName).\(field) of type \(goType)")
        }
        return Mismatch(message: "json: cannot unmarshal \(kind) into Go value of type chart.\(goType)")
    }
}

extension ChartDependency.ImportValue {
    /// Reads an `import-values` entry the way Helm's `processImportValues` does: maps use
    /// `fmt.Sprintf("%v")` of their `child` and `parent` (so a missing key reads `<nil>`).
    init(value: Value) {
        switch value {
        case .string(let text):
            self = .exported(text)
        case .map(let map, _):
            func text(_ key: String) -> String {
                guard let value = map[key] else { return "<nil>" }
                switch value {
                case .string(let text): return text
                case .null: return "<nil>"
                case .bool(let flag): return flag ? "true" : "false"
                case .float(let number): return GoFloatFormat.shortestG(number)
                case .int(let number, _): return String(number)
                default: return "\(value)"
                }
            }
            self = .mapping(child: text("child"), parent: text("parent"))
        default:
            self = .ignored(json: nil)
        }
    }
}
