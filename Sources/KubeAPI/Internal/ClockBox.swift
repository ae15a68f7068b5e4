/// A type-erased `Clock<Duration>`: elapsed time since creation plus sleeping, so non-generic types can take an
/// injected clock (tests pass a manual clock; production uses `ContinuousClock`). Shared with the release waiter.
package struct ClockBox: Sendable {
    /// Time elapsed since the box was made, on the wrapped clock.
    package let elapsed: @Sendable () -> Duration
    /// Sleeps on the wrapped clock; throws `CancellationError` when cancelled.
    package let sleep: @Sendable (Duration) async throws -> Void

    package init(_ clock: some Clock<Duration>) {
        let origin = clock.now
        elapsed = { origin.duration(to: clock.now) }
        sleep = { duration in try await clock.sleep(for: duration) }
    }
}
