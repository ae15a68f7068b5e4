/// Runs `operation`, failing with ``KubeAPIError/Code/timeout`` if it has not finished within `timeout` of real
/// time. The operation is cancelled when the time is up.
///
/// Only the network layer uses this: its limits are real time by nature, as NIO's deadlines are.
func withRealTimeout<T: Sendable>(
    _ timeout: Duration, context: @autoclosure () -> String, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: timeout, clock: .continuous)
            return nil
        }
        defer { group.cancelAll() }
        return try await group.next() ?? nil
    }
    guard let outcome else { throw KubeAPIError.timeout(context(), after: timeout) }
    return outcome
}
