import Testing

@testable import KubeAPI

struct RetryPolicyTests {
    @Test func testDelay_withoutJitterDoublesUpToTheCap() {
        let policy = RetryPolicy(initialDelay: .milliseconds(100), maximumDelay: .seconds(1), jitter: 0)
        let delays = (0..<7).map { policy.delay(beforeRetry: $0) }
        #expect(
            delays == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
                .seconds(1),
                .seconds(1),
            ])
    }

    @Test func testDelay_jitterAddsUpToTheFraction() {
        let high = RetryPolicy(jitter: 0.5, random: { 0.999_999 })
        let low = RetryPolicy(jitter: 0.5, random: { 0 })
        #expect(low.delay(beforeRetry: 1) == .milliseconds(200))
        let d = high.delay(beforeRetry: 1)
        #expect(d > .milliseconds(299) && d <= .milliseconds(300))
    }

    @Test func testDelay_retryAfterWinsAndIsCapped() {
        let policy = RetryPolicy(maximumRetryAfter: .seconds(10))
        #expect(policy.delay(beforeRetry: 3, retryAfter: .seconds(2)) == .seconds(2))
        #expect(policy.delay(beforeRetry: 0, retryAfter: .seconds(600)) == .seconds(10))
    }

    @Test func testDelay_hugeRetryCountDoesNotOverflow() {
        let policy = RetryPolicy(maximumDelay: .seconds(5), jitter: 0)
        #expect(policy.delay(beforeRetry: 10_000) == .seconds(5))
    }

    @Test func testIsRetryable_onlySafeCallsOnServerFaults() {
        let policy = RetryPolicy()
        let unavailable = KubeAPIError(code: .serverError, message: "")
        let throttled = KubeAPIError(code: .tooManyRequests, message: "")
        var refused = KubeAPIError(code: .transport, message: "")
        refused.isConnectionRefused = true
        let lost = KubeAPIError(code: .transport, message: "")
        #expect(policy.isRetryable(unavailable, method: "GET"))
        #expect(!policy.isRetryable(unavailable, method: "POST"))
        #expect(!policy.isRetryable(unavailable, method: "PUT"))
        #expect(policy.isRetryable(throttled, method: "POST"))
        #expect(policy.isRetryable(refused, method: "DELETE"))
        #expect(policy.isRetryable(lost, method: "GET"))
        #expect(!policy.isRetryable(lost, method: "PATCH"))
        #expect(!policy.isRetryable(KubeAPIError(code: .notFound, message: ""), method: "GET"))
        #expect(!policy.isRetryable(KubeAPIError(code: .conflict, message: ""), method: "GET"))
    }
}
