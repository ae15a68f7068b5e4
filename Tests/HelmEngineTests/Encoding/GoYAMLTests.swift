import GoTemplate
import Testing

@testable import HelmEngine

/// Expectations come from Helm 4.2 (the oracle): `{{ toJson .Values }}`, `printf "%T %v"` and
/// `fromYaml` probes on the same inputs.
struct GoYAMLTests {
    @Test(arguments: [
        // YAML 1.1 booleans exactly as go-yaml v2 knows them.
        ("a: y", "{a:btrue}"), ("a: Y", "{a:btrue}"), ("a: yes", "{a:btrue}"), ("a: Yes", "{a:btrue}"),
        ("a: YES", "{a:btrue}"), ("a: yEs", "{a:s\"yEs\"}"), ("a: on", "{a:btrue}"), ("a: On", "{a:btrue}"),
        ("a: ON", "{a:btrue}"), ("a: n", "{a:bfalse}"), ("a: NO", "{a:bfalse}"), ("a: off", "{a:bfalse}"),
        ("a: True", "{a:btrue}"), ("a: tRue", "{a:s\"tRue\"}"),
        // Nulls.
        ("a: ~", "{a:n}"), ("a: null", "{a:n}"), ("a: Null", "{a:n}"), ("a: NULL", "{a:n}"), ("a:", "{a:n}"),
        // Go integer syntax, every number a float64.
        ("a: 0o17", "{a:f15.0}"), ("a: 012", "{a:f10.0}"), ("a: 09", "{a:f9.0}"), ("a: 0x1F", "{a:f31.0}"),
        ("a: 0b101", "{a:f5.0}"), ("a: -0b101", "{a:f-5.0}"), ("a: 1_000", "{a:f1000.0}"), ("a: 1e3", "{a:f1000.0}"),
        ("a: 1.5e3", "{a:f1500.0}"), ("a: .5", "{a:f0.5}"), ("a: +12", "{a:f12.0}"),
        ("a: 123456789012345678901234567890", "{a:f1.2345678901234568e+29}"), ("a: 1e400", "{a:s\"1e400\"}"),
        ("a: 0.", "{a:f0.0}"), ("a: 1.", "{a:f1.0}"), ("a: +.5", "{a:f0.5}"),
        ("a: 9223372036854775807", "{a:f9.223372036854776e+18}"),
        ("a: 18446744073709551615", "{a:f1.8446744073709552e+19}"),
        ("a: 18446744073709551616", "{a:f1.8446744073709552e+19}"), ("a: 0x_1F", "{a:f31.0}"),
        ("a: 1__0", "{a:f10.0}"), ("a: 1e", "{a:s\"1e\"}"), ("a: -.5e-3", "{a:f-0.0005}"), ("a: 0xZZ", "{a:s\"0xZZ\"}"),
        ("a: 08.5", "{a:f8.5}"), ("a: 0b1_1", "{a:f3.0}"), ("a: -0x10", "{a:f-16.0}"), ("a: +0o7", "{a:f7.0}"),
        ("a: 0B11", "{a:f3.0}"), ("a: 0X1F", "{a:f31.0}"), ("a: -012", "{a:f-10.0}"), ("a: 1E3", "{a:f1000.0}"),
        ("a: -1_0.5", "{a:f-10.5}"), ("a: 1_0e1_0", "{a:f100000000000.0}"),
        // Strings that look like other things.
        ("a: 2001-12-14", "{a:s\"2001-12-14\"}"),
        ("a: 2001-12-14t21:59:43.10-05:00", "{a:s\"2001-12-14t21:59:43.10-05:00\"}"),
        ("a: 12:30", "{a:s\"12:30\"}"), ("a: 190:20:30", "{a:s\"190:20:30\"}"), ("a: 1:20", "{a:s\"1:20\"}"),
        ("a: 2001-12-14 21:59:43.10 -5", "{a:s\"2001-12-14 21:59:43.10 -5\"}"),
        // Tags.
        ("a: !!str 12", "{a:s\"12\"}"), ("a: !!int \"12\"", "{a:f12.0}"), ("a: !foo bar", "{a:s\"bar\"}"),
        ("a: !!binary aGVsbG8=", "{a:s\"hello\"}"), ("a: !!float 1", "{a:f1.0}"),
        ("a: !!timestamp 2001-12-14", "{a:s\"2001-12-14\"}"), ("!!map {a: 1}", "{a:f1.0}"),
        ("a: !!seq [1]", "{a:[f1.0]}"), ("a: !!map [1]", "{a:[f1.0]}"), ("a: !!str [1]", "{a:[f1.0]}"),
        // Quoting and block scalars.
        ("a: \"yes\"", "{a:s\"yes\"}"), ("a: 'on'", "{a:s\"on\"}"), ("a: |\n  text\n", "{a:s\"text\n\"}"),
        (
            "a: 'it''s'\nb: \"\\u00e9\\x41\\t\"\nc: >\n  folded\n  text\n\n  para\nd: |+\n  keep\n\ne: x",
            "{a:s\"it's\",b:s\"éA\t\",c:s\"folded text\npara\n\",d:s\"keep\n\n\",e:s\"x\"}"
        ),
    ])
    func testDecodeObject_scalarResolution(_ input: String, _ expected: String) throws {
        #expect(dump(.map(try GoYAML.decodeObject(input))) == expected)
    }

    @Test(arguments: [
        // Non-string keys become strings; later duplicates win (go-yaml's non-strict mode).
        ("yes: 1\non: 2\ny: 8\nn: 9\noff: 10\ntrue: 12", "{false:f10.0,true:f12.0}"),
        (
            "1: a\n0x10: b\n1.5: c\n0.1: d\n1e10: e\n-0: f\n1_000: g\n.5: h\n12:30: i\n2001-12-14: j",
            "{0:s\"f\",0.1:s\"d\",0.5:s\"h\",1:s\"a\",1.5:s\"c\",1000:s\"g\",12:30:s\"i\",16:s\"b\",1e+10:s\"e\",2001-12-14:s\"j\"}"
        ),
        (
            "1.5: a\n1e3: b\n1e20: c\n0.1: d\n100000000: e\n123456789: f",
            "{0.1:s\"d\",1.5:s\"a\",1000:s\"b\",100000000:s\"e\",123456789:s\"f\",1e+20:s\"c\"}"
        ),
        ("9223372036854775807: x", "{9223372036854775807:s\"x\"}"),
        ("a: 1\na: 2", "{a:f2.0}"), ("a: {b: 1, b: 2}", "{a:{b:f2.0}}"), ("? a\n: 1", "{a:f1.0}"),
    ])
    func testDecodeObject_keys(_ input: String, _ expected: String) throws {
        #expect(dump(.map(try GoYAML.decodeObject(input))) == expected)
    }

    @Test(arguments: [
        ("b: &a {x: 1}\nc:\n  <<: *a\n  x: 2\n  y: 3", "{b:{x:f1.0},c:{true:f3.0,x:f2.0}}"),
        (
            "b: &a {x: 1, z: 1}\nd: &d {x: 4, w: 4}\nc:\n  <<: [*a, *d]\n  y: 3",
            "{b:{x:f1.0,z:f1.0},c:{true:f3.0,w:f4.0,x:f1.0,z:f1.0},d:{w:f4.0,x:f4.0}}"
        ),
        ("c:\n  <<: {q: 1}\n  q: 2", "{c:{q:f2.0}}"),
        ("c:\n  q: 2\n  <<: {q: 1}", "{c:{q:f1.0}}"),
        ("a: &x [1, 2]\nb: *x", "{a:[f1.0,f2.0],b:[f1.0,f2.0]}"),
    ])
    func testDecodeObject_mergeKeysAndAliases(_ input: String, _ expected: String) throws {
        #expect(dump(.map(try GoYAML.decodeObject(input))) == expected)
    }

    @Test(arguments: ["", "# only comment", "~", "---\n---\nb: 2"])
    func testDecodeObject_emptyDocumentIsEmptyMap(_ input: String) throws {
        #expect(try GoYAML.decodeObject(input).isEmpty)
    }

    @Test func testDecodeObject_readsOnlyFirstDocument() throws {
        #expect(dump(.map(try GoYAML.decodeObject("a: 1\n---\nb: [1"))) == "{a:f1.0}")
    }

    @Test func testDecodeDocuments_readsEveryDocument() throws {
        let documents = try GoYAML.decodeDocuments("a: 1\n---\n- x\n---\n")
        #expect(documents.map(dump) == ["{a:f1.0}", "[s\"x\"]", "n"])
    }

    @Test(arguments: [
        ("a: b: c", "error converting YAML to JSON: yaml: mapping values are not allowed in this context"),
        (
            "x: 1\na: b: c",
            "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"
        ),
        (
            "x: 1\ny: 2\na: b: c",
            "error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context"
        ),
        ("a: [1, 2", "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"),
        ("x: 1\na: [1, 2", "error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'"),
        ("a:\n  - 1\n - 2", "error converting YAML to JSON: yaml: line 2: did not find expected key"),
        ("x: 1\ny:\n  z: 1\n w: 2", "error converting YAML to JSON: yaml: line 3: did not find expected key"),
        ("a: *foo", "error converting YAML to JSON: yaml: unknown anchor 'foo' referenced"),
        ("a: &x [*x]", "error converting YAML to JSON: yaml: anchor 'x' value contains itself"),
        ("a: \"abc", "error converting YAML to JSON: yaml: found unexpected end of stream"),
        (
            "- a\n- b",
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"
        ),
        ("a: .inf", "error converting YAML to JSON: json: unsupported value: +Inf"),
        ("~: 1", "error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1"),
        ("[1]: 2", "error converting YAML to JSON: yaml: invalid map key: []interface {}{1}"),
        ("{a: 1}: 2", "error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\"a\":1}"),
        ("a: !!int abc", "error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!int"),
        ("a: !!float abc", "error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!float"),
        ("a: !!bool abc", "error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!bool"),
        ("a: !!null abc", "error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!null"),
        ("a: !!binary '!!!'", "error converting YAML to JSON: yaml: !!binary value contains invalid base64 data"),
        (
            "a: 1\n\tb: 2",
            "error converting YAML to JSON: yaml: line 2: found a tab character that violates indentation"
        ),
        ("a: @x", "error converting YAML to JSON: yaml: found character that cannot start any token"),
        ("a: `x", "error converting YAML to JSON: yaml: found character that cannot start any token"),
        (
            "key: value\n  bad: indent",
            "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"
        ),
        ("c:\n  <<: 1", "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"),
        ("a: !!str\nb: !!int", "error converting YAML to JSON: yaml: cannot decode !!null `` as a !!int"),
        (
            "18446744073709551615: x",
            "error converting YAML to JSON: unsupported map key of type: uint64, key: 0xffffffffffffffff, value: \"x\""
        ),
    ])
    func testDecodeObject_errorsReadLikeHelm(_ input: String, _ message: String) {
        #expect {
            _ = try GoYAML.decodeObject(input, file: "values.yaml")
        } throws: { error in
            guard let error = error as? EncodingError else { return false }
            return error.message == message && error.file == "values.yaml"
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testDecode_billionLaughsFailsCleanly() {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
            previous = name
        }
        #expect {
            _ = try GoYAML.decode(lines.joined(separator: "\n"))
        } throws: { error in
            (error as? EncodingError)?.message
                == "error converting YAML to JSON: yaml: document contains excessive aliasing"
        }
    }

    // Helm accepts up to 10,000 levels; libyaml, as bundled with Yams, stops near 1,000 (a
    // process-wide setting we leave alone), so deeper documents fail with a go-yaml-style error.
    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            (999, nil),
            (1_500, "error converting YAML to JSON: yaml: exceeded max depth of 1000"),
            (20_000, "error converting YAML to JSON: yaml: exceeded max depth of 1000"),
        ] as [(Int, String?)])
    func testDecode_deepNestingIsCapped(_ depth: Int, _ message: String?) throws {
        let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        if let message {
            #expect {
                _ = try GoYAML.decodeObject(text)
            } throws: { error in
                (error as? EncodingError)?.message == message
            }
        } else {
            #expect(try GoYAML.decodeObject(text).count == 1)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func testDecode_hugeScalar() throws {
        let big = String(repeating: "x", count: 4_000_000)
        #expect(try GoYAML.decodeObject("a: \(big)")["a"].map(dump)?.count == 4_000_003)
    }
}
