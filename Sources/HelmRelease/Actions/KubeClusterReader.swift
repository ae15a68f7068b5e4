import Dispatch
import Foundation
import GoTemplate
import HelmEngine
import KubeAPI
import Synchronization

/// Helm's `lookup` against the live cluster, for install, upgrade and server-side dry runs.
///
/// Templates execute synchronously while the client is async, so each lookup blocks the rendering thread until its
/// call completes. That is only safe off Swift's cooperative pool (a blocked pool thread could be the one the call
/// needs): renders that use this reader run on their own thread through ``renderOffPool(_:)``.
struct KubeClusterReader: ClusterReader {
    var client: KubeClient

    func lookup(apiVersion: String, kind: String, namespace: String, name: String) throws -> Value {
        let gvk = GroupVersionKind(apiVersion: apiVersion, kind: kind)
        let json: JSONValue = try Self.blocking { [client] in
            let mapping: ResourceMapping
            do {
                mapping = try await client.resourceMapping(for: gvk)
            } catch {
                throw LookupError(
                    message: "unable to get apiresource from unstructured: \(gvk): \(error)")
            }
            // A cluster-scoped kind ignores the namespace argument, as Helm's lookup does.
            let scope = mapping.namespaced ? namespace : ""
            do {
                if !name.isEmpty {
                    return try await client.get(gvk, ObjectKey(namespace: scope, name: name)).json
                }
                let list = try await client.listAll(gvk, namespace: scope.isEmpty ? nil : scope)
                return [
                    "apiVersion": .string(gvk.apiVersion), "kind": .string(kind + "List"),
                    "metadata": ["resourceVersion": .string(list.resourceVersion)],
                    "items": .array(list.items.map(\.json)),
                ]
            } catch let error as KubeAPIError where error.code == .notFound {
                // Helm returns an empty map for a missing object.
                return .object([:])
            }
        }
        // Helm hands templates the object as encoding/json decodes it: float64 numbers, interface maps.
        return try GoJSON.decode(json.serializedString())
    }

    /// Runs `operation` to completion and returns its result, blocking the calling (non-pool) thread.
    private static func blocking<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        // A bridge from synchronous template code, not background work: the caller waits for it right here.
        Task {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await operation()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}

/// A lookup failure; its text becomes the template error, as Helm's does.
struct LookupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Runs a synchronous render on a thread of its own (8 MiB stack, like a Go goroutine's room to grow is not
/// available), so a blocking ``KubeClusterReader`` never parks a cooperative-pool thread.
func renderOffPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
