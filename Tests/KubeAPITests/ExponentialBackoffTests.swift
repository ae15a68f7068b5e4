import KubeAPI
import Testing

struct ExponentialBackoffTests {
    @Test func testDelay_doublesFromInitialAndStopsAtTheCap() {
        let curve = ExponentialBackoff(initial: .milliseconds(5), maximum: .seconds(1000))
        #expect(curve.delay(doublings: 0) == .milliseconds(5))
        #expect(curve.delay(doublings: 1) == .milliseconds(10))
        #expect(curve.delay(doublings: 10) == .milliseconds(5120))
        #expect(curve.delay(doublings: 17) == .milliseconds(655_360))
        #expect(curve.delay(doublings: 18) == .seconds(1000))
        #expect(curve.delay(doublings: Int.max) == .seconds(1000))
        #expect(curve.delay(doublings: -1) == .milliseconds(5))
    }
}
