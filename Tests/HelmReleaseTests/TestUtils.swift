import Foundation
import HelmEngine
import HelmRelease
import Synchronization

/// Fixture files committed under Fixtures/ (records written by real Helm, and the chart they came from).
enum Fixtures {
    static var directory: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
                throw FixtureError(message: "Fixtures directory missing from the test bundle")
            }
            return url
        }
    }

    static func data(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: try directory.appendingPathComponent(name)))
    }

    static func record(_ name: String) throws -> ReleaseRecord {
        try ReleaseRecord(kubernetesObjectJSON: try data(name))
    }

    struct FixtureError: Error { var message: String }
}

/// A wall clock the test moves by hand.
final class ManualWallClock: WallClock {
    private let current: Mutex<GoTime>

    init(_ start: GoTime = GoTime(rfc3339: "2026-01-01T00:00:00Z") ?? .zero) {
        current = Mutex(start)
    }

    func now() -> GoTime { current.withLock { $0 } }

    func advance(_ duration: Duration) {
        current.withLock { $0 = $0.adding(duration) }
    }
}

extension GoTime {
    /// A time from RFC 3339 text known to be valid in the test.
    static func at(_ text: String) -> GoTime { GoTime(rfc3339: text) ?? .zero }
}

/// A small release for storage tests.
func makeRelease(
    _ name: String, version: Int, status: ReleaseStatus, namespace: String = "ns", written: GoTime = .zero
) -> Release {
    Release(
        name: name,
        info: ReleaseInfo(firstDeployed: written, lastDeployed: written, status: status, description: "test"),
        manifest: "---\n# Source: c/templates/cm.yaml\n",
        version: version,
        namespace: namespace
    )
}
