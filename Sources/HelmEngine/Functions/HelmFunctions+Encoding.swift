import GoTemplate

extension HelmFunctions {
    /// `toYaml`, `toJson`, `fromYaml`, `toToml` and their variants, with Helm's error handling:
    /// the plain forms swallow errors (returning "" or the error text), the `must` forms fail,
    /// and the `from` forms put the error text in the result.
    static func encodingFunctions() -> [String: TemplateFunction] {
        var functions: [String: TemplateFunction] = [:]

        functions["toYaml"] = TemplateFunction([.any]) { arguments, _ in
            .string(((try? GoYAML.encode(arguments.first ?? .null)) ?? "").trimmingOneNewline())
        }
        functions["mustToYaml"] = TemplateFunction([.any]) { arguments, _ in
            .string(try mustSucceed { try GoYAML.encode(arguments.first ?? .null) }.trimmingOneNewline())
        }
        functions["toYamlPretty"] = TemplateFunction([.any]) { arguments, _ in
            .string(((try? GoYAML.encodePretty(arguments.first ?? .null)) ?? "").trimmingOneNewline())
        }
        functions["fromYaml"] = TemplateFunction([.string]) { arguments, _ in
            do {
                return .map(try GoYAML.decodeObject(stringArgument(arguments, 0)), .interface)
            } catch {
                return .map(["Error": .string(message(of: error))], .interface)
            }
        }
        functions["fromYamlArray"] = TemplateFunction([.string]) { arguments, _ in
            do {
                return .list(try GoYAML.decodeArray(stringArgument(arguments, 0)), .interface)
            } catch {
                return .list([.string(message(of: error))], .interface)
            }
        }

        functions["toJson"] = TemplateFunction([.any]) { arguments, _ in
            .string((try? GoJSON.encode(arguments.first ?? .null)) ?? "")
        }
        functions["mustToJson"] = TemplateFunction([.any]) { arguments, _ in
            .string(try mustSucceed { try GoJSON.encode(arguments.first ?? .null) })
        }
        // Sprig's pretty and raw forms: MarshalIndent with two spaces, and an Encoder without
        // HTML escaping (whose trailing newline Sprig trims).
        functions["toPrettyJson"] = TemplateFunction([.any]) { arguments, _ in
            .string((try? GoJSON.encode(arguments.first ?? .null, style: .init(indent: "  "))) ?? "")
        }
        functions["mustToPrettyJson"] = TemplateFunction([.any]) { arguments, _ in
            .string(try mustSucceed { try GoJSON.encode(arguments.first ?? .null, style: .init(indent: "  ")) })
        }
        functions["toRawJson"] = TemplateFunction([.any]) { arguments, _ in
            .string((try? GoJSON.encode(arguments.first ?? .null, style: .init(escapeHTML: false))) ?? "")
        }
        functions["mustToRawJson"] = TemplateFunction([.any]) { arguments, _ in
            .string(try mustSucceed { try GoJSON.encode(arguments.first ?? .null, style: .init(escapeHTML: false)) })
        }
        functions["fromJson"] = TemplateFunction([.string]) { arguments, _ in
            let (map, error) = GoJSON.decodeObject(stringArgument(arguments, 0))
            // `null` leaves Go's map nil; nil is the closest value (it prints as JSON null).
            guard var result = map else {
                return error.map { .map(["Error": .string($0)], .interface) } ?? .null
            }
            if let error { result["Error"] = .string(error) }
            return .map(result, .interface)
        }
        functions["fromJsonArray"] = TemplateFunction([.string]) { arguments, _ in
            let (items, error) = GoJSON.decodeArray(stringArgument(arguments, 0))
            if let error { return .list([.string(error)], .interface) }
            // JSON `null` leaves Helm's `[]interface{}` nil: it prints `[]` and encodes as `null`.
            guard let items else { return .nilList(.interface) }
            return .list(items, .interface)
        }
        // Sprig's mustFromJson decodes into interface{} and fails on bad input.
        functions["mustFromJson"] = TemplateFunction([.string]) { arguments, _ in
            try mustSucceed { try GoJSON.decode(stringArgument(arguments, 0)) }
        }

        functions["toToml"] = TemplateFunction([.any]) { arguments, _ in
            // BurntSushi's encoder panics on a nil root (text/template reports the panic as the
            // call's error); every other failure comes back as toToml's result text.
            if case .null = arguments.first ?? .null {
                throw TemplateFunctionError("reflect: call of reflect.Value.Type on zero Value")
            }
            do {
                return .string(try GoTOML.encode(arguments.first ?? .null))
            } catch {
                return .string(message(of: error))
            }
        }
        functions["mustToToml"] = TemplateFunction([.any]) { arguments, _ in
            .string(try mustSucceed { try GoTOML.encode(arguments.first ?? .null) })
        }
        return functions
    }

    /// Runs `body`, turning an encoding failure into the function error Go reports.
    static func mustSucceed<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw TemplateFunctionError(message(of: error))
        }
    }

    static func message(of error: any Error) -> String {
        if let error = error as? EncodingError { return error.message }
        return String(describing: error)
    }
}

extension String {
    /// Helm trims one trailing newline from `toYaml` output (`strings.TrimSuffix(s, "\n")`).
    func trimmingOneNewline() -> String {
        utf8.last == UInt8(ascii: "\n") ? String(decoding: utf8.dropLast(), as: UTF8.self) : self
    }
}
