import HelmRelease
import KubeAPI
import Testing

/// Helm 3's (`--wait=legacy`) readiness rules: maxUnavailable slack, partitions, Helm 3's CRD and Job rules.
struct LegacyReadinessTests {
    /// A Deployment of `replicas` with `ready` updated ready replicas and the given rolling update settings.
    static func deployment(replicas: Int, ready: Int, strategy: String = "") -> String {
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},
         "spec":{"replicas":\(replicas)\(strategy.isEmpty ? "" : ",\"strategy\":\(strategy)")},
         "status":{"observedGeneration":1,"replicas":\(replicas),"updatedReplicas":\(replicas),
           "readyReplicas":\(ready),"availableReplicas":\(ready)}}
        """
    }

    static let cases: [ReadinessCase] = [
        // Default 25% maxUnavailable of 4 = 1 may be unavailable.
        ReadinessCase("deployment default 25% of 4 allows 3 ready", deployment(replicas: 4, ready: 3), .ready),
        ReadinessCase(
            "deployment default 25% of 4 needs 3 ready", deployment(replicas: 4, ready: 2),
            .notReady(#"Deployment "web" has 2/3 ready updated replicas (4 desired, 1 may be unavailable)"#)),
        // 25% of 3 rounds down to 0 unavailable: all 3 must be ready.
        ReadinessCase(
            "deployment 25% of 3 rounds down", deployment(replicas: 3, ready: 2),
            .notReady("has 2/3 ready updated replicas (3 desired, 0 may be unavailable)")),
        ReadinessCase(
            "deployment 50% of 5 rounds down to 2",
            deployment(
                replicas: 5, ready: 3,
                strategy: #"{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"50%","maxSurge":1}}"#),
            .ready),
        ReadinessCase(
            "deployment 50% of 5 needs 3",
            deployment(
                replicas: 5, ready: 2,
                strategy: #"{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"50%","maxSurge":1}}"#),
            .notReady("(5 desired, 2 may be unavailable)")),
        ReadinessCase(
            "deployment both fenceposts zero means one unavailable",
            deployment(
                replicas: 3, ready: 2,
                strategy: #"{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"10%","maxSurge":0}}"#),
            .ready),
        ReadinessCase(
            "deployment integer maxUnavailable above replicas is capped",
            deployment(
                replicas: 2, ready: 0,
                strategy: #"{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":5,"maxSurge":0}}"#),
            .ready),
        ReadinessCase(
            "deployment Recreate allows none unavailable",
            deployment(replicas: 2, ready: 1, strategy: #"{"type":"Recreate"}"#),
            .notReady("(2 desired, 0 may be unavailable)")),
        ReadinessCase(
            "deployment generation not observed",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":2},"spec":{"replicas":1},
             "status":{"observedGeneration":1,"replicas":1,"updatedReplicas":1,"readyReplicas":1}}
            """, .notReady("is at generation 2 but its controller observed generation 1")),
        ReadinessCase(
            "paused deployment",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":2},
             "spec":{"replicas":1,"paused":true},"status":{}}
            """, .ready),
        ReadinessCase(
            "daemonset maxUnavailable 1 of 3",
            """
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","generation":1},
             "spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1}}},
             "status":{"observedGeneration":1,"desiredNumberScheduled":3,"updatedNumberScheduled":3,"numberReady":2}}
            """, .ready),
        ReadinessCase(
            "daemonset maxUnavailable 10% of 5 rounds up to 1",
            """
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","generation":1},
             "spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"10%"}}},
             "status":{"observedGeneration":1,"desiredNumberScheduled":5,"updatedNumberScheduled":5,"numberReady":3}}
            """, .notReady("has 3/4 ready pods (5 desired, 1 may be unavailable)")),
        ReadinessCase(
            "daemonset updates not scheduled",
            """
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","generation":1},
             "spec":{"updateStrategy":{"type":"RollingUpdate"}},
             "status":{"observedGeneration":1,"desiredNumberScheduled":3,"updatedNumberScheduled":2,"numberReady":3}}
            """, .notReady("has 2/3 updated pods scheduled")),
        ReadinessCase(
            "daemonset OnDelete",
            """
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","generation":1},
             "spec":{"updateStrategy":{"type":"OnDelete"}},"status":{"observedGeneration":1}}
            """, .ready),
        ReadinessCase(
            "statefulset partition 1 of 3",
            """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":2},
             "spec":{"replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}}},
             "status":{"observedGeneration":2,"replicas":3,"readyReplicas":3,"updatedReplicas":2,
               "currentRevision":"db-1","updateRevision":"db-2"}}
            """, .ready),
        ReadinessCase(
            "statefulset revisions differ without partition",
            """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":2},
             "spec":{"replicas":1},
             "status":{"observedGeneration":2,"replicas":1,"readyReplicas":1,"updatedReplicas":1,
               "currentRevision":"db-1","updateRevision":"db-2"}}
            """, .notReady("is rolling out revision db-2 (current revision db-1)")),
        ReadinessCase(
            "statefulset OnDelete",
            """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":2},
             "spec":{"replicas":3,"updateStrategy":{"type":"OnDelete"}},"status":{"observedGeneration":2}}
            """, .ready),
        ReadinessCase(
            "job without --wait-for-jobs is ready at once",
            #"{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"status":{}}"#, .ready),
        ReadinessCase(
            "job failures beyond backoffLimit",
            """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"backoffLimit":1},
             "status":{"failed":2}}
            """, .failed("2 failed pods exceed backoffLimit 1"), waitForJobs: true),
        ReadinessCase(
            "job completions reached",
            """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"completions":2},
             "status":{"succeeded":2}}
            """, .ready, waitForJobs: true),
        ReadinessCase(
            "service without cluster IP",
            #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"type":"ClusterIP"}}"#,
            .notReady("has no cluster IP yet")),
        ReadinessCase(
            "crd with rejected names counts as ready in Helm 3",
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"a.b.c"},
             "status":{"conditions":[{"type":"NamesAccepted","status":"False"}]}}
            """, .ready),
        ReadinessCase(
            "custom resource is ready once present",
            """
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","generation":2},
             "status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"False"}]}}
            """, .ready),
        ReadinessCase(
            "pod failed",
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "status":{"phase":"Failed","reason":"Evicted","message":"low memory"}}
            """,
            .failed(#"Pod "p" failed: Evicted: low memory"#)),
    ]

    @Test(arguments: cases)
    func testReadiness_legacyRules(_ row: ReadinessCase) throws {
        let readiness = ResourceWaiter.readiness(of: try row.object(), waitForJobs: row.waitForJobs, strategy: .legacy)
        #expect(row.matches(readiness), "\(row.name): got \(readiness)")
    }
}
