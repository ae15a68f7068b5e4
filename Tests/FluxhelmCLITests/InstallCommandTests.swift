import Foundation
import Testing

@testable import fluxhelm

/// `install --generate-name` names releases as Helm's `NameAndChart` does.
struct InstallCommandTests {
    @Test(arguments: [
        ("examples/charts/hello", "hello-1800000000"), ("./foo-1.2.3.tgz", "foo-1-1800000000"),
        ("bitnami/nginx", "nginx-1800000000"), (".", "chart-1800000000"),
    ])
    func testGeneratedName_chartBaseAndUnixTime(_ chart: String, _ expected: String) {
        #expect(InstallCommand.generatedName(chartArgument: chart, now: Date(timeIntervalSince1970: 1_800_000_000))
            == expected)
    }
}
