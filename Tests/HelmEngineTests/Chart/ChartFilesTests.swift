import Foundation
import GoTemplate
import Testing

@testable import HelmEngine

struct ChartFilesTests {
    /// The files of Fixtures/files/glob.files, as Helm's loader would see them.
    private func files() throws -> ChartFiles {
        let root = Fixtures.root + "/files/glob.files"
        var contents: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            contents[relative] = [UInt8](FileManager.default.contents(atPath: root + "/" + relative) ?? Data())
        }
        return ChartFiles(contents: contents) { _ in "" }
    }

    @Test func testGlob_matchesHelmForEveryPattern() throws {
        let patterns = try #require(Fixtures.read("files/glob.patterns")).split(separator: "\n").map(String.init)
        let expected = try #require(Fixtures.read("files/glob.expected")).split(
            separator: "\n", omittingEmptySubsequences: false)
        let files = try files()
        for (index, pattern) in patterns.enumerated() {
            let names = files.glob(pattern).contents.keys.sorted {
                Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
            }
            #expect(names.map { $0 + "|" }.joined() == String(expected[index]), "pattern \(pattern)")
        }
    }

    @Test func testLinesAndGet_matchHelm() throws {
        let expected = try #require(Fixtures.read("files/glob.expected")).split(separator: "\n").map(String.init)
        let files = try files()
        let lines =
            "lines:" + files.lines("a.txt").map { "[\($0)]" }.joined() + ":"
            + files.lines("nonl.txt").map { "[\($0)]" }.joined() + ":\(files.lines("missing").count)"
        #expect(expected.contains(lines))
        let get = try #require(files.method("Get"))
        let getBytes = try #require(files.method("GetBytes"))
        final class NoContext: FunctionContext {
            func executeTemplate(named name: String, data: Value) throws -> String { "" }
            func executeText(_ text: String, data: Value) throws -> String { "" }
        }
        let context = NoContext()
        guard case .string(let text) = try get.body([.string("nonl.txt")], context),
            case .string(let missing) = try get.body([.string("missing")], context),
            case .list(let bytes, .uint8) = try getBytes.body([.string("nonl.txt")], context)
        else {
            Issue.record("unexpected result types")
            return
        }
        let rendered =
            "[" + bytes.map { if case .int(let byte, _) = $0 { String(byte) } else { "?" } }.joined(separator: " ")
            + "]"
        #expect(expected.contains("get:\(text):\(missing):\(rendered)"))
    }

    @Test func testLines_emptyFileFailsLikeHelm() throws {
        let helm = try #require(Fixtures.read("files/lines-empty.expected-error"))
        let files = ChartFiles(contents: ["empty.txt": []]) { _ in "" }
        let lines = try #require(files.method("Lines"))
        final class NoContext: FunctionContext {
            func executeTemplate(named name: String, data: Value) throws -> String { "" }
            func executeText(_ text: String, data: Value) throws -> String { "" }
        }
        let error = try #require(throws: TemplateFunctionError.self) {
            try lines.body([.string("empty.txt")], NoContext())
        }
        #expect(helm.trimmingCharacters(in: .newlines).hasSuffix("error calling Lines: \(error.message)"))
    }

    @Test func testGoDescriptionAndEntries() {
        let files = ChartFiles(contents: ["b": [1, 2], "a": [104, 105]]) { _ in "" }
        #expect(files.goDescription == "map[a:[104 105] b:[1 2]]")
        #expect(files.goTypeName == "engine.files")
        guard case .map(let entries, _)? = files.underlyingValue else {
            Issue.record("engine.files must expose its map")
            return
        }
        #expect(entries.keys.sorted() == ["a", "b"])
    }

    @Test func testAsConfigAndAsSecrets_useBaseNames() {
        let files = ChartFiles(contents: ["conf/a.txt": Array("hi".utf8), "b.txt": [0xFF]]) { value in
            guard case .map(let map, _) = value else { return "" }
            return map.keys.sorted().map { key in
                if case .string(let text)? = map[key] { return "\(key)=\(text)" }
                return key
            }.joined(separator: ";")
        }
        // The encoder gets Go's string: the byte itself, which the YAML encoder turns into U+FFFD as encoding/json does.
        #expect(GoBytes.bytes(of: files.asConfig()) == Array("a.txt=hi;b.txt=".utf8) + [0xFF])
        #expect(files.asSecrets() == "a.txt=aGk=;b.txt=/w==")
    }
}

struct ChartFilesEncodingTests {
    @Test func testAsConfigAndAsSecrets_matchHelmBytes() throws {
        let root = Fixtures.root + "/files/asconfig.files"
        var files: [ChartFile] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            files.append(
                ChartFile(
                    name: relative, data: [UInt8](FileManager.default.contents(atPath: root + "/" + relative) ?? Data())
                ))
        }
        let object = ChartFiles(files: files)
        let conf = object.glob("conf/**")
        let rendered =
            conf.asConfig() + "\n===\n" + conf.asSecrets() + "\n===\n" + object.glob("nothing/*").asConfig() + "\n"
        let expected = try #require(Fixtures.read("files/asconfig.expected"))
        #expect(rendered == expected)
    }
}
