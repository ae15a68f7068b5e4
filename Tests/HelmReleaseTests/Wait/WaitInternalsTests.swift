import KubeAPI
import Testing

@testable import HelmRelease

/// Kubernetes' IntOrString scaling and Go's duration text, used by the readiness rules and the waiter's messages.
struct WaitInternalsTests {
    @Test(
        arguments: [
            // (value, total, roundUp, expected) — from Kubernetes' GetScaledValueFromIntOrPercent definition.
            (JSONValue.int(3), Int64(10), false, Int64?.some(3)),
            ("25%", 4, false, 1), ("25%", 3, false, 0), ("25%", 3, true, 1), ("50%", 5, false, 2), ("50%", 5, true, 3),
            ("100%", 7, true, 7), ("0%", 7, true, 0), ("abc", 4, true, nil), ("5", 4, true, nil), ("x%", 4, true, nil),
        ] as [(JSONValue, Int64, Bool, Int64?)])
    func testIntOrPercent_scaled(_ value: JSONValue, _ total: Int64, _ roundUp: Bool, _ expected: Int64?) {
        #expect(IntOrPercent.scaled(value, total: total, roundUp: roundUp, default: "25%") == expected)
    }

    @Test func testIntOrPercent_absentTakesDefault() {
        #expect(IntOrPercent.scaled(nil, total: 8, roundUp: false, default: "25%") == 2)
        #expect(IntOrPercent.scaled(nil, total: 8, roundUp: true, default: 1) == 1)
    }

    @Test(arguments: [
        (Duration.seconds(300), "5m0s"), (.seconds(3600), "1h0m0s"), (.seconds(3661), "1h1m1s"),
        (.milliseconds(1500), "1.5s"), (.milliseconds(50), "50ms"), (.zero, "0s"), (.seconds(59), "59s"),
        (.microseconds(20), "20µs"),
    ])
    func testGoDurationText(_ duration: Duration, _ expected: String) {
        #expect(goDurationText(duration) == expected)
    }
}
