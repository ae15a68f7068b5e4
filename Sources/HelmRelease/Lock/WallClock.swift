public import HelmEngine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A source of wall-clock time; locks and records need timestamps that other processes understand.
///
/// Inject it so tests can move time by hand; logic never reads the system clock itself.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> GoTime
}

/// The system's real-time clock (`CLOCK_REALTIME`), in UTC.
public struct SystemWallClock: WallClock {
    /// Creates the clock.
    public init() {}

    /// The current time, with nanoseconds.
    public func now() -> GoTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return GoTime(unix: Int64(spec.tv_sec), nanosecond: Int(spec.tv_nsec))
    }
}
