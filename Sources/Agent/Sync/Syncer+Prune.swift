import KubeAPI
import Logging

/// Deleting what left git.
extension Syncer {
    /// Deletes the inventory's objects that are no longer in git, when prune is on and every file parsed.
    ///
    /// An object is deleted only when it is in the previous inventory, absent from this revision, and still
    /// carries the owner label with this agent's name; the delete is conditional on the uid just read, so an object
    /// recreated by someone else in between is left alone. Entries not pruned (prune off, parse errors, a failed
    /// delete) stay in the inventory so a later sync can prune them.
    func prune(plan: SyncPlan, old: Inventory, result: inout SyncResult, inventory: inout Inventory, logger: Logger)
        async
    {
        let inGit = Set(plan.items.map(\.id)).union(plan.protected)
        let gone = old.sortedEntries.filter { !inGit.contains($0.id) }
        guard configuration.prune else {
            if !gone.isEmpty { result.pruneSkipped = "prune is off (\(gone.count) objects left git)" }
            for entry in gone { inventory.entries[entry.id] = entry }
            return
        }
        guard plan.parseFailures.isEmpty else {
            result.pruneSkipped =
                "\(plan.parseFailures.count) documents did not parse; nothing is deleted until every file parses"
            for entry in gone { inventory.entries[entry.id] = entry }
            logger.warning("prune skipped: \(result.pruneSkipped ?? "")")
            return
        }
        // Ordinary objects first, then Namespaces, then CRDs, so nothing is deleted from under its container.
        func rank(_ entry: InventoryEntry) -> Int {
            if entry.id.group == "apiextensions.k8s.io" && entry.id.kind == "CustomResourceDefinition" { return 2 }
            if entry.id.group.isEmpty && entry.id.kind == "Namespace" { return 1 }
            return 0
        }
        for stage in 0...2 {
            for entry in gone where rank(entry) == stage {
                switch await pruneOne(entry, logger: logger) {
                case .deleted: result.pruned += 1
                case .absent: break
                case .disowned: result.pruneDisowned.append(entry.id)
                case .failed(let message):
                    inventory.entries[entry.id] = entry
                    result.failures.append(
                        SyncFailure(origin: entry.origin, object: entry.id, message: message, code: .prune))
                }
            }
        }
    }

    private enum PruneOutcome {
        case deleted, absent, disowned
        case failed(String)
    }

    private func pruneOne(_ entry: InventoryEntry, logger: Logger) async -> PruneOutcome {
        let key = ObjectKey(namespace: entry.id.namespace, name: entry.id.name)
        let live: KubeObject
        do {
            live = try await client.get(entry.groupVersionKind, key)
        } catch let error as KubeAPIError where error.code == .notFound || error.code == .noKindMatch {
            return .absent
        } catch {
            return .failed("cannot read it before pruning: \(error)")
        }
        guard live.labels[Self.ownerLabel] == configuration.name else {
            logger.warning(
                "not pruning \(entry.id): it no longer carries \(Self.ownerLabel)=\(configuration.name)")
            return .disowned
        }
        do {
            try await client.delete(
                entry.groupVersionKind, key,
                options: DeleteOptions(propagationPolicy: .background, preconditionUID: live.uid))
            logger.info("pruned \(entry.id)", metadata: ["fluxhelm.source": .string("\(entry.origin)")])
            return .deleted
        } catch let error as KubeAPIError where error.code == .notFound {
            return .absent
        } catch let error as KubeAPIError {
            return .failed("delete failed: \(Self.serverMessage(error))")
        } catch {
            return .failed("delete failed: \(error)")
        }
    }
}
