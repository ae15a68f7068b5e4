public import HelmEngine
public import KubeAPI
public import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything a release action needs, built once per process (Helm's `action.Configuration`).
///
/// The actions (``install(_:)``, ``upgrade(_:)``, ``rollback(name:namespace:_:)``,
/// ``uninstall(name:namespace:_:)``, ``test(name:namespace:_:)``, ``history(name:namespace:max:)``,
/// ``status(name:namespace:revision:)``, ``list(namespace:filter:)``) are methods of this type. Each one that
/// changes a release runs under the release's lock (``ReleaseLock``), renewing the lease while it runs.
///
/// ```swift
/// let actions = try await ActionConfiguration.kubernetes(client: client, storageDriver: "secret", namespace: "apps")
/// let release = try await actions.install(InstallOptions(name: "web", namespace: "apps", chart: chart))
/// ```
public struct ActionConfiguration: Sendable {
    /// The cluster.
    public var client: KubeClient
    /// Where release records live.
    public var storage: ReleaseStorage
    /// The per-release lock that keeps two processes off one release and recovers interrupted operations.
    public var lock: ReleaseLock
    /// Renders charts; its capabilities should be the cluster's (``ClusterCapabilities``).
    public var renderer: ChartRenderer
    /// The server-side apply field manager; `helm`, so helm and fluxhelm share the fields they own.
    public var fieldManager: String
    /// Timestamps for records and hook runs.
    public var clock: any WallClock
    /// What actions sleep on: lease renewal and readiness polling. Inject a test clock to drive them.
    public var timer: any Clock<Duration>
    /// How often waits poll the cluster.
    public var pollInterval: Duration
    /// Where actions log.
    public var logger: Logger

    /// Creates a configuration from its parts.
    public init(
        client: KubeClient, storage: ReleaseStorage, lock: ReleaseLock, renderer: ChartRenderer,
        fieldManager: String = "helm", clock: any WallClock = SystemWallClock(),
        logger: Logger = Logger(label: "fluxhelm.actions", factory: { _ in SwiftLogNoOpLogHandler() }),
        timer: any Clock<Duration> = ContinuousClock(), pollInterval: Duration = .seconds(2)
    ) {
        self.client = client
        self.storage = storage
        self.lock = lock
        self.renderer = renderer
        self.fieldManager = fieldManager
        self.clock = clock
        self.timer = timer
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// A configuration for a cluster: release records as Secrets (`secret`, the default), ConfigMaps
    /// (`configmap`) or in memory (`memory`), release leases as Lease objects, and capabilities read from the
    /// cluster.
    /// - Parameters:
    ///   - client: the cluster.
    ///   - storageDriver: `secret` (or empty), `secrets`, `configmap`, `configmaps` or `memory`, as `HELM_DRIVER`.
    ///   - namespace: the namespace the command works in (records live in each release's own namespace).
    ///   - maxHistory: most revisions kept per release (`--history-max`, default 10; 0 keeps all).
    ///   - lockConfiguration: lease timing.
    /// - Throws: ``ReleaseError/Code/invalidOperation`` for an unknown driver; ``ReleaseError/Code/kubernetes``
    ///   when the cluster's capabilities cannot be read.
    public static func kubernetes(
        client: KubeClient, storageDriver: String, namespace: String, maxHistory: Int = 10,
        fieldManager: String = "helm", clock: any WallClock = SystemWallClock(),
        lockConfiguration: ReleaseLock.Configuration = ReleaseLock.Configuration(),
        logger: Logger = Logger(label: "fluxhelm.actions", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> ActionConfiguration {
        let driver: any ReleaseStorageDriver
        switch storageDriver.lowercased() {
        case "", "secret", "secrets":
            driver = RecordReleaseDriver(
                records: KubernetesReleaseRecordStore(client: client, kind: .secret), clock: clock, logger: logger)
        case "configmap", "configmaps":
            driver = RecordReleaseDriver(
                records: KubernetesReleaseRecordStore(client: client, kind: .configMap), clock: clock, logger: logger)
        case "memory":
            driver = MemoryReleaseDriver()
        default:
            throw ReleaseError.invalidOperation(
                "unknown storage driver \"\(storageDriver)\" (expected secret, configmap or memory)")
        }
        let capabilities = try await ClusterCapabilities.read(from: client)
        logger.debug(
            "cluster capabilities",
            metadata: [
                "k8s.version": "\(capabilities.kubeVersion.version)", "namespace": "\(namespace)",
                "apiVersions": "\(capabilities.apiVersions.count)",
            ])
        return ActionConfiguration(
            client: client,
            storage: ReleaseStorage(driver: driver, maxHistory: maxHistory, logger: logger),
            lock: ReleaseLock(
                store: KubernetesReleaseLeaseStore(client: client), identity: processIdentity(), clock: clock,
                configuration: lockConfiguration),
            renderer: ChartRenderer(capabilities: capabilities),
            fieldManager: fieldManager, clock: clock, logger: logger)
    }

    /// This process's lock identity: `fluxhelm-HOST-PID-RANDOM`, unique per process even across restarts.
    public static func processIdentity() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let host = gethostname(&buffer, buffer.count - 1) == 0 ? String(cString: buffer) : "unknown"
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "fluxhelm-\(host)-\(getpid())-\(random)"
    }
}
