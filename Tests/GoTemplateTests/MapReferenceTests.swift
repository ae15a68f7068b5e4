import GoTemplate
import Testing

/// Go's map reference semantics in the executor (``MapReference``), with minimal stand-ins for Sprig's `dict`
/// and `set` (the executor knows `set` changes its first argument in place). The Helm-checked cases are in
/// Tests/HelmEngineTests/Conformance/map-aliasing.
struct MapReferenceTests {
    static let functions: [String: TemplateFunction] = [
        "dict": TemplateFunction([], variadic: .any) { args, _ in
            var entries: [String: Value] = [:]
            for i in stride(from: 0, to: args.count - 1, by: 2) {
                if case .string(let key) = args[i] { entries[key] = args[i + 1] }
            }
            return .map(entries)
        },
        // Sprig's set: returns the changed map with the argument's kind (and so its identity).
        "set": TemplateFunction([.map, .string, .any]) { args, _ in
            guard case .map(var entries, let kind) = args[0], case .string(let key) = args[1] else { return .null }
            entries[key] = args[2]
            return .map(entries, kind)
        },
        "include": TemplateFunction([.string, .any]) { args, context in
            guard case .string(let name) = args[0] else { return .null }
            return .string(try context.executeTemplate(named: name, data: args[1]))
        },
        "echo": TemplateFunction([.any]) { args, _ in args[0] },
    ]

    static let data: Value = .map(["Values": .map(["a": .map(["b": .int(1)]), "list": .list([.map([:])])])])

    func render(_ text: String, helpers: String = "", data: Value = Self.data) throws -> String {
        var set = TemplateSet(functions: Self.functions)
        if !helpers.isEmpty { try set.parse(name: "helpers", text: helpers) }
        try set.parse(name: "t", text: text)
        return try set.execute(name: "t", data: data)
    }

    @Test func testSet_throughVariableIsSeenThroughDot() throws {
        #expect(try render(#"{{ $x := .Values.a }}{{ $_ := set $x "k" 2 }}{{ .Values.a.k }} {{ $.Values.a }}"#)
            == "2 map[b:1 k:2]")
    }

    @Test func testSet_throughDotPathIsSeenThroughVariable() throws {
        #expect(try render(#"{{ $x := .Values.a }}{{ $_ := set .Values.a "k" 2 }}{{ $x.k }}"#) == "2")
    }

    @Test func testSet_insideIncludeChangesTheCallersMap() throws {
        let helpers = #"{{ define "mut" }}{{ $_ := set .m "k" "v" }}{{ $_ := set .ctx.Values.a "c" 3 }}{{ end }}"#
        let text = #"{{ $m := dict }}{{ include "mut" (dict "ctx" $ "m" $m) }}{{ $m.k }} {{ .Values.a.c }}"#
        #expect(try render(text, helpers: helpers) == "v 3")
    }

    @Test func testSet_onRangeElementChangesTheList() throws {
        #expect(try render(#"{{ range .Values.list }}{{ $_ := set . "x" 1 }}{{ end }}{{ .Values.list }}"#)
            == "[map[x:1]]")
    }

    @Test func testSet_passesThroughFunctionsByIdentity() throws {
        // A map that went through a function (and a new map holding it) is still the same map.
        let text =
            #"{{ $m := dict }}{{ $e := echo $m }}{{ $d := dict "m" $m }}{{ $_ := set $e "k" 1 }}{{ $d.m.k }}{{ $m.k }}"#
        #expect(try render(text) == "11")
    }

    @Test func testDict_makesDistinctMaps() throws {
        let text = #"{{ $a := dict }}{{ $b := dict }}{{ $_ := set $a "k" 1 }}{{ len $b }}{{ len $a }}"#
        #expect(try render(text) == "01")
    }

    @Test func testExecute_changesStayInsideOneExecution() throws {
        var set = TemplateSet(functions: Self.functions)
        try set.parse(name: "t", text: #"{{ .Values.a.k }}{{ $_ := set .Values.a "k" 2 }}"#)
        // The caller's data is a value: a second execution starts from it unchanged.
        #expect(try set.execute(name: "t", data: Self.data) == "<no value>")
        #expect(try set.execute(name: "t", data: Self.data) == "<no value>")
    }

    @Test(.timeLimit(.minutes(1)))
    func testSet_mapContainingItselfPrintsFinitely() throws {
        let output = try render(#"{{ $m := dict }}{{ $_ := set $m "self" $m }}{{ len $m.self.self }} {{ $m }}"#)
        #expect(output.hasPrefix("1 map[self:map["))
    }

    @Test func testSharedData_keepsChangesForLaterExecutions() throws {
        var set = TemplateSet(functions: Self.functions)
        try set.parse(name: "z", text: #"{{ $_ := set .Values.a "k" "fromZ" }}{{ .Template }}"#)
        try set.parse(name: "b", text: #"{{ .Values.a.k }} {{ .Template }}"#)
        guard case .map(let entries, _) = Self.data else { return }
        let shared = SharedData(entries, kind: .named("common.Values"))
        shared.setValue(.string("z"), forKey: "Template")
        #expect(try set.execute(name: "z", data: shared) == "z")
        shared.setValue(.string("b"), forKey: "Template")
        #expect(try set.execute(name: "b", data: shared) == "fromZ b")
        // A plain execution of the same set still starts from its own data.
        #expect(try set.execute(name: "b", data: Self.data) == "<no value> <no value>")
        guard case .map(let now, _) = shared.value, case .map(let values, _)? = now["Values"],
            case .map(let a, _)? = values["a"], case .string(let k)? = a["k"]
        else {
            Issue.record("shared data lost the change")
            return
        }
        #expect(k == "fromZ")
    }
}
