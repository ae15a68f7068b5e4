import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

// One GET with the repository's credentials and TLS settings, a byte cap, and errors mapped to RepoError.

struct HTTPResult {
    var status: Int
    var headers: HTTPHeaders
}

extension RepositoryClient {
    /// Sends a GET and streams the body to `consume` (at most `limit` bytes, checked before each chunk).
    ///
    /// Non-2xx answers other than 304 throw, naming `url`; the body of such an answer is not read.
    func get(
        _ url: String,
        repository: Repository,
        headers extraHeaders: [(String, String)] = [],
        limit: Int,
        consume: (ByteBuffer, _ receivedSoFar: Int, _ expected: Int?) throws(RepoError) -> Void
    ) async throws(RepoError) -> HTTPResult {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: "fluxhelm")
        for (name, value) in extraHeaders { request.headers.add(name: name, value: value) }
        if let username = repository.username, let password = repository.password,
            mayReceiveCredentials(
                url,
                repository: repository
            )
        {
            let token = Data("\(username):\(password)".utf8).base64EncodedString()
            request.headers.add(name: "Authorization", value: "Basic \(token)")
        }
        if url.lowercased().hasPrefix("https:") { request.tlsConfiguration = try tlsConfiguration(for: repository) }

        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(
                request,
                deadline: .now() + TimeAmount(configuration.requestTimeout),
                logger: logger
            )
        } catch {
            throw mapTransportError(error, url: url)
        }
        let status = Int(response.status.code)
        if status == 304 { return HTTPResult(status: status, headers: response.headers) }
        guard (200..<300).contains(status) else {
            throw .http(status: status, reason: response.status.reasonPhrase, url: url)
        }
        let expected = response.headers.first(name: "Content-Length").flatMap(Int.init)
        if let expected, expected > limit { throw .tooLarge(url, limit: limit) }
        var received = 0
        do {
            for try await chunk in response.body {
                received += chunk.readableBytes
                if received > limit { throw RepoError.tooLarge(url, limit: limit) }
                try consume(chunk, received, expected)
            }
        } catch let error as RepoError {
            throw error
        } catch {
            throw mapTransportError(error, url: url)
        }
        return HTTPResult(status: status, headers: response.headers)
    }

    /// GETs a whole body into memory (for `index.yaml`).
    func getBody(
        _ url: String,
        repository: Repository,
        headers: [(String, String)] = [],
        limit: Int
    ) async throws(RepoError) -> (HTTPResult, ByteBuffer) {
        var body = ByteBuffer()
        let result = try await get(url, repository: repository, headers: headers, limit: limit) { chunk, _, _ in
            var chunk = chunk
            body.writeBuffer(&chunk)
        }
        return (result, body)
    }

    /// Helm sends credentials only to the repository's own scheme, host and port unless told otherwise.
    func mayReceiveCredentials(_ url: String, repository: Repository) -> Bool {
        if repository.passCredentialsToAllHosts { return true }
        guard let target = URLResolution.origin(url), let home = URLResolution.origin(repository.url) else {
            return false
        }
        return target == home
    }

    func tlsConfiguration(for repository: Repository) throws(RepoError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if let ca = repository.caCertificatesPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            }
            if let certificate = repository.clientCertificatePEM {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(certificate).map { .certificate($0) }
                guard let key = repository.clientKeyPEM else {
                    throw RepoError.tls("a client certificate needs a client key for \(repository.url)")
                }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            }
        } catch let error as RepoError {
            throw error
        } catch {
            throw .tls("cannot load certificates or key for \(repository.url): \(error)", cause: error)
        }
        if repository.insecureSkipTLSVerify { tls.certificateVerification = .none }
        return tls
    }

    func mapTransportError(_ error: any Error, url: String) -> RepoError {
        if let error = error as? RepoError { return error }
        if let http = error as? HTTPClientError {
            switch http {
            case .readTimeout, .connectTimeout, .deadlineExceeded, .writeTimeout:
                return .timeout(url, http)
            case .redirectLimitReached, .redirectCycleDetected:
                return RepoError(code: .httpStatus, message: "too many redirects fetching \(url)", location: url)
            default:
                return .unreachable(url, http)
            }
        }
        if error is CancellationError {
            return RepoError(code: .unreachable, message: "fetching \(url) was cancelled", location: url)
        }
        // A socket error reads as Go's net package words it (`connect: connection refused`), not NIO's description.
        if let io = error as? IOError {
            let reason = String(cString: strerror(io.errnoCode)).lowercased()
            return .unreachable(url, SendableDescription(text: "connect: " + reason))
        }
        return .unreachable(url, SendableDescription(error))
    }
}
