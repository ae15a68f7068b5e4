public import KubeAPI
import KubeController
public import Logging

/// Applies one revision of the repository's manifests to the cluster, prunes what left git, and records the
/// result: the core of `fluxhelm sync` and of each pass of ``SyncAgent``.
///
/// Order: CustomResourceDefinitions and Namespaces first, then CRDs are waited for until `Established`, then
/// everything else. Every write is a server-side apply under ``Configuration/fieldManager`` with `force`, so git
/// wins over hand edits of the fields it sets (as Flux does). An object whose apply body has the digest the
/// inventory recorded for it is not sent again; a sync of an unchanged repository writes nothing but the
/// inventory, and not even that (nor an Event) when the revision and the result are the same.
///
/// ```swift
/// let syncer = Syncer(client: client, configuration: .init(name: "fluxhelm-agent", namespace: "flux", prune: true))
/// let result = try await syncer.sync(snapshot, logger: logger)
/// print(result)   // revision 1a2b3c: 4 applied, 0 unchanged, 1 pruned, 0 failed
/// ```
public struct Syncer: Sendable {
    /// The agent's settings for one sync.
    public struct Configuration: Sendable {
        /// The agent's name: the owner label's value and the inventory Secret's name prefix. Default:
        /// `fluxhelm-agent`.
        public var name: String
        /// The agent's namespace, where the inventory is kept. Default: `default`.
        public var namespace: String
        /// The namespace namespaced objects without one go to. Default: `default`.
        public var defaultNamespace: String
        /// Whether objects that left git are deleted. Default: `false`.
        public var prune: Bool
        /// Names the repository in each object's source annotation (a URL or a directory). Default: empty.
        public var repository: String
        /// The server-side apply field manager. Default: `fluxhelm`.
        public var fieldManager: String
        /// Most applies in flight at once; the client's rate limiter still bounds the rate. Default: 16.
        public var maximumConcurrentApplies: Int
        /// How long to wait for applied CRDs to become `Established`. Default: 60 s.
        public var crdEstablishTimeout: Duration
        /// How often a CRD's status is read while waiting for it. Default: 200 ms.
        public var crdPollInterval: Duration

        /// Creates a configuration; every parameter has the default listed on its property.
        public init(
            name: String = "fluxhelm-agent", namespace: String = "default", defaultNamespace: String = "default",
            prune: Bool = false, repository: String = "", fieldManager: String = "fluxhelm",
            maximumConcurrentApplies: Int = 16, crdEstablishTimeout: Duration = .seconds(60),
            crdPollInterval: Duration = .milliseconds(200)
        ) {
            self.name = name
            self.namespace = namespace
            self.defaultNamespace = defaultNamespace
            self.prune = prune
            self.repository = repository
            self.fieldManager = fieldManager
            self.maximumConcurrentApplies = maximumConcurrentApplies
            self.crdEstablishTimeout = crdEstablishTimeout
            self.crdPollInterval = crdPollInterval
        }

        /// The inventory Secret's name: `NAME-inventory`.
        public var inventoryName: String { "\(name)-inventory" }
    }

    /// The label every applied object carries; its value is ``Configuration/name``. Prune deletes only objects
    /// that still carry it.
    public static let ownerLabel = "fluxhelm.io/sync-owner"
    /// The annotation naming the repository an object came from.
    public static let repositoryAnnotation = "fluxhelm.io/source-repository"
    /// The annotation naming the file (and document) an object came from: `path/in/repo.yaml#2`.
    public static let fileAnnotation = "fluxhelm.io/source-file"

    /// The client.
    public var client: KubeClient
    /// The settings.
    public var configuration: Configuration

    /// Creates a syncer.
    public init(client: KubeClient, configuration: Configuration = Configuration()) {
        self.client = client
        self.configuration = configuration
    }

    /// The store of this agent's inventory.
    public var inventoryStore: InventoryStore {
        InventoryStore(
            client: client, namespace: configuration.namespace, name: configuration.inventoryName,
            fieldManager: configuration.fieldManager)
    }

    /// Syncs one revision.
    ///
    /// - Parameters:
    ///   - snapshot: the revision and the files under the sync paths.
    ///   - logger: where progress and failures are logged.
    /// - Returns: the result; object-level failures are in it, not thrown.
    /// - Throws: ``AgentError/Code/inventory`` when the inventory cannot be read or written; then nothing is
    ///   pruned and the caller retries later.
    public func sync(_ snapshot: SourceSnapshot, logger: Logger) async throws(AgentError) -> SyncResult {
        var logger = logger
        logger[metadataKey: "fluxhelm.revision"] = .string(snapshot.revision)
        let store = inventoryStore
        let (old, previousShards) = try await store.load()
        let client = self.client
        var plan = await SyncPlan.make(ManifestSet.read(snapshot.files), configuration: configuration) { gvk in
            do {
                return .success(try await client.resourceMapping(for: gvk).namespaced)
            } catch let error as KubeAPIError {
                return .failure(error)
            } catch {
                return .failure(KubeAPIError(code: .transport, message: "\(error)", cause: error))
            }
        }
        var result = SyncResult(revision: snapshot.revision)
        var inventory = Inventory(revision: snapshot.revision)

        // Phase 1: CRDs and Namespaces, then wait for the CRDs.
        let (first, rest) = plan.phases
        await applyAll(first, plan: &plan, result: &result, inventory: &inventory, old: old, logger: logger)
        let pendingCRDs = first.filter { plan.items[$0].manifest.isCRD && plan.items[$0].applied }
        let notEstablished = await waitForCRDs(pendingCRDs.map { plan.items[$0] }, logger: logger)
        // Phase 2: everything else.
        for index in rest {
            if let gk = plan.items[index].definedBy, let reason = notEstablished[gk] {
                plan.items[index].failure = SyncFailure(
                    origin: plan.items[index].manifest.origin, object: plan.items[index].id, message: reason,
                    code: .apply)
            }
        }
        await applyAll(rest, plan: &plan, result: &result, inventory: &inventory, old: old, logger: logger)

        result.failures = (plan.readFailures + plan.items.compactMap(\.failure)).sorted(by: Self.failureOrder)
        // Objects that failed keep their old entry, so a later prune can still find them.
        for item in plan.items where item.failure != nil {
            if let entry = old.entries[item.id] { inventory.entries[item.id] = entry }
        }
        await prune(plan: plan, old: old, result: &result, inventory: &inventory, logger: logger)

        inventory.result = result.json.serializedString()
        // Nothing changed since the last sync (same revision, same objects, same failures): write nothing, so a
        // no-change sync makes no writes at all.
        let sameFailures = (try? JSONValue(parsing: old.result))?["failures"] == result.json["failures"]
        let changed =
            inventory.entries != old.entries || inventory.revision != old.revision || result.applied > 0
            || result.pruned > 0 || !sameFailures
        if changed {
            let stored = try await store.save(inventory, previousShards: previousShards)
            let recorder = EventRecorder(client: client, component: configuration.name, logger: logger)
            await SyncEvents(recorder: recorder).record(result, on: stored)
        }
        log(result, logger: logger)
        return result
    }

    private func log(_ result: SyncResult, logger: Logger) {
        for failure in result.failures {
            logger.error("sync failure", metadata: ["fluxhelm.failure": .string(failure.description)])
        }
        let level: Logger.Level = result.succeeded ? .info : .warning
        logger.log(level: level, "sync finished: \(result)")
    }

    /// Failures in file, document, then object order; failures without a file last.
    static func failureOrder(_ a: SyncFailure, _ b: SyncFailure) -> Bool {
        switch (a.origin, b.origin) {
        case (let x?, let y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (a.object?.description ?? "", a.message) < (b.object?.description ?? "", b.message)
        }
    }
}
