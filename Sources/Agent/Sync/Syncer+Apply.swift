import KubeAPI
import Logging

/// Applying objects, batched and in parallel, and waiting for CRDs.
extension Syncer {
    /// Applies the items at `indices` that are not failed or unchanged, at most
    /// ``Configuration/maximumConcurrentApplies`` at a time, and records each outcome.
    func applyAll(
        _ indices: [Int], plan: inout SyncPlan, result: inout SyncResult, inventory: inout Inventory, old: Inventory,
        logger: Logger
    ) async {
        var toSend: [Int] = []
        let candidates = indices.filter { index in
            let item = plan.items[index]
            guard item.failure == nil, let entry = old.entries[item.id] else { return false }
            return entry.digest == item.digest && entry.apiVersion == item.object.apiVersion
        }
        let live = await liveObjects(candidates.map { plan.items[$0] }, logger: logger)
        for index in indices where plan.items[index].failure == nil {
            let item = plan.items[index]
            // Unchanged in git and still in the cluster: nothing to send. An object deleted by hand is re-applied.
            if let entry = old.entries[item.id], entry.digest == item.digest,
                entry.apiVersion == item.object.apiVersion, live?.contains(item.id) ?? true
            {
                result.unchanged += 1
                inventory.entries[item.id] = entry
            } else {
                toSend.append(index)
            }
        }
        let client = self.client
        let manager = configuration.fieldManager
        let width = max(1, configuration.maximumConcurrentApplies)
        let outcomes = await withTaskGroup(of: (Int, String?).self, returning: [(Int, String?)].self) { group in
            var outcomes: [(Int, String?)] = []
            var next = 0
            func add(_ index: Int) {
                let object = plan.items[index].object
                group.addTask {
                    do {
                        _ = try await client.apply(object, fieldManager: manager, force: true)
                        return (index, nil)
                    } catch let error as KubeAPIError {
                        return (index, Self.serverMessage(error))
                    } catch {
                        return (index, "\(error)")
                    }
                }
            }
            while next < toSend.count && next < width {
                add(toSend[next])
                next += 1
            }
            while let outcome = await group.next() {
                outcomes.append(outcome)
                if next < toSend.count {
                    add(toSend[next])
                    next += 1
                }
            }
            return outcomes
        }
        for (index, message) in outcomes {
            let item = plan.items[index]
            if let message {
                plan.items[index].failure = SyncFailure(
                    origin: item.manifest.origin, object: item.id, message: message, code: .apply)
            } else {
                plan.items[index].applied = true
                result.applied += 1
                logger.debug("applied \(item.id)", metadata: ["fluxhelm.source": .string("\(item.manifest.origin)")])
                inventory.entries[item.id] = InventoryEntry(
                    id: item.id, apiVersion: item.object.apiVersion, digest: item.digest, origin: item.manifest.origin)
            }
        }
    }

    /// The IDs of the objects of these kinds that exist and carry this agent's owner label: one list call per kind
    /// (reads only), so an unchanged sync still notices objects deleted behind its back. `nil` when a list fails;
    /// the caller then trusts the inventory.
    func liveObjects(_ items: [SyncPlan.Item], logger: Logger) async -> Set<ObjectID>? {
        let kinds = Set(items.map(\.object.groupVersionKind))
        guard !kinds.isEmpty else { return [] }
        var live: Set<ObjectID> = []
        let options = ListOptions(labelSelector: LabelSelector([.equals(Self.ownerLabel, configuration.name)]))
        for gvk in kinds.sorted(by: { $0.description < $1.description }) {
            do {
                for object in try await client.listAll(gvk, namespace: nil, options: options).items {
                    live.insert(
                        ObjectID(group: gvk.group, kind: gvk.kind, namespace: object.namespace, name: object.name))
                }
            } catch {
                logger.debug("cannot list \(gvk.kind) to check for drift: \(error)")
                return nil
            }
        }
        return live
    }

    /// The server's message with its field causes, as one line.
    static func serverMessage(_ error: KubeAPIError) -> String {
        var message = error.message
        let causes = error.causes.map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }
        if !causes.isEmpty { message += " (" + causes.joined(separator: "; ") + ")" }
        return message
    }

    /// Waits until each CRD is `Established`, up to ``Configuration/crdEstablishTimeout`` in all.
    ///
    /// - Returns: for each kind whose CRD did not get established in time, the reason, for its custom resources'
    ///   failures.
    func waitForCRDs(_ crds: [SyncPlan.Item], logger: Logger) async -> [GroupKind: String] {
        var pending: [GroupKind: (name: String, id: ObjectID)] = [:]
        for crd in crds {
            guard let group = crd.object["spec", "group"]?.stringValue,
                let kind = crd.object["spec", "names", "kind"]?.stringValue
            else { continue }
            pending[GroupKind(group: group, kind: kind)] = (crd.object.name, crd.id)
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.crdEstablishTimeout)
        var lastState: [GroupKind: String] = [:]
        while !pending.isEmpty {
            for (gk, crd) in pending {
                do {
                    let stored = try await client.get(.customResourceDefinition, ObjectKey(name: crd.name))
                    let conditions = stored["status", "conditions"]?.arrayValue ?? []
                    let established = conditions.first { $0["type"]?.stringValue == "Established" }
                    if established?["status"]?.stringValue == "True" {
                        pending[gk] = nil
                        logger.debug("CustomResourceDefinition \(crd.name) is established")
                    } else {
                        let reason = established?["reason"]?.stringValue ?? "no Established condition yet"
                        lastState[gk] = reason
                    }
                } catch {
                    lastState[gk] = "\(error)"
                }
            }
            if pending.isEmpty || clock.now >= deadline { break }
            do {
                try await Task.sleep(for: configuration.crdPollInterval, clock: clock)
            } catch {
                break
            }
        }
        var reasons: [GroupKind: String] = [:]
        for (gk, crd) in pending {
            reasons[gk] =
                "its CustomResourceDefinition \(crd.name) is not Established after \(configuration.crdEstablishTimeout) "
                + "(\(lastState[gk] ?? "unknown")); it is retried on the next sync"
        }
        return reasons
    }
}
