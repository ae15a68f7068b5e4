import GoTemplate
import Testing

/// Execution semantics that the Helm-oracle corpus cannot reach (options, limits, Go objects, the
/// function context) and the structure of execution errors. Expected texts are Go's messages.
struct ExecutorTests {
    let data: Value = .map([
        "a": .map(["b": .string("c")]),
        "s": .string("str"),
        "list": .list([.string("x"), .string("y")]),
        "labels": .map(["app": .string("web")], .string),
        "obj": .object(TestObject(name: "o")),
    ])

    // MARK: Missing keys

    @Test func testExecute_missingKeyDefault() throws {
        #expect(
            try run("{{ .nope }}|{{ .nope.deeper }}|{{ .labels.nope }}", data) == "<no value>|<no value>|<no value>")
    }

    @Test func testExecute_missingKeyZero() throws {
        let options = ExecuteOptions(missingKey: .zero)
        #expect(try run("{{ .nope }}|{{ .labels.nope }}|", data, options: options) == "<no value>||")
        let error = templateError { _ = try run("{{ .nope.deeper }}", data, options: options) }
        #expect(error?.detail == "nil pointer evaluating interface {}.deeper")
    }

    @Test func testExecute_missingKeyError() {
        let options = ExecuteOptions(missingKey: .error)
        let error = templateError { _ = try run("{{ .a.nope }}", data, options: options) }
        #expect(error?.message == "template: t:1:5: executing \"t\" at <.a.nope>: map has no entry for key \"nope\"")
    }

    @Test func testExecute_nilDataField() throws {
        #expect(try run("{{ .x }}") == "<no value>")
        let error = templateError { _ = try run("{{ .x }}", options: ExecuteOptions(missingKey: .error)) }
        #expect(error?.detail == "nil data; no entry for key \"x\"")
    }

    // MARK: Errors

    @Test func testExecute_errorParts() {
        let error = templateError { _ = try run("line\n  {{ .s.x }}", data) }
        #expect(error?.code == .execute)
        // Go positions a field chain at its second field, and `.s` still has static type interface {}.
        #expect(error?.location == "t:2:7")
        #expect(error?.executing == "t")
        #expect(error?.context == ".s.x")
        #expect(error?.detail == "can't evaluate field x in type interface {}")
        #expect(
            error?.message == "template: t:2:7: executing \"t\" at <.s.x>: can't evaluate field x in type interface {}")
    }

    @Test func testExecute_unknownTemplate() {
        let set = TemplateSet(name: "gotpl")
        let error = templateError { _ = try set.execute(name: "x", data: .null) }
        #expect(error?.message == "template: no template \"x\" associated with template \"gotpl\"")
    }

    @Test func testExecute_errorInDefineNamesTheDefine() throws {
        var set = TemplateSet()
        try set.parse(name: "helpers", text: "\n{{ define \"d\" }}{{ .x.y }}{{ end }}")
        try set.parse(name: "main", text: "{{ template \"d\" .s }}")
        let error = templateError { _ = try set.execute(name: "main", data: data) }
        #expect(
            error?.message == "template: helpers:2:21: executing \"d\" at <.x.y>: can't evaluate field x in type string"
        )
    }

    // MARK: Go objects

    @Test func testExecute_objectFieldsAndMethods() throws {
        let out = try run(
            "{{ .obj.Name }} {{ .obj.Port }} {{ .obj.Greet \"you\" }} {{ \"me\" | .obj.Greet }} {{ .obj.Double 4 }} {{ .obj }}",
            data)
        #expect(out == "o 8080 hello you from o hello me from o 8 &{o}")
    }

    @Test func testExecute_objectMethodErrors() {
        let wrongType = templateError { _ = try run("{{ .obj.Greet 1 }}", data) }
        #expect(wrongType?.detail == "expected string; found 1")
        let arity = templateError { _ = try run("{{ .obj.Greet }}", data) }
        #expect(arity?.detail == "wrong number of args for Greet: want 1 got 0")
        let failure = templateError { _ = try run("{{ .obj.Fail }}", data) }
        #expect(failure?.detail == "error calling Fail: object failed")
        let fieldArgs = templateError { _ = try run("{{ .obj.Name 1 }}", data) }
        #expect(fieldArgs?.detail == "Name has arguments but cannot be invoked as function")
        let missing = templateError { _ = try run("{{ .obj.Nope }}", data) }
        #expect(missing?.detail == "can't evaluate field Nope in type interface {}")
        let unwrapped = templateError { _ = try run("{{ with .obj }}{{ .Nope }}{{ end }}", data) }
        #expect(unwrapped?.detail == "can't evaluate field Nope in type *test.Object")
    }

    // MARK: Function context

    static let include = TemplateFunction([.string, .any]) { args, context in
        guard case .string(let name) = args[0] else { return .null }
        return .string(try context.executeTemplate(named: name, data: args[1]))
    }
    static let tpl = TemplateFunction([.string, .any]) { args, context in
        guard case .string(let text) = args[0] else { return .null }
        return .string(try context.executeText(text, data: args[1]))
    }

    @Test func testExecute_includeAndTpl() throws {
        var set = TemplateSet(functions: ["include": Self.include, "tpl": Self.tpl])
        try set.parse(name: "h", text: "{{ define \"h\" }}<{{ . }}>{{ end }}")
        try set.parse(
            name: "t",
            text:
                "{{ include \"h\" .s }} {{ tpl \"{{ include \\\"h\\\" 1 }}{{ define \\\"n\\\" }}N{{ end }}{{ template \\\"n\\\" }}\" . }}"
        )
        #expect(try set.execute(name: "t", data: data) == "<str> <1>N")
        // A define made inside tpl text stays in tpl's copy of the set.
        #expect(!set.hasTemplate(named: "n"))
    }

    /// An empty (or comment-only) text must not leave the calling template in place as the one to run: that
    /// re-ran the caller, which called `tpl ""` again, until the stack gave out.
    @Test(.timeLimit(.minutes(1)), arguments: ["", "{{/* only a comment */}}", "{{- /* c */ -}}"])
    func testExecuteText_emptyTextRendersNothing(_ text: String) throws {
        var set = TemplateSet(functions: ["tpl": Self.tpl])
        try set.parse(name: "t", text: "a{{ tpl .text . }}b")
        #expect(try set.execute(name: "t", data: .map(["text": .string(text)])) == "ab")
        var named = TemplateSet(functions: ["tpl": Self.tpl], name: "gotpl")
        try named.parse(name: "t", text: "a{{ tpl .text . }}{{ tpl \"{{ tpl .text . }}\" . }}b")
        #expect(try named.execute(name: "t", data: .map(["text": .string(text)])) == "ab")
    }

    @Test(.timeLimit(.minutes(1)))
    func testExecute_nestedErrorMessagesAreBounded() throws {
        // 300 nested includes, then an error that every level wraps with the whole message below it.
        var set = TemplateSet(functions: ["include": Self.include])
        try set.parse(
            name: "t",
            text: #"{{ define "r" }}{{ if . }}{{ include "r" (slice . 1) }}{{ else }}{{ index . 5 }}{{ end }}{{ end }}"#
                + #"{{ include "r" . }}"#)
        let data: Value = .list(Array(repeating: .int(1), count: 300))
        let full = templateError { _ = try set.execute(name: "t", data: data) }
        #expect(full?.code == .execute)
        #expect((full?.message.utf8.count ?? 0) > 20_000)
        let bounded = templateError {
            _ = try set.execute(name: "t", data: data, options: ExecuteOptions(maxErrorBytes: 20_000))
        }
        #expect(bounded?.code == .limitExceeded)
        #expect(bounded?.detail.contains("exceed 20000 bytes") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func testExecute_includeRecursionIsBounded() throws {
        var set = TemplateSet(functions: ["include": Self.include])
        try set.parse(name: "t", text: "{{ define \"r\" }}{{ include \"r\" . }}{{ end }}{{ include \"r\" . }}")
        let error = templateError { _ = try set.execute(name: "t", data: .null, options: ExecuteOptions(maxDepth: 50)) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.detail == "exceeded maximum template depth (50)")
    }

    // MARK: Limits

    @Test(.timeLimit(.minutes(1)))
    func testExecute_templateRecursionIsBounded() throws {
        var set = TemplateSet()
        try set.parse(
            name: "t", text: "{{ define \"loop\" }}{{ template \"loop\" . }}{{ end }}{{ template \"loop\" . }}")
        let error = templateError { _ = try set.execute(name: "t", data: .null) }
        #expect(error?.code == .execute)
        #expect(
            error?.message
                == "template: t:1:31: executing \"loop\" at <{{template \"loop\" .}}>: exceeded maximum template depth (100000)"
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func testExecute_stackGuardStopsUnboundedRecursion() throws {
        var set = TemplateSet(functions: ["include": Self.include])
        try set.parse(
            name: "t",
            text:
                "{{ define \"loop\" }}{{ if true }}{{ with . }}{{ range 1 }}{{ template \"loop\" 1 }}{{ end }}{{ end }}{{ end }}{{ end }}"
                + "{{ define \"inc\" }}{{ if true }}{{ include \"inc\" . | printf \"%s\" }}{{ end }}{{ end }}")
        try set.parse(name: "a", text: "{{ template \"loop\" 1 }}")
        try set.parse(name: "b", text: "{{ include \"inc\" 1 }}")
        // No fresh stacks, so the calling thread's stack is all there is.
        let options = ExecuteOptions(maxDepth: 10_000_000, maxStackBytes: 0)
        let viaTemplate = templateError { _ = try set.execute(name: "a", data: .null, options: options) }
        #expect(viaTemplate?.code == .limitExceeded)
        let viaInclude = templateError { _ = try set.execute(name: "b", data: .null, options: options) }
        #expect(viaInclude?.code == .limitExceeded)
    }

    @Test(.timeLimit(.minutes(1)))
    func testExecute_outputLimit() {
        let options = ExecuteOptions(maxOutputBytes: 1000)
        let error = templateError { _ = try run("{{ range 2000 }}xx{{ end }}", options: options) }
        #expect(error?.code == .limitExceeded)
    }

    @Test(.timeLimit(.minutes(1)))
    func testExecute_stepLimit() {
        let options = ExecuteOptions(maxSteps: 10_000)
        let error = templateError { _ = try run("{{ range 1000000 }}{{ end }}", options: options) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.detail.contains("10000 steps") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func testExecute_nestedRangesHitStepLimit() {
        let options = ExecuteOptions(maxSteps: 20_000)
        let error = templateError {
            _ = try run("{{ range 1000 }}{{ range 1000 }}{{ range 1000 }}{{ end }}{{ end }}{{ end }}", options: options)
        }
        #expect(error?.code == .limitExceeded)
    }

    // MARK: Control flow

    @Test func testExecute_breakAndContinue() throws {
        let text =
            "{{ range $i := 10 }}{{ if eq $i 2 }}{{ continue }}{{ end }}{{ if eq $i 5 }}{{ break }}{{ end }}{{ $i }}{{ end }}"
        #expect(try run(text) == "0134")
    }

    @Test func testExecute_rangeMapTypedElements() throws {
        #expect(try run("{{ range $k, $v := .labels }}{{ $k }}={{ $v }}{{ end }}", data) == "app=web")
    }

    @Test func testExecute_variablesDoNotLeakIntoTemplates() throws {
        var set = TemplateSet()
        try set.parse(name: "t", text: "{{ define \"d\" }}{{ $ }}{{ end }}{{ $x := 1 }}{{ template \"d\" \"dot\" }}")
        #expect(try set.execute(name: "t", data: data) == "dot")
    }

    // MARK: Concurrency

    @Test(.timeLimit(.minutes(1)))
    func testExecute_concurrentExecutionsShareOneSet() async throws {
        var set = TemplateSet()
        try set.parse(name: "t", text: "{{ range $i, $v := .list }}{{ $i }}{{ $v }}{{ end }}-{{ .n }}")
        let shared = set
        let outputs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for n in 0..<32 {
                group.addTask {
                    let data: Value = .map(["list": .list([.string("a"), .string("b")]), "n": .int(n)])
                    return (n, try shared.execute(name: "t", data: data))
                }
            }
            var results: [Int: String] = [:]
            for try await (n, out) in group { results[n] = out }
            return results
        }
        for n in 0..<32 { #expect(outputs[n] == "0a1b-\(n)") }
    }
}

extension ExecutorTests {
    @Test(.timeLimit(.minutes(1)))
    func testExecute_largeUnwrittenStringsCountAsSteps() {
        let options = ExecuteOptions(maxSteps: 20_000)
        let error = templateError {
            _ = try run("{{ range 100000 }}{{ $x := printf \"%100000d\" 1 }}{{ end }}", options: options)
        }
        #expect(error?.code == .limitExceeded)
    }
}
