import KubeAPI
import KubeTestServer
import Testing

/// Fault injection through KubeTestServer's controls; these run only on the test server.
@Suite(.enabled(if: ContractBackend.usesTestServer, "fault injection needs KubeTestServer"), .timeLimit(.minutes(1)))
struct ContractFaultTests {
    private static func withClient(
        configuration: KubeTestServer.Configuration = .init(),
        clientConfiguration: KubeClient.Configuration = KubeClient.Configuration(
            timeout: .seconds(10),
            retryPolicy: RetryPolicy(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(50))),
        _ body: @Sendable (KubeTestServer, KubeClient) async throws -> Void
    ) async throws {
        try await KubeTestServer.withServer(configuration: configuration) { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            try await withKubeClient(config: config, configuration: clientConfiguration) { client in
                // Warm the REST mapping so request counts below cover only the call under test.
                _ = try await client.resourceMapping(for: .configMap)
                _ = try await client.create(.configMap("default", "target", data: ["k": "v"]))
                try await body(server, client)
            }
        }
    }

    @Test func testGet_retriesInjected503() async throws {
        try await Self.withClient { server, client in
            let before = server.requestCount
            server.failNextRequests(2, status: 503, reason: "ServiceUnavailable", matching: .any)
            let object = try await client.get(.configMap, ObjectKey(namespace: "default", name: "target"))
            #expect(object["data", "k"] == "v")
            #expect(server.requestCount - before == 3)
        }
    }

    @Test func testGet_retriesInjected429() async throws {
        try await Self.withClient { server, client in
            let before = server.requestCount
            server.failNextRequests(1, status: 429, reason: "TooManyRequests", matching: .method("GET"))
            _ = try await client.get(.configMap, ObjectKey(namespace: "default", name: "target"))
            #expect(server.requestCount - before == 2)
        }
    }

    @Test func testCreate_doesNotRetryInjected503() async throws {
        try await Self.withClient { server, client in
            let before = server.requestCount
            server.failNextRequests(1, status: 503, reason: "ServiceUnavailable", matching: .method("POST"))
            await #expect(throws: KubeAPIError(code: .serverError, message: "")) {
                _ = try await client.create(.configMap("default", "not-replayed"))
            }
            #expect(server.requestCount - before == 1)
            await #expect(throws: KubeAPIError(code: .notFound, message: "")) {
                _ = try await client.get(.configMap, ObjectKey(namespace: "default", name: "not-replayed"))
            }
        }
    }

    @Test func testGet_givesUpWhenFaultsOutlastRetries() async throws {
        try await Self.withClient { server, client in
            server.failNextRequests(20, status: 500, reason: "InternalError", matching: .pathPrefix("/api"))
            do {
                _ = try await client.get(.configMap, ObjectKey(namespace: "default", name: "target"))
                Issue.record("expected a server error")
            } catch let error as KubeAPIError {
                #expect(error.code == .serverError)
                #expect(error.statusCode == 500)
                #expect(error.message.contains("get ConfigMap default/target"))
            }
        }
    }

    @Test func testGet_latencyBeyondTimeoutFailsWithTimeout() async throws {
        try await Self.withClient { server, client in
            server.setLatency(.seconds(3))
            do {
                _ = try await client.get(
                    .configMap, ObjectKey(namespace: "default", name: "target"), timeout: .milliseconds(300))
                Issue.record("expected a timeout")
            } catch let error as KubeAPIError {
                #expect(error.code == .timeout)
                #expect(error.message.contains("/api/v1/namespaces/default/configmaps/target"))
            }
            server.setLatency(nil)
            _ = try await client.get(.configMap, ObjectKey(namespace: "default", name: "target"))
        }
    }

    @Test func testWatch_cutWatchesEndsTheSequenceCleanly() async throws {
        try await Self.withClient { server, client in
            let start = try await client.list(.configMap, namespace: "default")
            var events = try await client.watch(
                .configMap, namespace: "default",
                options: WatchOptions(resourceVersion: start.resourceVersion, allowBookmarks: false)
            ).makeAsyncIterator()
            _ = try await client.create(.configMap("default", "before-cut"))
            #expect(try await nextEvent(&events).object.name == "before-cut")
            server.cutWatches()
            do {
                while let event = try await events.next() {
                    #expect(event.type != .error)
                }
            } catch let error as KubeAPIError {
                // A cut may surface as a clean end or as a transport error, never as anything else.
                #expect(error.code == .transport)
            }
            // A new watch from the last seen version continues where the old one stopped.
            var resumed = try await client.watch(
                .configMap, namespace: "default", options: WatchOptions(resourceVersion: start.resourceVersion)
            ).makeAsyncIterator()
            #expect(try await nextEvent(&resumed).object.name == "before-cut")
        }
    }

    @Test func testRestart_clientReconnects() async throws {
        try await Self.withClient { server, client in
            _ = try await client.get(.configMap, ObjectKey(namespace: "default", name: "target"))
            try await server.restart()
            let object = try await client.get(.configMap, ObjectKey(namespace: "default", name: "target"))
            #expect(object["data", "k"] == "v")
        }
    }
}
