import HelmRelease
import KubeAPI
import Testing

/// Helm 4's default (`watcher`, kstatus) readiness rules, one row per rule and edge.
struct WatcherReadinessTests {
    static let deployments: [ReadinessCase] = [
        ReadinessCase(
            "deployment rolled out",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"ns","generation":2},
             "spec":{"replicas":3},
             "status":{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3,
               "conditions":[{"type":"Available","status":"True"},
                             {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable"}]}}
            """, .ready),
        ReadinessCase(
            "deployment generation not observed",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"ns","generation":3},
             "spec":{"replicas":3},
             "status":{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3,
               "conditions":[{"type":"Available","status":"True"}]}}
            """,
            .notReady(
                #"Deployment "web" in namespace "ns" is at generation 3 but its controller observed generation 2"#)),
        ReadinessCase(
            "deployment with no status yet",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"ns","generation":1},
             "spec":{"replicas":1},"status":{}}
            """, .notReady("has not been observed by its controller yet")),
        ReadinessCase(
            "deployment too few updated",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"ns","generation":1},
             "spec":{"replicas":3},
             "status":{"observedGeneration":1,"replicas":3,"updatedReplicas":1,"readyReplicas":3,"availableReplicas":3}}
            """, .notReady(#"Deployment "web" in namespace "ns" has 1/3 updated replicas"#)),
        ReadinessCase(
            "deployment old replicas terminating",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},
             "spec":{"replicas":2},
             "status":{"observedGeneration":1,"replicas":3,"updatedReplicas":2,"readyReplicas":2,"availableReplicas":2}}
            """, .notReady("1 old replicas pending termination")),
        ReadinessCase(
            "deployment updated but not available (no maxUnavailable slack)",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},
             "spec":{"replicas":4,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"50%"}}},
             "status":{"observedGeneration":1,"replicas":4,"updatedReplicas":4,"readyReplicas":4,"availableReplicas":2}}
            """, .notReady("has 2/4 available replicas")),
        ReadinessCase(
            "deployment with a deadline still progressing",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},
             "spec":{"replicas":1,"progressDeadlineSeconds":600},
             "status":{"observedGeneration":1,"replicas":1,"updatedReplicas":1,"readyReplicas":1,"availableReplicas":1,
               "conditions":[{"type":"Available","status":"True"},
                             {"type":"Progressing","status":"True","reason":"ReplicaSetUpdated"}]}}
            """, .notReady("has not finished rolling out its new ReplicaSet")),
        ReadinessCase(
            "deployment not Available",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},
             "spec":{"replicas":1},
             "status":{"observedGeneration":1,"replicas":1,"updatedReplicas":1,"readyReplicas":1,"availableReplicas":1,
               "conditions":[{"type":"Available","status":"False","reason":"MinimumReplicasUnavailable"}]}}
            """, .notReady("is not Available")),
        ReadinessCase(
            "deployment progress deadline exceeded is terminal",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},
             "spec":{"replicas":1},
             "status":{"observedGeneration":1,"replicas":1,"updatedReplicas":0,
               "conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded",
                              "message":"ReplicaSet \\"web-1\\" has timed out progressing."}]}}
            """, .failed(#"exceeded its progress deadline (ProgressDeadlineExceeded: ReplicaSet "web-1" has timed out"#)
        ),
        ReadinessCase(
            "paused deployment is ready whatever its status",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":5},
             "spec":{"replicas":3,"paused":true},"status":{"observedGeneration":1,"replicas":0}}
            """, .ready),
        ReadinessCase(
            "deployment scaled to zero",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},
             "spec":{"replicas":0},
             "status":{"observedGeneration":1,"conditions":[{"type":"Available","status":"True"}]}}
            """, .ready),
        ReadinessCase(
            "deployment being deleted",
            """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","generation":1,"deletionTimestamp":"2026-01-01T00:00:00Z"},
             "spec":{"replicas":0},"status":{"observedGeneration":1}}
            """, .notReady("is being deleted")),
    ]

    static let statefulSetsAndDaemonSets: [ReadinessCase] = [
        ReadinessCase(
            "statefulset rolled out",
            """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":1},
             "spec":{"replicas":2},
             "status":{"observedGeneration":1,"replicas":2,"readyReplicas":2,"currentReplicas":2,"updatedReplicas":2,
               "currentRevision":"db-1","updateRevision":"db-1"}}
            """, .ready),
        ReadinessCase(
            "statefulset revision still rolling",
            """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":2},
             "spec":{"replicas":2},
             "status":{"observedGeneration":2,"replicas":2,"readyReplicas":2,"currentReplicas":2,"updatedReplicas":1,
               "currentRevision":"db-1","updateRevision":"db-2"}}
            """, .notReady("is rolling out revision db-2 (current revision db-1)")),
        ReadinessCase(
            "statefulset partitioned rollout done",
            """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":2},
             "spec":{"replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}},
             "status":{"observedGeneration":2,"replicas":3,"readyReplicas":3,"currentReplicas":2,"updatedReplicas":1,
               "currentRevision":"db-1","updateRevision":"db-2"}}
            """, .ready),
        ReadinessCase(
            "statefulset partitioned rollout pending",
            """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":2},
             "spec":{"replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}}},
             "status":{"observedGeneration":2,"replicas":3,"readyReplicas":3,"currentReplicas":2,"updatedReplicas":1,
               "currentRevision":"db-1","updateRevision":"db-2"}}
            """, .notReady("has 1/2 updated replicas (partition 1)")),
        ReadinessCase(
            "statefulset OnDelete is ready once observed",
            """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":2},
             "spec":{"replicas":3,"updateStrategy":{"type":"OnDelete"}},
             "status":{"observedGeneration":2,"replicas":3,"readyReplicas":1}}
            """, .ready),
        ReadinessCase(
            "statefulset too few ready",
            """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":1},
             "spec":{"replicas":3},"status":{"observedGeneration":1,"replicas":3,"readyReplicas":2}}
            """, .notReady("has 2/3 ready replicas")),
        ReadinessCase(
            "daemonset all pods up",
            """
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","generation":1},
             "status":{"observedGeneration":1,"desiredNumberScheduled":3,"currentNumberScheduled":3,
               "updatedNumberScheduled":3,"numberAvailable":3,"numberReady":3}}
            """, .ready),
        ReadinessCase(
            "daemonset one pod not available",
            """
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","generation":1},
             "spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1}}},
             "status":{"observedGeneration":1,"desiredNumberScheduled":3,"currentNumberScheduled":3,
               "updatedNumberScheduled":3,"numberAvailable":2,"numberReady":3}}
            """, .notReady("has 2/3 available pods")),
        ReadinessCase(
            "daemonset not scheduled yet",
            """
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","generation":1},
             "status":{"observedGeneration":1}}
            """, .notReady("has no status.desiredNumberScheduled yet")),
        ReadinessCase(
            "replicaset available",
            """
            {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"rs","generation":1},"spec":{"replicas":2},
             "status":{"observedGeneration":1,"replicas":2,"fullyLabeledReplicas":2,"readyReplicas":2,
               "availableReplicas":2}}
            """, .ready),
        ReadinessCase(
            "replicaset with a replica failure",
            """
            {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"rs","generation":1},"spec":{"replicas":2},
             "status":{"observedGeneration":1,"conditions":[{"type":"ReplicaFailure","status":"True",
               "reason":"FailedCreate","message":"pods \\"rs-x\\" is forbidden: exceeded quota"}]}}
            """, .notReady("cannot create pods (FailedCreate: pods \"rs-x\" is forbidden: exceeded quota)")),
    ]

    static let podsAndJobs: [ReadinessCase] = [
        ReadinessCase(
            "pod running and ready",
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"ns"},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}
            """, .ready),
        ReadinessCase(
            "pod running not ready",
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"ns"},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"}]}}
            """, .notReady(#"Pod "p" in namespace "ns" is running but not Ready"#)),
        ReadinessCase(
            "pod crash looping is terminal",
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "status":{"phase":"Running","containerStatuses":[{"name":"app","state":{"waiting":
               {"reason":"CrashLoopBackOff"}}}]}}
            """, .failed("containers in CrashLoopBackOff: app")),
        ReadinessCase(
            "pod succeeded counts as ready",
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"status":{"phase":"Succeeded"}}
            """, .ready),
        ReadinessCase(
            "pod failed is terminal with its container's exit",
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "status":{"phase":"Failed","containerStatuses":[{"name":"app","state":{"terminated":
               {"exitCode":3,"reason":"Error","message":"boom"}}}]}}
            """, .failed(#"Pod "p" failed: container app terminated with Error (exit code 3): boom"#)),
        ReadinessCase(
            "pod pending",
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"status":{"phase":"Pending"}}
            """, .notReady("is Pending")),
        ReadinessCase(
            "job started counts without --wait-for-jobs",
            """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","generation":1},
             "status":{"startTime":"2026-01-01T00:00:00Z","active":1}}
            """, .ready),
        ReadinessCase(
            "job not started",
            """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","generation":1},"status":{}}
            """, .notReady(#"Job "j" has not started"#)),
        ReadinessCase(
            "job running with --wait-for-jobs",
            """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","generation":1},
             "spec":{"completions":2},"status":{"startTime":"2026-01-01T00:00:00Z","active":1,"succeeded":1}}
            """, .notReady("has not completed (succeeded 1/2, active 1, failed 0)"), waitForJobs: true),
        ReadinessCase(
            "job complete with --wait-for-jobs",
            """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","generation":1},
             "status":{"succeeded":1,"conditions":[{"type":"Complete","status":"True"}]}}
            """, .ready, waitForJobs: true),
        ReadinessCase(
            "job failed is terminal even without --wait-for-jobs",
            """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","generation":1},
             "status":{"startTime":"2026-01-01T00:00:00Z","failed":7,"conditions":[{"type":"Failed","status":"True",
               "reason":"BackoffLimitExceeded","message":"Job has reached the specified backoff limit"}]}}
            """,
            .failed(#"Job "j" failed: BackoffLimitExceeded: Job has reached the specified backoff limit"#)),
    ]

    static let others: [ReadinessCase] = [
        ReadinessCase(
            "pvc bound",
            """
            {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},"status":{"phase":"Bound"}}
            """,
            .ready),
        ReadinessCase(
            "pvc pending",
            """
            {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},"status":{"phase":"Pending"}}
            """,
            .notReady(#"PersistentVolumeClaim "data" is not Bound (phase Pending)"#)),
        ReadinessCase(
            "cluster IP service",
            #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"clusterIP":"10.0.0.1"}}"#,
            .ready),
        ReadinessCase(
            "load balancer without ingress",
            """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},
             "spec":{"type":"LoadBalancer","clusterIP":"10.0.0.1"},"status":{"loadBalancer":{}}}
            """, .notReady(#"Service "s" has no load balancer ingress yet"#)),
        ReadinessCase(
            "load balancer with ingress",
            """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},
             "spec":{"type":"LoadBalancer","clusterIP":"10.0.0.1"},
             "status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}}
            """, .ready),
        ReadinessCase(
            "load balancer with external IPs",
            """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},
             "spec":{"type":"LoadBalancer","externalIPs":["1.2.3.4"]}}
            """, .ready),
        ReadinessCase(
            "external name service",
            #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"type":"ExternalName"}}"#, .ready),
        ReadinessCase(
            "crd established",
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"widgets.example.com","generation":1},
             "status":{"conditions":[{"type":"NamesAccepted","status":"True"},{"type":"Established","status":"True"}]}}
            """, .ready),
        ReadinessCase(
            "crd installing",
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"widgets.example.com"},
             "status":{"conditions":[{"type":"Established","status":"False","reason":"Installing"}]}}
            """, .notReady(#"CustomResourceDefinition "widgets.example.com" is not established yet"#)),
        ReadinessCase(
            "crd names rejected is terminal",
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"widgets.example.com"},
             "status":{"conditions":[{"type":"NamesAccepted","status":"False","reason":"MultipleNames",
               "message":"\\"widget\\" is already in use"}]}}
            """, .failed("names were not accepted (MultipleNames: \"widget\" is already in use)")),
        ReadinessCase(
            "apiservice available",
            """
            {"apiVersion":"apiregistration.k8s.io/v1","kind":"APIService","metadata":{"name":"v1.metrics.k8s.io"},
             "status":{"conditions":[{"type":"Available","status":"True"}]}}
            """, .ready),
        ReadinessCase(
            "apiservice unavailable",
            """
            {"apiVersion":"apiregistration.k8s.io/v1","kind":"APIService","metadata":{"name":"v1.metrics.k8s.io"},
             "status":{"conditions":[{"type":"Available","status":"False","reason":"MissingEndpoints"}]}}
            """, .notReady("is not Available (MissingEndpoints)")),
        ReadinessCase(
            "configmap is ready once present",
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"b"}}"#, .ready),
        ReadinessCase(
            "custom resource waits for Ready",
            """
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","generation":1},
             "status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"False","reason":"Provisioning"}]}}
            """, .notReady(#"Widget "w" is not Ready (Provisioning)"#)),
        ReadinessCase(
            "custom resource stalled is terminal",
            """
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","generation":1},
             "status":{"conditions":[{"type":"Stalled","status":"True","reason":"BadSpec","message":"size too big"}]}}
            """, .failed("is stalled (BadSpec: size too big)")),
        ReadinessCase(
            "custom resource with an old observed generation",
            """
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","generation":4},
             "status":{"observedGeneration":3,"conditions":[{"type":"Ready","status":"True"}]}}
            """, .notReady("is at generation 4 but its controller observed generation 3")),
        ReadinessCase(
            "custom resource without conditions",
            #"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","generation":1}}"#, .ready),
    ]

    @Test(arguments: deployments + statefulSetsAndDaemonSets + podsAndJobs + others)
    func testReadiness_watcherRules(_ row: ReadinessCase) throws {
        let readiness = ResourceWaiter.readiness(of: try row.object(), waitForJobs: row.waitForJobs)
        #expect(row.matches(readiness), "\(row.name): got \(readiness)")
    }

    @Test func testReadiness_defaultIsWatcher() throws {
        // A Deployment with maxUnavailable slack: ready under legacy, not under the default.
        let object = KubeObject(
            try JSONValue(
                parsing: """
                    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},
                     "spec":{"replicas":4},
                     "status":{"observedGeneration":1,"replicas":4,"updatedReplicas":4,"readyReplicas":3,
                       "availableReplicas":3}}
                    """))
        #expect(!ResourceWaiter.readiness(of: object, waitForJobs: false).isReady)
        #expect(ResourceWaiter.readiness(of: object, waitForJobs: false, strategy: .legacy) == .ready)
    }
}
