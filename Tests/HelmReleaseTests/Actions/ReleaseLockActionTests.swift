import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer
import Testing

/// Locking, recovery and corrupted records through the actions, against KubeTestServer (or a real cluster).
@Suite(.timeLimit(.minutes(1)))
struct ReleaseLockActionTests {
    @Test func testUpgrade_recoversPendingRecordOfDeadProcess() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            let installed = try await actions.install(
                InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            // A process takes the lock, records revision 2 pending-upgrade, and is killed.
            let dead = env.configuration(identity: "fluxhelm-dead-process")
            _ = try await dead.lock.acquire(release: "web", namespace: env.namespace)
            var pending = installed
            pending.version = 2
            pending.info?.status = .pendingUpgrade
            pending.info?.description = "Preparing upgrade"
            pending.info?.lastDeployed = env.clock.now()
            try await dead.storage.create(pending)
            env.clock.advance(.seconds(61))

            let upgraded = try await actions.upgrade(
                UpgradeOptions(name: "web", namespace: env.namespace, chart: chart))
            #expect(upgraded.version == 3)
            #expect(upgraded.status == .deployed)
            let history = try await actions.history(name: "web", namespace: env.namespace)
            #expect(history.map(\.status) == [.superseded, .failed, .deployed])
            let recovered = history[1].info?.description ?? ""
            #expect(recovered.hasPrefix("interrupted: pending-upgrade left by fluxhelm-dead-process"))
        }
    }

    @Test func testInstall_whileAnotherProcessHoldsTheLock_failsNamingIt() async throws {
        try await ActionBackend.run { env, _ in
            let other = env.configuration(identity: "fluxhelm-other-host-42")
            _ = try await other.lock.acquire(release: "web", namespace: env.namespace)
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            do {
                _ = try await env.configuration().install(
                    InstallOptions(name: "web", namespace: env.namespace, chart: chart))
                Issue.record("install succeeded while locked")
            } catch let error as ReleaseError {
                #expect(error.code == .locked)
                #expect(error.message.contains("another operation (install/upgrade/rollback) is in progress"))
                #expect(error.message.contains("fluxhelm-other-host-42"))
            }
            #expect(try await env.records("web").isEmpty)
            #expect(try await env.configMap("web-a") == nil)
            // Once the holder gives the lock back, the install goes through.
            try await other.lock.release(release: "web", namespace: env.namespace)
            let release = try await env.configuration().install(
                InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            #expect(release.status == .deployed)
        }
    }

    @Test func testTwoConcurrentInstalls_exactlyOneWins() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            let first = env.configuration(identity: "fluxhelm-first")
            let second = env.configuration(identity: "fluxhelm-second")
            async let a = Result(catching: {
                try await first.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            })
            async let b = Result(catching: {
                try await second.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            })
            let results = await [a, b]
            let wins = results.filter { if case .success = $0 { true } else { false } }
            #expect(wins.count == 1)
            for case .failure(let error) in results {
                let code = (error as? ReleaseError)?.code
                // Overlapping: the lock refuses; one after the other: the name is in use.
                #expect(code == .locked || code == .invalidOperation)
            }
            #expect(try await env.records("web").count == 1)
        }
    }

    @Test func testCorruptedRecord_isNamedAndNeverOverwritten() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            var secret = KubeObject(
                .secret, key: ObjectKey(namespace: env.namespace, name: "sh.helm.release.v1.web.v2"))
            secret["type"] = "helm.sh/release.v1"
            secret.labels = ["owner": "helm", "name": "web", "status": "deployed", "version": "2"]
            secret["data"] = ["release": "bm90IGEgcmVsZWFzZQ=="]
            let corrupted = try await env.client.create(secret)

            do {
                _ = try await actions.status(name: "web", namespace: env.namespace, revision: 2)
                Issue.record("status of a corrupted record succeeded")
            } catch let error as ReleaseError {
                #expect(error.code == .corruptedRecord)
                #expect(error.message.contains("sh.helm.release.v1.web.v2"))
            }
            do {
                _ = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: chart))
                Issue.record("upgrade over a corrupted record succeeded")
            } catch let error as ReleaseError {
                #expect(error.message.contains("sh.helm.release.v1.web.v2"))
            }
            let after = try await env.client.get(.secret, corrupted.key)
            #expect(after.resourceVersion == corrupted.resourceVersion)
            #expect(try await actions.status(name: "web", namespace: env.namespace, revision: 1).status == .deployed)
        }
    }
}

extension Result where Failure == any Error {
    /// Captures an async throwing call.
    init(catching body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}

extension ReleaseLockActionTests {
    @Test func testUpgrade_recentPendingRecordWithoutLease_isRefusedUntilTimeout() async throws {
        try await ActionBackend.run { env, _ in
            let actions = env.configuration()
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            let installed = try await actions.install(
                InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            // `helm upgrade` (no fluxhelm lease) is under way: revision 2 pending-upgrade, written just now.
            var pending = installed
            pending.version = 2
            pending.info?.status = .pendingUpgrade
            pending.info?.lastDeployed = env.clock.now()
            try await actions.storage.create(pending)
            do {
                _ = try await actions.upgrade(UpgradeOptions(name: "web", namespace: env.namespace, chart: chart))
                Issue.record("upgrade went ahead over a live pending record")
            } catch let error as ReleaseError {
                #expect(error.code == .locked)
                #expect(error.message.contains("another operation (install/upgrade/rollback) is in progress"))
            }
            #expect(try await actions.status(name: "web", namespace: env.namespace).status == .pendingUpgrade)
            // Past the operation timeout the record is treated as interrupted.
            env.clock.advance(.seconds(301))
            let upgraded = try await actions.upgrade(
                UpgradeOptions(name: "web", namespace: env.namespace, chart: chart))
            #expect(upgraded.version == 3)
            let history = try await actions.history(name: "web", namespace: env.namespace)
            #expect(history.map(\.status) == [.superseded, .failed, .deployed])
        }
    }

    @Test func testKubernetesFactory_buildsDriversAndRejectsUnknownOnes() async throws {
        try await ActionBackend.run { env, _ in
            let chart = try TestChart.make(templates: ["a.yaml": TestChart.configMap("a")])
            let actions = try await ActionConfiguration.kubernetes(
                client: env.client, storageDriver: "configmap", namespace: env.namespace)
            #expect(actions.storage.driver.name == "ConfigMap")
            #expect(actions.lock.identity.hasPrefix("fluxhelm-"))
            #expect(actions.renderer.capabilities.apiVersions.contains("apps/v1/Deployment"))
            _ = try await actions.install(InstallOptions(name: "web", namespace: env.namespace, chart: chart))
            #expect(try await env.records("web", kind: .configMap).count == 1)
            await #expect(throws: ReleaseError(code: .invalidOperation, message: "")) {
                _ = try await ActionConfiguration.kubernetes(
                    client: env.client, storageDriver: "sql", namespace: env.namespace)
            }
        }
    }
}
