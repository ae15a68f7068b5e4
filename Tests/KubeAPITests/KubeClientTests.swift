import Testing

@testable import KubeAPI

/// Client behaviour that needs exact control of responses: retries, Retry-After, request shapes. The same
/// operations run against a real API server in the contract suite.
struct KubeClientTests {
    private func client(_ transport: MockTransport, clock: TestClock = TestClock(), retries: Int = 4) -> KubeClient {
        let configuration = KubeClient.Configuration(
            retryPolicy: RetryPolicy(maximumRetries: retries, jitter: 0), clock: clock)
        return KubeClient(
            config: KubeConfig(server: "https://h", token: "secret"), configuration: configuration,
            transport: transport)
    }

    private let configMap: JSONValue = [
        "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a", "namespace": "ns", "resourceVersion": "3"],
    ]

    @Test func testGet_retries503WithBackoffThenSucceeds() async throws {
        let transport = MockTransport([
            .json(200, coreV1Discovery), .status(503, reason: "ServiceUnavailable"),
            .status(503, reason: "ServiceUnavailable"), .json(200, configMap),
        ])
        let clock = TestClock()
        let object = try await client(transport, clock: clock).get(.configMap, ObjectKey(namespace: "ns", name: "a"))
        #expect(object.name == "a")
        #expect(transport.requests.count == 4)
        #expect(clock.sleeps == [.milliseconds(100), .milliseconds(200)])
        let get = try #require(transport.requests.last)
        #expect(get.url == "https://h/api/v1/namespaces/ns/configmaps/a")
        #expect(get.headers.contains { $0.name == "Authorization" && $0.value == "Bearer secret" })
    }

    @Test func testCreate_doesNotRetry503() async throws {
        let transport = MockTransport([.json(200, coreV1Discovery), .status(503, reason: "ServiceUnavailable")])
        await #expect(throws: KubeAPIError(code: .serverError, message: "")) {
            _ = try await client(transport).create(KubeObject(configMap))
        }
        #expect(transport.requests.count == 2)
    }

    @Test func testCreate_retries429HonouringRetryAfter() async throws {
        let transport = MockTransport([
            .json(200, coreV1Discovery), .status(429, reason: "TooManyRequests", headers: [("Retry-After", "3")]),
            .json(201, configMap),
        ])
        let clock = TestClock()
        let created = try await client(transport, clock: clock).create(KubeObject(configMap))
        #expect(created.resourceVersion == "3")
        #expect(clock.sleeps == [.seconds(3)])
        let post = try #require(transport.requests.last)
        #expect(post.method == "POST")
        #expect(post.url == "https://h/api/v1/namespaces/ns/configmaps")
        #expect(try JSONValue(parsing: post.body ?? []) == configMap)
    }

    @Test func testGet_givesUpAfterMaximumRetries() async throws {
        let transport = MockTransport(
            [.json(200, coreV1Discovery)] + Array(repeating: .status(500, reason: "InternalError"), count: 3))
        await #expect(throws: KubeAPIError(code: .serverError, message: "")) {
            _ = try await client(transport, retries: 2).get(.configMap, ObjectKey(namespace: "ns", name: "a"))
        }
        #expect(transport.requests.count == 4)  // discovery + first attempt + 2 retries
    }

    @Test func testGet_refusedConnectionRetriedForEveryVerb() async throws {
        var refused = KubeAPIError(code: .transport, message: "refused")
        refused.isConnectionRefused = true
        let transport = MockTransport([.json(200, coreV1Discovery), .failure(refused), .json(200, configMap)])
        _ = try await client(transport).update(KubeObject(configMap))
        #expect(transport.requests.map(\.method) == ["GET", "PUT", "PUT"])
    }

    @Test func testGet_timeoutBudgetStopsRetries() async throws {
        let transport = MockTransport([
            .json(200, coreV1Discovery), .status(429, reason: "TooManyRequests", headers: [("Retry-After", "20")]),
        ])
        await #expect(throws: KubeAPIError(code: .tooManyRequests, message: "")) {
            _ = try await client(transport).get(.configMap, ObjectKey(namespace: "ns", name: "a"), timeout: .seconds(5))
        }
        #expect(transport.requests.count == 2)
    }

    @Test func testResourceMapping_unknownKindRefreshesOnceThenFails() async throws {
        let crdGroup: JSONValue = [
            "kind": "APIResourceList", "groupVersion": "example.com/v1",
            "resources": [["name": "widgets", "namespaced": true, "kind": "Widget", "verbs": ["get"]]],
        ]
        let transport = MockTransport([.json(200, crdGroup), .json(200, crdGroup)])
        let c = client(transport)
        let widget = GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")
        #expect(try await c.resourceMapping(for: widget).resource == "widgets")
        #expect(try await c.resourceMapping(for: widget).resource == "widgets")  // cached: no request
        #expect(transport.requests.count == 1)
        await #expect(throws: KubeAPIError(code: .noKindMatch, message: "")) {
            _ = try await c.resourceMapping(for: GroupVersionKind(group: "example.com", version: "v1", kind: "Gadget"))
        }
        #expect(transport.requests.map(\.url) == ["https://h/apis/example.com/v1", "https://h/apis/example.com/v1"])
    }

    @Test func testDelete_sendsOptionsAndReadsFinalizedObject() async throws {
        var terminating = configMap
        terminating["metadata", "deletionTimestamp"] = "2026-01-01T00:00:00Z"
        terminating["metadata", "finalizers"] = ["example.com/hold"]
        let transport = MockTransport([
            .json(200, coreV1Discovery), .json(200, terminating),
            .json(200, ["kind": "Status", "apiVersion": "v1", "status": "Success"]),
        ])
        let c = client(transport)
        let options = DeleteOptions(propagationPolicy: .foreground, preconditionResourceVersion: "3")
        let held = try await c.delete(.configMap, ObjectKey(namespace: "ns", name: "a"), options: options)
        #expect(held?.finalizers == ["example.com/hold"])
        let body = try JSONValue(parsing: transport.requests[1].body ?? [])
        #expect(body["propagationPolicy"] == "Foreground")
        #expect(body["preconditions", "resourceVersion"] == "3")
        #expect(try await c.delete(.configMap, ObjectKey(namespace: "ns", name: "a")) == nil)
    }

    @Test func testApply_sendsFieldManagerForceAndContentType() async throws {
        let transport = MockTransport([.json(200, coreV1Discovery), .json(200, configMap)])
        _ = try await client(transport).apply(KubeObject(configMap), fieldManager: "fluxhelm", force: true)
        let request = try #require(transport.requests.last)
        #expect(request.method == "PATCH")
        #expect(request.url == "https://h/api/v1/namespaces/ns/configmaps/a?fieldManager=fluxhelm&force=true")
        #expect(request.headers.contains { $0.name == "Content-Type" && $0.value == "application/apply-patch+yaml" })
    }

    @Test func testWatch_startFailureWith410IsGone() async throws {
        let transport = MockTransport([.json(200, coreV1Discovery), .status(410, reason: "Expired")])
        await #expect(throws: KubeAPIError(code: .gone, message: "")) {
            _ = try await client(transport).watch(
                .configMap, namespace: "ns", options: WatchOptions(resourceVersion: "1"))
        }
    }

    @Test func testList_itemsGetKindFromList() async throws {
        let list: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMapList", "metadata": ["resourceVersion": "77", "continue": "next"],
            "items": [["metadata": ["name": "a"]]],
        ]
        let transport = MockTransport([.json(200, coreV1Discovery), .json(200, list)])
        let page = try await client(transport).list(.configMap, namespace: "ns", options: ListOptions(limit: 1))
        #expect(page.items.first?.kind == "ConfigMap")
        #expect(page.items.first?.apiVersion == "v1")
        #expect(page.resourceVersion == "77")
        #expect(page.continueToken == "next")
    }
}
