import GoTemplate
import Testing

@testable import HelmEngine

/// A template set for `include` and `tpl`: named templates are closures over the data.
final class StubTemplates: FunctionContext {
    var templates: [String: (Value, StubTemplates) throws -> String] = [:]
    var text: ((String, Value) throws -> String)?

    var open: [String: Int] = [:]

    func executeTemplate(named name: String, data: Value) throws -> String {
        guard let template = templates[name] else { throw TemplateFunctionError("no template \"\(name)\"") }
        open[name, default: 0] += 1
        defer { open[name, default: 1] -= 1 }
        return try template(data, self)
    }

    func openExecutions(of name: String) -> Int { open[name] ?? 0 }

    func executeText(_ text: String, data: Value) throws -> String {
        guard let render = self.text else { throw TemplateFunctionError("no text") }
        return try render(text, data)
    }
}

struct StubError: Error, CustomStringConvertible {
    var description: String
}

/// Behaviour checked against Helm 4.2 (see the helm-* corpus for the oracle's full outputs).
struct HelmFunctionsTests {
    let functions = HelmFunctions.functions()

    func call(_ name: String, _ arguments: [Value], context: any FunctionContext = StubTemplates()) throws -> Value {
        let function = try #require(functions[name])
        return try function.body(arguments, context)
    }

    @Test func testFunctions_layerOverSprig() {
        let sprig: [String: TemplateFunction] = [
            "env": TemplateFunction([.string]) { _, _ in .string("secret") },
            "upper": TemplateFunction([.string]) { _, _ in .string("UP") },
            "toJson": TemplateFunction([.any]) { _, _ in .string("sprig") },
        ]
        let functions = HelmFunctions.functions(sprig: sprig)
        #expect(functions["env"] == nil)
        #expect(functions["expandenv"] == nil)
        #expect(functions["upper"] != nil)
        for name in [
            "include", "tpl", "required", "fail", "lookup", "toYaml", "toYamlPretty", "mustToYaml",
            "fromYaml", "fromYamlArray", "toJson", "mustToJson", "fromJson", "fromJsonArray", "toToml", "mustToToml",
            "getHostByName",
        ] {
            #expect(functions[name] != nil, "\(name)")
        }
    }

    @Test func testRequired_failsOnNilAndEmptyString() throws {
        for value in [Value.null, .string("")] {
            #expect {
                _ = try call("required", [.string("need a"), value])
            } throws: { error in
                (error as? TemplateFunctionError)?.message == "HELM_ERR_STARTneed aHELM_ERR_END"
            }
        }
        for value in [Value.int(0), .bool(false), .list([]), .string("x")] {
            #expect(dump(try call("required", [.string("w"), value])) == dump(value))
        }
    }

    @Test func testFail_wrapsMessage() {
        #expect {
            _ = try call("fail", [.string("stop here")])
        } throws: { error in
            let message = (error as? TemplateFunctionError)?.message ?? ""
            return HelmErrorMarker.message(in: "error calling fail: " + message) == "stop here"
        }
    }

    @Test func testErrorMarker_isGreedyLikeHelm() {
        #expect(HelmErrorMarker.message(in: "x: HELM_ERR_STARTa HELM_ERR_END bHELM_ERR_END") == "a HELM_ERR_END b")
        #expect(HelmErrorMarker.message(in: "no markers") == nil)
    }

    @Test func testLookup_offlineReturnsEmptyMap() throws {
        #expect(dump(try call("lookup", [.string("v1"), .string("Secret"), .string("ns"), .string("x")])) == "{}")
    }

    struct Reader: ClusterReader {
        func lookup(apiVersion: String, kind: String, namespace: String, name: String) throws -> Value {
            if name == "boom" { throw StubError(description: "secrets \"boom\" is forbidden") }
            return .map(["kind": .string(kind), "name": .string("\(namespace)/\(name)")])
        }
    }

    @Test func testLookup_usesReader() throws {
        let functions = HelmFunctions.functions(clusterReader: Reader())
        let lookup = try #require(functions["lookup"])
        let found = try lookup.body([.string("v1"), .string("Secret"), .string("ns"), .string("x")], StubTemplates())
        #expect(dump(found) == "{kind:s\"Secret\",name:s\"ns/x\"}")
        #expect {
            _ = try lookup.body([.string("v1"), .string("Secret"), .string("ns"), .string("boom")], StubTemplates())
        } throws: { error in
            (error as? TemplateFunctionError)?.message == "secrets \"boom\" is forbidden"
        }
    }

    @Test func testInclude_runsNamedTemplate() throws {
        let context = StubTemplates()
        context.templates["t"] = { data, _ in "[\(dump(data))]" }
        #expect(dump(try call("include", [.string("t"), .string("x")], context: context)) == "s\"[s\"x\"]\"")
    }

    @Test(.timeLimit(.minutes(1)))
    func testInclude_recursionLimitMatchesHelm() throws {
        // Helm lets a name nest 1001 times and fails on the 1002nd.
        let context = StubTemplates()
        let functions = self.functions
        var limit = 0
        context.templates["r"] = { data, context in
            guard case .int(let depth, _) = data, depth < limit else { return "" }
            let include = functions["include"]!
            guard case .string(let inner) = try include.body([.string("r"), .int(depth + 1)], context) else {
                return ""
            }
            return "x" + inner
        }
        limit = 1000
        #expect(dump(try call("include", [.string("r"), .int(0)], context: context)).count == 1000 + 3)
        limit = 1001
        #expect {
            _ = try call("include", [.string("r"), .int(0)], context: context)
        } throws: { error in
            (error as? TemplateFunctionError)?.message
                == "rendering template has a nested reference name: r: unable to execute template"
        }
    }

    @Test func testTpl_stripsNoValueAndWrapsErrors() throws {
        let context = StubTemplates()
        context.text = { text, _ in
            if text == "parse" { throw StubError(description: "template: gotpl:1: unclosed action") }
            if text == "exec" {
                throw StubError(description: "template: gotpl:1:3: executing \"gotpl\" at <index .Values 1>: boom")
            }
            return "[<no value>]"
        }
        #expect(dump(try call("tpl", [.string("ok"), .null], context: context)) == "s\"[]\"")
        #expect {
            _ = try call("tpl", [.string("parse"), .null], context: context)
        } throws: { error in
            (error as? TemplateFunctionError)?.message
                == "cannot parse template \"parse\": template: gotpl:1: unclosed action"
        }
        #expect {
            _ = try call("tpl", [.string("exec"), .null], context: context)
        } throws: { error in
            (error as? TemplateFunctionError)?.message
                == "error during tpl function execution for \"exec\": template: gotpl:1:3: executing \"gotpl\" at <index .Values 1>: boom"
        }
    }

    @Test func testFromYaml_errorInResult() throws {
        #expect(
            dump(try call("fromYaml", [.string("a: b: c")]))
                == "{Error:s\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"}")
        #expect(dump(try call("fromYamlArray", [.string("a: 1")])).hasPrefix("[s\"error unmarshaling JSON"))
        #expect(
            dump(try call("fromJson", [.string("{bad")]))
                == "{Error:s\"invalid character 'b' looking for beginning of object key string\"}")
        #expect(dump(try call("fromJsonArray", [.string("{")])) == "[s\"unexpected end of JSON input\"]")
    }

    @Test func testToYaml_swallowsErrorsButMustFails() throws {
        #expect(dump(try call("toYaml", [.float(.nan)])) == "s\"\"")
        #expect(dump(try call("toJson", [.float(.nan)])) == "s\"\"")
        #expect {
            _ = try call("mustToYaml", [.map(["a": .float(.infinity)])])
        } throws: { error in
            (error as? TemplateFunctionError)?.message == "error marshaling into JSON: json: unsupported value: +Inf"
        }
        #expect {
            _ = try call("mustToJson", [.float(.nan)])
        } throws: { error in
            (error as? TemplateFunctionError)?.message == "json: unsupported value: NaN"
        }
        #expect(dump(try call("toYaml", [.map(["a": .int(1)])])) == "s\"a: 1\"")
    }
}
