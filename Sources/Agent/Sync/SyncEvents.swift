import KubeAPI
import KubeController

/// Records a sync's result as a Kubernetes Event (core/v1) on the inventory Secret, so `kubectl describe secret`
/// and `kubectl get events` show what the agent did.
struct SyncEvents: Sendable {
    /// Writes the Events (KubeController's recorder; `source.component` is the agent's name).
    var recorder: EventRecorder

    /// The longest message an Event keeps (the API server truncates longer ones).
    static let maximumMessageBytes = 1024

    /// Creates the event; a failure to record it is logged by the recorder, never thrown, since the sync is done.
    func record(_ result: SyncResult, on secret: KubeObject) async {
        var message = result.description
        for failure in result.failures.prefix(5) { message += "\n" + failure.description }
        if result.failures.count > 5 { message += "\n(\(result.failures.count - 5) more failures)" }
        if message.utf8.count > Self.maximumMessageBytes {
            message = String(decoding: message.utf8.prefix(Self.maximumMessageBytes - 3), as: UTF8.self) + "..."
        }
        let reason = result.succeeded ? "SyncSucceeded" : "SyncFailed"
        await recorder.record(secret, type: result.succeeded ? .normal : .warning, reason: reason, message: message)
    }
}
