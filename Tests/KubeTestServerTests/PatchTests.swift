import Testing

@testable import KubeTestServer

/// Merge patch, JSON patch and server-side apply without sockets. Expected results are the RFC 7386 / RFC 6902
/// examples and kube's documented behaviour, written out by hand.
struct PatchTests {
    private func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    // RFC 7386 appendix A.
    @Test(arguments: [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"a":1,"e":null}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ])
    func testMergePatch_rfc7386Examples(target: String, patch: String, expected: String) throws {
        #expect(MergePatch.apply(try json(patch), to: try json(target)) == (try json(expected)))
    }

    @Test func testJSONPatch_allOperations() throws {
        let document = try json(#"{"a":{"b":[1,2,3]},"c":"x"}"#)
        let patch = try json(
            #"""
            [{"op":"test","path":"/c","value":"x"},
             {"op":"add","path":"/a/b/1","value":9},
             {"op":"add","path":"/a/b/-","value":4},
             {"op":"remove","path":"/a/b/0"},
             {"op":"replace","path":"/c","value":"y"},
             {"op":"copy","from":"/c","path":"/d"},
             {"op":"move","from":"/d","path":"/a/e"},
             {"op":"add","path":"/k~1l","value":true}]
            """#)
        let result = try JSONPatch.apply(patch, to: document)
        #expect(result == (try json(#"{"a":{"b":[9,2,3,4],"e":"y"},"c":"y","k/l":true}"#)))
    }

    @Test func testJSONPatch_failedTest_reportsLikeKube() throws {
        let document = try json(#"{"a":"b"}"#)
        #expect(throws: JSONPatch.Failure(message: "testing value /a failed: test failed")) {
            try JSONPatch.apply(try json(#"[{"op":"test","path":"/a","value":"c"}]"#), to: document)
        }
    }

    @Test func testJSONPatch_removeMissing_fails() throws {
        let document = try json(#"{"a":"b"}"#)
        #expect(throws: JSONPatch.Failure.self) {
            try JSONPatch.apply(try json(#"[{"op":"remove","path":"/zz"}]"#), to: document)
        }
        #expect(throws: JSONPatch.Failure.self) {
            try JSONPatch.apply(try json(#"[{"op":"replace","path":"/q/r","value":1}]"#), to: document)
        }
    }

    private let configMaps = ObjectStore().resource(group: "", version: "v1", plural: "configmaps")!

    @Test func testApply_conflictsWithOtherManagerUnlessForced() throws {
        let first = try ServerSideApply.apply(
            try json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"1","o":"1"}}"#),
            to: nil, manager: "alpha", force: false, resource: configMaps, now: "2026-01-01T00:00:00Z")
        let contested = try json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"2"}}"#)
        do {
            _ = try ServerSideApply.apply(
                contested, to: first, manager: "beta", force: false, resource: configMaps, now: "2026-01-01T00:00:01Z")
            Issue.record("expected a conflict")
        } catch {
            #expect(error.code == 409)
            #expect(error.reason == "Conflict")
            #expect(error.message == "Apply failed with 1 conflict: conflict with \"alpha\": .data.k")
        }
        // Same value: shared, no conflict.
        let shared = try ServerSideApply.apply(
            try json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"1"}}"#),
            to: first, manager: "beta", force: false, resource: configMaps, now: "2026-01-01T00:00:01Z")
        #expect(shared[path: ["data", "k"]] == "1")
        let forced = try ServerSideApply.apply(
            contested, to: first, manager: "beta", force: true, resource: configMaps, now: "2026-01-01T00:00:02Z")
        #expect(forced[path: ["data", "k"]] == "2")
        #expect(forced[path: ["data", "o"]] == "1")
        let managed = ManagedFields(of: forced)
        #expect(managed.entries.first { $0.manager == "alpha" }?.fields == [["data", "o"]])
        #expect(managed.entries.first { $0.manager == "beta" }?.fields == [["data", "k"]])
    }

    @Test func testApply_removesFieldsTheManagerDropped() throws {
        let first = try ServerSideApply.apply(
            try json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"1","gone":"1"}}"#),
            to: nil, manager: "alpha", force: false, resource: configMaps, now: "t")
        let second = try ServerSideApply.apply(
            try json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"1"}}"#),
            to: first, manager: "alpha", force: false, resource: configMaps, now: "t")
        #expect(second[path: ["data", "gone"]] == nil)
        #expect(second[path: ["data", "k"]] == "1")
    }

    @Test func testManagedFields_encodeAsFieldsV1() throws {
        var object = try json(#"{"metadata":{"name":"a","labels":{"x":"y"}},"data":{"k":"v"}}"#)
        ServerSideApply.recordUpdate(from: nil, to: &object, manager: "m", resource: configMaps, now: "t")
        let entry = try #require(object[path: ["metadata", "managedFields"]]?.arrayValue?.first)
        #expect(entry["fieldsType"] == "FieldsV1")
        #expect(entry["fieldsV1"] == (try json(#"{"f:data":{"f:k":{}},"f:metadata":{"f:labels":{"f:x":{}}}}"#)))
    }
}

/// Label and field selectors.
struct SelectorTests {
    @Test(arguments: [
        ("a=b", ["a": "b"], true),
        ("a==b", ["a": "c"], false),
        ("a!=b", [:], true),
        ("a in (x, y)", ["a": "y"], true),
        ("a notin (x,y)", ["a": "y"], false),
        ("a notin (x,y)", [:], true),
        ("a", ["a": ""], true),
        ("!a", ["a": "1"], false),
        ("a=b,c", ["a": "b", "c": "d"], true),
        ("a=b,c", ["a": "b"], false),
        ("app.kubernetes.io/name=web", ["app.kubernetes.io/name": "web"], true),
    ])
    func testLabelSelector_matches(selector: String, labels: [String: String], expected: Bool) throws {
        #expect(try LabelSelector.parse(selector).matches(labels) == expected)
    }

    @Test func testLabelSelector_malformed_throwsBadRequest() {
        #expect(throws: APIError.self) { try LabelSelector.parse("a in x") }
        #expect(throws: APIError.self) { try LabelSelector.parse("=b") }
    }

    @Test func testFieldSelector_unsupportedField_throwsBadRequest() {
        let configMaps = ObjectStore().resource(group: "", version: "v1", plural: "configmaps")!
        #expect(throws: APIError.badRequest("field label not supported: spec.x")) {
            try FieldSelector.parse("spec.x=1", resource: configMaps)
        }
    }
}

/// The JSON reader and writer.
struct JSONValueTests {
    @Test(arguments: [
        #"{"a":[1,2.5,true,false,null,"x\n\u00e9\ud83d\ude00"]}"#,
        #"[]"#, #"{}"#, #"-0"#, #"12345678901234"#, #""\"\\\/""#,
    ])
    func testParse_roundTrips(text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(value.serialized()) == value)
    }

    @Test func testParse_keepsIntegersAndDoubles() throws {
        #expect(try JSONParser.parse("3") == .int(3))
        #expect(try JSONParser.parse("3.5") == .double(3.5))
        #expect(try JSONParser.parse("1e2") == .double(100))
    }

    @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "tru", "01", "\"\u{01}\"", "[1] x", ""])
    func testParse_rejectsMalformed(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func testParse_deepNesting_isRejectedNotCrashed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test func testSerialize_putsTypeMetaFirst() throws {
        let value = try JSONParser.parse(#"{"z":1,"metadata":{},"apiVersion":"v1","kind":"X"}"#)
        #expect(value.serialized() == #"{"kind":"X","apiVersion":"v1","metadata":{},"z":1}"#)
    }

    @Test func testParseYAML_convertsScalars() throws {
        let value = try JSONValue.parseYAML("a: 1\nb: true\nc: x\nd: null\ne: [1.5]\n")
        #expect(value == (try JSONParser.parse(#"{"a":1,"b":true,"c":"x","d":null,"e":[1.5]}"#)))
    }
}
