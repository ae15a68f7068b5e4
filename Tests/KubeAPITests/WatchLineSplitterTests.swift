import Testing

@testable import KubeAPI

struct WatchLineSplitterTests {
    private func lines(_ chunks: [String], limit: Int = 1024) throws -> [String] {
        var splitter = WatchLineSplitter(maximumLineBytes: limit)
        var out: [String] = []
        for chunk in chunks {
            out += try splitter.append(Array(chunk.utf8)).map { String(decoding: $0, as: UTF8.self) }
        }
        if let last = splitter.finish() { out.append(String(decoding: last, as: UTF8.self)) }
        return out
    }

    @Test func testAppend_linesSplitAcrossChunks() throws {
        #expect(try lines(["{\"a\"", ":1}\n{\"b\":", "2}\n"]) == ["{\"a\":1}", "{\"b\":2}"])
    }

    @Test func testAppend_manyLinesInOneChunkAndBlankLines() throws {
        #expect(try lines(["x\n\ny\r\n  \nz\n"]) == ["x", "y\r", "z"])
    }

    @Test func testAppend_byteAtATime() throws {
        let text = "{\"type\":\"ADDED\"}\n{\"type\":\"DELETED\"}\n"
        #expect(try lines(text.map { String($0) }) == ["{\"type\":\"ADDED\"}", "{\"type\":\"DELETED\"}"])
    }

    @Test func testFinish_returnsUnterminatedLastLine() throws {
        #expect(try lines(["a\nb"]) == ["a", "b"])
    }

    @Test func testAppend_oversizedLineFailsEvenWithoutNewline() throws {
        #expect(throws: KubeAPIError(code: .responseTooLarge, message: "")) {
            try lines([String(repeating: "x", count: 600), String(repeating: "y", count: 600)], limit: 1000)
        }
        #expect(throws: KubeAPIError(code: .responseTooLarge, message: "")) {
            try lines([String(repeating: "x", count: 1001) + "\n"], limit: 1000)
        }
        #expect(try lines([String(repeating: "x", count: 1000) + "\n"], limit: 1000).count == 1)
    }
}

struct WatchEventStreamTests {
    private func events(_ chunks: [String], limit: Int = 1 << 20) -> WatchEventStream {
        WatchEventStream(
            body: KubeByteStream(chunks: chunks.map { Array($0.utf8) }), maximumLineBytes: limit, context: "watch test")
    }

    @Test func testNext_decodesEventsAcrossChunks() async throws {
        let stream = events([
            #"{"type":"ADDED","object":{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"5"}}}"#
                + "\n" + #"{"type":"MODI"#,
            #"FIED","object":{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"6"}}}"# + "\n",
            #"{"type":"BOOKMARK","object":{"kind":"ConfigMap","metadata":{"resourceVersion":"9"}}}"# + "\n",
            #"{"type":"DELETED","object":{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"10"}}}"#,
        ])
        var seen: [(WatchEvent.EventType, String)] = []
        for try await event in stream { seen.append((event.type, event.object.resourceVersion)) }
        #expect(seen.map(\.0) == [.added, .modified, .bookmark, .deleted])
        #expect(seen.map(\.1) == ["5", "6", "9", "10"])
    }

    @Test func testNext_errorEventWith410ThrowsGone() async throws {
        let stream = events([
            #"{"type":"ADDED","object":{"metadata":{"name":"a"}}}"# + "\n",
            #"{"type":"ERROR","object":{"kind":"Status","status":"Failure","reason":"Expired","code":410,"message":"too old resource version: 1 (5)"}}"#
                + "\n",
            #"{"type":"ADDED","object":{"metadata":{"name":"never"}}}"# + "\n",
        ])
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next()?.object.name == "a")
        await #expect(throws: KubeAPIError(code: .gone, message: "")) { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)
    }

    @Test func testNext_garbageLineThrowsDecoding() async {
        await #expect(throws: KubeAPIError(code: .decoding, message: "")) {
            for try await _ in events(["not json\n"]) {}
        }
        await #expect(throws: KubeAPIError(code: .decoding, message: "")) {
            for try await _ in events(["{\"type\":\"ADDED\"}\n"]) {}
        }
    }

    @Test func testNext_oversizedLineThrows() async {
        await #expect(throws: KubeAPIError(code: .responseTooLarge, message: "")) {
            for try await _ in events([String(repeating: "x", count: 2000)], limit: 1000) {}
        }
    }
}
