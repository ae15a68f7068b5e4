import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import Synchronization

/// Binding, restarting and stopping the listener.
extension KubeTestServer {
    /// Runs listeners until shutdown: one Hummingbird application per generation, each in its own service group,
    /// re-bound on the same port after ``restart()``.
    func runListener() async throws {
        var port = 0
        defer {
            state.withLock {
                $0.failWaiters(KubeTestServerError(code: .notRunning, message: "the KubeTestServer has stopped"))
            }
        }
        while true {
            let application = try makeApplication(port: port)
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(services: [application], logger: configuration.logger))
            let stop = state.withLock { state -> Bool in
                state.group = group
                return state.stopRequested
            }
            if stop { return }
            do {
                try await group.run()
            } catch {
                let stopping = state.withLock { $0.stopRequested }
                if stopping { return }
                let failure = KubeTestServerError(
                    code: .bindFailed, message: "could not listen on 127.0.0.1:\(port)", cause: error)
                state.withLock { $0.failWaiters(failure) }
                throw failure
            }
            let again = state.withLock { state -> Bool in
                state.group = nil
                guard state.restartRequested, !state.stopRequested else { return false }
                state.restartRequested = false
                return true
            }
            if !again { return }
            port = state.withLock { $0.port ?? 0 }
        }
    }

    private func makeApplication(port: Int) throws -> some ApplicationProtocol {
        let responder = KubeResponder(server: self)
        let serverBuilder: HTTPServerBuilder
        if let certificates {
            var tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: [
                    .certificate(
                        try NIOSSLCertificate(bytes: Array(certificates.serverCertificatePEM.utf8), format: .pem))
                ],
                privateKey: .privateKey(
                    try NIOSSLPrivateKey(bytes: Array(certificates.serverKeyPEM.utf8), format: .pem)))
            if configuration.tls.requiresClientCertificate {
                tls.certificateVerification = .noHostnameVerification
                tls.trustRoots = .certificates([
                    try NIOSSLCertificate(bytes: Array(certificates.caCertificatePEM.utf8), format: .pem)
                ])
            }
            serverBuilder = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            serverBuilder = .http1()
        }
        return Application(
            responder: responder,
            server: serverBuilder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), reuseAddress: true),
            onServerRunning: { [self] channel in
                state.withLock { state in
                    state.port = channel.localAddress?.port ?? port
                    state.generation += 1
                    state.resumeWaiters()
                }
            },
            logger: configuration.logger
        )
    }

    /// Waits until the listener has come up `generation` times.
    func waitUntilListening(generation: Int) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            state.withLock { state in
                if state.generation >= generation {
                    continuation.resume()
                } else {
                    state.waiters.append((generation, continuation))
                }
            }
        }
    }

    /// Stops the listener for good: ends watches, then shuts the service group down gracefully.
    func shutdown() async {
        let group = state.withLock { state -> ServiceGroup? in
            state.stopRequested = true
            state.hub.cutAll()
            return state.group
        }
        await group?.triggerGracefulShutdown()
    }

    /// Writes the kubeconfig for the bound port.
    func writeKubeconfig() throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Kubeconfig.render(for: self).write(toFile: kubeconfigPath, atomically: true, encoding: .utf8)
        } catch {
            throw KubeTestServerError(
                code: .kubeconfigWrite, message: "could not write the kubeconfig to \(kubeconfigPath)", cause: error)
        }
    }

    /// Removes the kubeconfig directory.
    func removeFiles() {
        try? FileManager.default.removeItem(at: directory)
    }
}
