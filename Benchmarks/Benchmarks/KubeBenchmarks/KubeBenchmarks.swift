import Benchmark
import Foundation
import KubeAPI
import KubeTestServer

/// A `ConfigMapList` of `count` realistic ConfigMaps (metadata with labels, annotations and managed fields, plus a
/// few data keys), about 900 bytes each, as kube-apiserver returns it.
func configMapListJSON(count: Int) -> [UInt8] {
    var items: [JSONValue] = []
    items.reserveCapacity(count)
    for i in 0..<count {
        items.append([
            "metadata": [
                "name": .string("config-\(i)"), "namespace": "bench", "uid": .string(UUID().uuidString.lowercased()),
                "resourceVersion": .string(String(100_000 + i)), "creationTimestamp": "2026-11-20T10:00:00Z",
                "labels": ["app.kubernetes.io/name": "bench", "app.kubernetes.io/instance": .string("r\(i % 17)")],
                "annotations": ["meta.helm.sh/release-name": "bench", "meta.helm.sh/release-namespace": "bench"],
                "managedFields": [
                    [
                        "manager": "helm", "operation": "Update", "apiVersion": "v1", "time": "2026-11-20T10:00:00Z",
                        "fieldsType": "FieldsV1",
                        "fieldsV1": ["f:data": [".": [:], "f:config.yaml": [:], "f:replicas": [:]]],
                    ]
                ],
            ],
            "data": [
                "config.yaml": .string("server:\n  port: \(8000 + i % 1000)\n  name: \"svc-\(i)\"\n"),
                "replicas": .string(String(i % 5)), "enabled": "true",
            ],
        ])
    }
    let list: JSONValue = [
        "kind": "ConfigMapList", "apiVersion": "v1", "metadata": ["resourceVersion": "200000"], "items": .array(items),
    ]
    return list.serialized()
}

/// Converts a Foundation JSON object graph to `JSONValue`, for the JSONSerialization comparison.
func jsonValue(fromFoundation object: Any) -> JSONValue {
    switch object {
    case let dictionary as [String: Any]: return .object(dictionary.mapValues(jsonValue(fromFoundation:)))
    case let array as [Any]: return .array(array.map(jsonValue(fromFoundation:)))
    case let string as String: return .string(string)
    case let number as NSNumber:
        // The benchmark data holds no JSON booleans, so numbers need no Boolean check here.
        let d = number.doubleValue
        return d.rounded() == d && abs(d) < 9e18 ? .int(number.int64Value) : .double(d)
    default: return .null
    }
}

nonisolated(unsafe) let tenThousand = configMapListJSON(count: 10_000)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 10)

    Benchmark("Decode 10k ConfigMap list: JSONParser (bytes)") { benchmark in
        for _ in benchmark.scaledIterations {
            let list = try KubeObjectList(JSONValue(parsing: tenThousand))
            precondition(list.items.count == 10_000)
            blackHole(list)
        }
    }

    Benchmark("Decode 10k ConfigMap list: JSONSerialization + walk") { benchmark in
        for _ in benchmark.scaledIterations {
            let object = try JSONSerialization.jsonObject(with: Data(tenThousand))
            let list = try KubeObjectList(jsonValue(fromFoundation: object))
            precondition(list.items.count == 10_000)
            blackHole(list)
        }
    }

    Benchmark("Decode 10k ConfigMap list: JSONDecoder into JSONValue") { benchmark in
        for _ in benchmark.scaledIterations {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(tenThousand))
            let list = try KubeObjectList(value)
            precondition(list.items.count == 10_000)
            blackHole(list)
        }
    }

    Benchmark("List 1,000 ConfigMaps from KubeTestServer", configuration: .init(maxIterations: 5)) { benchmark in
        try await KubeTestServer.withServer(configuration: .init()) { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            try await withKubeClient(config: config, configuration: .init(qps: 10_000, burst: 10_000)) { client in
                for i in 0..<1_000 {
                    var cm = KubeObject(.configMap, key: ObjectKey(namespace: "default", name: "cm-\(i)"))
                    cm["data"] = ["value": .string(String(repeating: "x", count: 200))]
                    _ = try await client.create(cm)
                }
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    let list = try await client.list(.configMap, namespace: "default")
                    precondition(list.items.count == 1_000)
                    blackHole(list)
                }
                benchmark.stopMeasurement()
            }
        }
    }

    Benchmark("Watch 1,000 events from KubeTestServer", configuration: .init(maxIterations: 5)) { benchmark in
        try await KubeTestServer.withServer(configuration: .init(watchHistoryLimit: 5_000)) { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            try await withKubeClient(config: config, configuration: .init(qps: 10_000, burst: 10_000)) { client in
                let start = try await client.list(.configMap, namespace: "default").resourceVersion
                for i in 0..<1_000 {
                    _ = try await client.create(
                        KubeObject(.configMap, key: ObjectKey(namespace: "default", name: "w-\(i)")))
                }
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    let events = try await client.watch(
                        .configMap, namespace: "default",
                        options: WatchOptions(resourceVersion: start, allowBookmarks: false))
                    var seen = 0
                    for try await _ in events {
                        seen += 1
                        if seen == 1_000 { break }
                    }
                    precondition(seen == 1_000)
                }
                benchmark.stopMeasurement()
            }
        }
    }
}
