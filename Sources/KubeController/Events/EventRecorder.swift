public import Foundation
public import KubeAPI
public import Logging

/// Records Kubernetes Events (core/v1 `Event`) about objects, as `kubectl describe` and `kubectl get events`
/// show them (client-go's `record.EventRecorder`).
///
/// An event identical to one recorded before (same object, type, reason, message and component) is not created
/// again: the existing Event's `count` goes up by one and its `lastTimestamp` moves, as client-go's event
/// correlator does, so a reconcile that fails the same way every minute shows one line `x42 over 41m`. The
/// recorder remembers the most recent ``maximumTrackedEvents`` distinct events.
///
/// Recording never fails the caller: a failed write is logged and ``record(_:type:reason:message:)`` returns
/// `nil`.
public actor EventRecorder {
    /// An event's type.
    public struct EventType: Sendable, Hashable, CustomStringConvertible {
        /// `Normal` or `Warning`.
        public let description: String
        private init(_ value: String) { description = value }
        /// Something expected happened (a release was installed).
        public static let normal = EventType("Normal")
        /// Something went wrong (a chart failed to render).
        public static let warning = EventType("Warning")
    }

    /// How many distinct events are remembered for count bumping.
    public let maximumTrackedEvents: Int

    private struct Tracked {
        var namespace: String
        var name: String
        var count: Int64
        var firstTimestamp: String
    }

    private struct Identity: Hashable {
        var apiVersion: String
        var kind: String
        var namespace: String
        var name: String
        var uid: String
        var type: String
        var reason: String
        var message: String
    }

    private let client: KubeClient
    private let component: String
    private let instance: String
    private let now: @Sendable () -> Date
    private let logger: Logger
    private var tracked: [Identity: Tracked] = [:]
    private var order: [Identity] = []
    private var sequence: UInt64 = 0

    /// Creates a recorder.
    ///
    /// - Parameters:
    ///   - client: writes the Events.
    ///   - component: `source.component` and `reportingComponent`, e.g. `helm-controller`.
    ///   - instance: `source.host` and `reportingInstance` (the pod name). Default: empty.
    ///   - maximumTrackedEvents: the memory for count bumping. Default: 4096 (client-go's cache size).
    ///   - now: the wall clock for timestamps and names. Default: `Date()`.
    ///   - logger: where write failures are logged. Default: nowhere.
    public init(
        client: KubeClient, component: String, instance: String = "", maximumTrackedEvents: Int = 4096,
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "fluxhelm.events", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.client = client
        self.component = component
        self.instance = instance
        self.maximumTrackedEvents = max(maximumTrackedEvents, 1)
        self.now = now
        self.logger = logger
    }

    /// Records an event about `object`, or bumps the count of the identical one recorded before.
    ///
    /// - Parameters:
    ///   - object: the involved object (its kind, apiVersion, namespace, name, uid and resourceVersion are
    ///     referenced). Events of cluster-scoped objects go to the `default` namespace, as client-go puts them.
    ///   - type: ``EventType/normal`` or ``EventType/warning``.
    ///   - reason: a short UpperCamelCase reason, e.g. `InstallSucceeded`.
    ///   - message: the human-readable detail (cut to 1024 bytes, the API's limit).
    /// - Returns: the Event as stored, or `nil` when writing it failed (the failure is logged).
    @discardableResult
    public func record(_ object: KubeObject, type: EventType, reason: String, message: String) async -> KubeObject? {
        let message = Self.truncate(message, to: 1024)
        let identity = Identity(
            apiVersion: object.apiVersion, kind: object.kind, namespace: object.namespace, name: object.name,
            uid: object.uid, type: type.description, reason: reason, message: message)
        let date = now()
        let timestamp = Self.format(date)
        if var existing = tracked[identity] {
            let patch: JSONValue = ["count": .int(existing.count + 1), "lastTimestamp": .string(timestamp)]
            do {
                let stored = try await client.patch(
                    .event, ObjectKey(namespace: existing.namespace, name: existing.name), patch: .merge(patch))
                existing.count = stored["count"]?.intValue ?? existing.count + 1
                tracked[identity] = existing
                return stored
            } catch let error as KubeAPIError where error.code == .notFound {
                // The Event expired (kube keeps them an hour); start a new series.
                forget(identity)
            } catch {
                logger.warning("could not update event", metadata: ["error": "\(error)", "reason": "\(reason)"])
                return nil
            }
        }
        return await create(identity, object: object, date: date)
    }

    private func create(_ identity: Identity, object: KubeObject, date: Date) async -> KubeObject? {
        let timestamp = Self.format(date)
        sequence += 1
        let namespace = object.namespace.isEmpty ? "default" : object.namespace
        let nanos = UInt64(max(date.timeIntervalSince1970, 0) * 1e9) &+ sequence
        var event = KubeObject(
            .event, key: ObjectKey(namespace: namespace, name: "\(object.name).\(String(nanos, radix: 16))"))
        var involved: JSONValue = [
            "apiVersion": .string(object.apiVersion), "kind": .string(object.kind), "name": .string(object.name),
        ]
        if !object.namespace.isEmpty { involved["namespace"] = .string(object.namespace) }
        if !object.uid.isEmpty { involved["uid"] = .string(object.uid) }
        if !object.resourceVersion.isEmpty { involved["resourceVersion"] = .string(object.resourceVersion) }
        event["involvedObject"] = involved
        event["reason"] = .string(identity.reason)
        event["message"] = .string(identity.message)
        event["type"] = .string(identity.type)
        var source: JSONValue = ["component": .string(component)]
        if !instance.isEmpty { source["host"] = .string(instance) }
        event["source"] = source
        event["reportingComponent"] = .string(component)
        event["reportingInstance"] = .string(instance)
        event["count"] = 1
        event["firstTimestamp"] = .string(timestamp)
        event["lastTimestamp"] = .string(timestamp)
        do {
            let stored = try await client.create(event)
            remember(identity, Tracked(namespace: namespace, name: stored.name, count: 1, firstTimestamp: timestamp))
            return stored
        } catch {
            logger.warning("could not create event", metadata: ["error": "\(error)", "reason": "\(identity.reason)"])
            return nil
        }
    }

    private func remember(_ identity: Identity, _ entry: Tracked) {
        if tracked.updateValue(entry, forKey: identity) == nil { order.append(identity) }
        if order.count > maximumTrackedEvents {
            let evicted = order.removeFirst()
            tracked.removeValue(forKey: evicted)
        }
    }

    private func forget(_ identity: Identity) {
        tracked.removeValue(forKey: identity)
        order.removeAll { $0 == identity }
    }

    /// RFC 3339 with seconds, as the API stores `metav1.Time`.
    static func format(_ date: Date) -> String { date.formatted(.iso8601) }

    private static func truncate(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        for character in text {
            if result.utf8.count + String(character).utf8.count > limit { break }
            result.append(character)
        }
        return result
    }
}
