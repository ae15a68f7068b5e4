import Foundation
import KubeAPI
import Logging

/// Records a sync's result as a Kubernetes Event (core/v1) on the inventory Secret, so `kubectl describe secret`
/// and `kubectl get events` show what the agent did.
struct SyncEvents: Sendable {
    var client: KubeClient
    /// `source.component` of the events: the agent's name.
    var component: String

    /// The longest message an Event keeps (the API server truncates longer ones).
    static let maximumMessageBytes = 1024

    /// Creates the event; a failure to record it is logged, never thrown, since the sync itself is done.
    func record(_ result: SyncResult, on secret: KubeObject, logger: Logger) async {
        var message = result.description
        for failure in result.failures.prefix(5) { message += "\n" + failure.description }
        if result.failures.count > 5 { message += "\n(\(result.failures.count - 5) more failures)" }
        if message.utf8.count > Self.maximumMessageBytes {
            message = String(decoding: message.utf8.prefix(Self.maximumMessageBytes - 3), as: UTF8.self) + "..."
        }
        let now = Date()
        let timestamp = ISO8601DateFormatter().string(from: now)
        let suffix = String(UInt64(now.timeIntervalSince1970 * 1_000_000), radix: 16)
        var event = KubeObject(
            GroupVersionKind(group: "", version: "v1", kind: "Event"),
            key: ObjectKey(namespace: secret.namespace, name: "\(secret.name).\(suffix)"))
        event["involvedObject"] = [
            "apiVersion": "v1", "kind": "Secret", "namespace": .string(secret.namespace),
            "name": .string(secret.name), "uid": .string(secret.uid),
        ]
        event["reason"] = result.succeeded ? "SyncSucceeded" : "SyncFailed"
        event["type"] = result.succeeded ? "Normal" : "Warning"
        event["message"] = .string(message)
        event["source"] = ["component": .string(component)]
        event["firstTimestamp"] = .string(timestamp)
        event["lastTimestamp"] = .string(timestamp)
        event["count"] = 1
        do {
            _ = try await client.create(event)
        } catch {
            logger.warning("cannot record the sync event on Secret \(secret.key): \(error)")
        }
    }
}
