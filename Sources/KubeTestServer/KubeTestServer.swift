import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// An in-process Kubernetes API server for tests.
///
/// It serves the kube REST API over HTTP/1.1 (optionally TLS and a bearer token) on `127.0.0.1` with a port the
/// system picks, from an in-memory store with kube's semantics for what fluxhelm depends on: discovery, CRUD,
/// status subresources, patches, server-side apply, finalizers, selectors, pagination, watches with bounded
/// history and 410 Gone, and CRDs. Test hooks inject faults, latency, cut watches, restart the listener and compact
/// the history. See Docs.docc for the exact behaviour and the documented simplifications.
///
/// ```swift
/// try await KubeTestServer.withServer { server in
///     let kubeconfig = server.kubeconfigPath       // point a client at it
///     server.failNextRequests(2, status: 503)      // the next two requests fail
///     // ... run the code under test ...
///     #expect(server.requestCount >= 3)
/// }
/// ```
public final class KubeTestServer: Sendable {
    /// The settings the server runs with.
    public let configuration: Configuration
    /// Everything mutable; one lock so a write and the watch events it causes are one step.
    let state: Mutex<ServerState>
    /// The generated certificates when TLS is on.
    let certificates: TestCertificates?
    /// Directory holding the kubeconfig; removed at shutdown.
    let directory: URL

    init(configuration: Configuration) throws(KubeTestServerError) {
        self.configuration = configuration
        self.state = Mutex(ServerState(store: ObjectStore(historyLimit: configuration.watchHistoryLimit)))
        if configuration.tls.isEnabled {
            do {
                certificates = try TestCertificates.generate()
            } catch {
                throw KubeTestServerError(
                    code: .certificateGeneration, message: "could not generate the test CA and certificates",
                    cause: error)
            }
        } else {
            certificates = nil
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubetestserver-\(UUID().uuidString.lowercased())", isDirectory: true)
    }

    /// Starts a server on 127.0.0.1 (port chosen by the system), runs `body`, and always shuts the server down.
    ///
    /// The server runs as a swift-service-lifecycle service in a child task of the caller's task; `body` gets
    /// the server once it is listening and its kubeconfig is written.
    ///
    /// - Parameters:
    ///   - configuration: server settings; defaults to plain HTTP, no auth.
    ///   - body: the test; its result is returned.
    /// - Throws: ``KubeTestServerError`` when the server cannot start, or whatever `body` throws.
    public static func withServer<T: Sendable>(
        configuration: Configuration = .init(),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (KubeTestServer) async throws -> T
    ) async throws -> T {
        let server = try KubeTestServer(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { try await server.runListener() }
            do {
                try await server.waitUntilListening(generation: 1)
                try server.writeKubeconfig()
                let result = try await body(server)
                await server.shutdown()
                try await group.waitForAll()
                server.removeFiles()
                return result
            } catch {
                await server.shutdown()
                try? await group.waitForAll()
                server.removeFiles()
                throw error
            }
        }
    }

    // MARK: Addresses

    /// The bound port (kept across ``restart()``).
    public var port: Int {
        state.withLock { $0.port ?? 0 }
    }

    /// `http://127.0.0.1:PORT`, or `https://` when TLS is on.
    public var baseURL: String {
        "\(configuration.tls.isEnabled ? "https" : "http")://127.0.0.1:\(port)"
    }

    /// A kubeconfig file for this server: cluster, user and context all named `kubetestserver` (the current
    /// context, namespace `default`), with the CA, token and client certificate as configured.
    public var kubeconfigPath: String {
        directory.appendingPathComponent("kubeconfig").path
    }

    /// The PEM of the CA that signed the server (and client) certificates, when TLS is on.
    public var caCertificatePEM: String? {
        certificates?.caCertificatePEM
    }

    /// A client certificate and key (PEM) the server accepts, when the TLS mode is ``TLSMode/mutual``.
    public func clientCertificate() -> (certPEM: String, keyPEM: String)? {
        guard configuration.tls.requiresClientCertificate, let certificates else { return nil }
        return (certificates.clientCertificatePEM, certificates.clientKeyPEM)
    }

    // MARK: Fault injection and inspection

    /// Makes the next `count` requests that match `matching` fail with `status` and a kube `Status` body.
    ///
    /// - Parameters:
    ///   - count: how many requests fail; faults queue up behind earlier ones.
    ///   - status: the HTTP status and Status `code` (e.g. 429, 500, 503).
    ///   - reason: the Status `reason`; empty (the default) picks kube's reason for `status` (`TooManyRequests`,
    ///     `InternalError`, `ServiceUnavailable`, ...).
    ///   - matching: which requests count; default every request.
    public func failNextRequests(_ count: Int, status: Int, reason: String = "", matching: RequestMatcher = .any) {
        guard count > 0 else { return }
        state.withLock {
            $0.faults.append(Fault(remaining: count, status: status, reason: reason, matcher: matching))
        }
    }

    /// Delays every response by `latency` (nil removes the delay).
    public func setLatency(_ latency: Duration?) {
        state.withLock { $0.latency = latency }
    }

    /// Ends every open watch response; clients see the stream end (EOF) and must re-watch.
    public func cutWatches() {
        state.withLock { $0.hub.cutAll() }
    }

    /// Sends a BOOKMARK at the current resourceVersion to every open watch that allows bookmarks, now.
    public func sendBookmarks() {
        state.withLock { $0.hub.bookmarkAll($0.store.resourceVersion) }
    }

    /// Drops the watch history (like an etcd compaction): watching from any earlier resourceVersion, or continuing
    /// an earlier list, gets 410 Expired.
    public func compact() {
        state.withLock { $0.store.compact() }
    }

    /// How many HTTP requests arrived so far (including those failed by injected faults or auth).
    public var requestCount: Int {
        state.withLock { $0.requestCount }
    }

    /// How many watches are open now.
    public var openWatchCount: Int {
        state.withLock { $0.hub.count }
    }

    /// The latest resourceVersion handed out.
    public var resourceVersion: String {
        String(state.withLock { $0.store.resourceVersion })
    }

    /// While `hold` is true, CRDs created are accepted (`NamesAccepted` True) but not `Established` (False,
    /// reason `Installing`) and their kinds are not served, like a cluster still installing them. Turning the hold
    /// off leaves those CRDs pending; ``establishCRDs()`` establishes them.
    public func holdCRDEstablishment(_ hold: Bool) {
        state.withLock { $0.store.holdsCRDEstablishment = hold }
    }

    /// Establishes every CRD created while establishment was held: `Established` becomes True (watches see a
    /// MODIFIED event) and its kinds are served.
    public func establishCRDs() {
        state.withLock { state in
            state.store.establishHeldCRDs()
            state.hub.dispatch(state.store.drainEvents())
        }
    }

    /// Stops the listener, dropping every connection and watch, and listens again on the same port. Data is kept.
    ///
    /// - Throws: ``KubeTestServerError`` with code ``KubeTestServerError/Code/bindFailed`` when the port cannot
    ///   be bound again.
    public func restart() async throws {
        let (group, target) = state.withLock { state -> (ServiceGroup?, Int) in
            state.restartRequested = true
            state.hub.cutAll()
            return (state.group, state.generation + 1)
        }
        await group?.triggerGracefulShutdown()
        try await waitUntilListening(generation: target)
    }
}
