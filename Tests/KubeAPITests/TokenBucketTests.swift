import Testing

@testable import KubeAPI

struct TokenBucketTests {
    @Test func testReserve_burstThenQPS() {
        var bucket = TokenBucket(qps: 10, burst: 3)
        // The full bucket lets the burst through at once.
        #expect((0..<3).map { _ in bucket.reserve(now: .zero) } == [.zero, .zero, .zero])
        // Then each request waits one more tenth of a second than the previous one.
        #expect(bucket.reserve(now: .zero) == .milliseconds(100))
        #expect(bucket.reserve(now: .zero) == .milliseconds(200))
    }

    @Test func testReserve_refillsOverTimeUpToBurst() {
        var bucket = TokenBucket(qps: 2, burst: 2)
        _ = bucket.reserve(now: .zero)
        _ = bucket.reserve(now: .zero)
        #expect(bucket.reserve(now: .milliseconds(500)) == .zero)  // one token came back after 0.5 s
        #expect(bucket.reserve(now: .milliseconds(500)) == .milliseconds(500))
        // A long quiet period refills only up to the burst.
        var rested = TokenBucket(qps: 2, burst: 2)
        #expect((0..<3).map { _ in rested.reserve(now: .seconds(100)) } == [.zero, .zero, .milliseconds(500)])
    }

    @Test func testRateLimiter_sleepsOnTheInjectedClock() async throws {
        let clock = TestClock()
        let limiter = RateLimiter(qps: 5, burst: 1, clock: ClockBox(clock))
        for _ in 0..<3 { try await limiter.acquire() }
        // The first call used the burst; the next two each waited for a token (200 ms apart at 5 QPS).
        #expect(clock.sleeps == [.milliseconds(200), .milliseconds(200)])
    }
}
