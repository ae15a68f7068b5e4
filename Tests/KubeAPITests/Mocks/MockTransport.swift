import Synchronization

@testable import KubeAPI

/// A transport that answers from a script of canned responses and records every request, for client tests that
/// need exact control over statuses and headers. Contract tests use the real transport against KubeTestServer.
final class MockTransport: KubeTransport {
    enum Reply: Sendable {
        case response(KubeResponse)
        case stream(status: Int, chunks: [[UInt8]])
        case failure(KubeAPIError)
    }

    private struct State {
        var replies: [Reply]
        var requests: [KubeRequest] = []
    }
    private let state: Mutex<State>

    init(_ replies: [Reply]) { state = Mutex(State(replies: replies)) }

    var requests: [KubeRequest] { state.withLock { $0.requests } }

    private func next(_ request: KubeRequest) throws -> Reply {
        try state.withLock { state in
            state.requests.append(request)
            guard !state.replies.isEmpty else {
                throw KubeAPIError(code: .transport, message: "mock: no reply scripted for \(request.summary)")
            }
            return state.replies.removeFirst()
        }
    }

    func send(_ request: KubeRequest, timeout: Duration, maximumBodyBytes: Int) async throws -> KubeResponse {
        switch try next(request) {
        case .response(let r): return r
        case .stream(let status, let chunks): return KubeResponse(status: status, body: chunks.flatMap { $0 })
        case .failure(let e): throw e
        }
    }

    func stream(_ request: KubeRequest, timeout: Duration) async throws -> KubeStreamingResponse {
        switch try next(request) {
        case .response(let r):
            return KubeStreamingResponse(status: r.status, headers: r.headers, body: KubeByteStream(chunks: [r.body]))
        case .stream(let status, let chunks):
            return KubeStreamingResponse(status: status, body: KubeByteStream(chunks: chunks))
        case .failure(let e): throw e
        }
    }

    func shutdown() async throws {}
}

extension MockTransport.Reply {
    /// A JSON response.
    static func json(_ status: Int, _ body: JSONValue, headers: [(name: String, value: String)] = []) -> Self {
        .response(KubeResponse(status: status, headers: headers, body: body.serialized()))
    }

    /// A Kubernetes Status failure response.
    static func status(_ code: Int, reason: String, message: String = "", headers: [(name: String, value: String)] = [])
        -> Self
    {
        .json(
            code,
            [
                "kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": .string(reason),
                "message": .string(message), "code": .int(Int64(code)),
            ],
            headers: headers)
    }
}
