public import GoTemplate
public import HelmEngine
public import KubeAPI

/// What `install` does (Helm's `action.Install`; flag names in comments).
public struct InstallOptions: Sendable {
    /// The release name (NAME).
    public var name: String
    /// The release namespace (`--namespace`).
    public var namespace: String
    /// The chart, loaded by the caller.
    public var chart: HelmEngine.Chart
    /// The user-supplied values (`-f`/`--set` merged); stored as the release's config.
    public var values: [String: Value]
    /// `--create-namespace`.
    public var createNamespace = false
    /// `--wait`: wait until the resources are ready.
    public var wait = false
    /// `--wait-for-jobs`: with `wait`, also wait until Jobs complete.
    public var waitForJobs = false
    /// `--timeout`: for each wait and each hook.
    public var timeout: Duration = .seconds(300)
    /// `--atomic` / `--rollback-on-failure`: uninstall on failure (implies `wait`).
    public var atomic = false
    /// `--no-hooks`.
    public var noHooks = false
    /// `--skip-crds`.
    public var skipCRDs = false
    /// `--replace`: reuse the name of a failed or uninstalled release.
    public var replace = false
    /// `--take-ownership`: adopt existing objects not owned by the release.
    public var takeOwnership = false
    /// `--force-conflicts`: take over fields other managers own.
    public var forceConflicts = false
    /// `--description`: the deployed revision's description instead of `Install complete`.
    public var description: String? = nil
    /// `--labels`: custom labels on the release records.
    public var labels: [String: String] = [:]
    /// `--dry-run`: render and check, write nothing.
    public var dryRun = false
    /// `--skip-schema-validation`.
    public var skipSchemaValidation = false

    /// Creates options for installing `chart` as `name` in `namespace`.
    public init(name: String, namespace: String, chart: HelmEngine.Chart, values: [String: Value] = [:]) {
        self.name = name
        self.namespace = namespace
        self.chart = chart
        self.values = values
    }
}

/// What `upgrade` does (Helm's `action.Upgrade`).
public struct UpgradeOptions: Sendable {
    /// The release name.
    public var name: String
    /// The release namespace.
    public var namespace: String
    /// The new chart.
    public var chart: HelmEngine.Chart
    /// The user-supplied values.
    public var values: [String: Value]
    /// `--install`: install when the release does not exist.
    public var install = false
    /// `--reuse-values`: the previous config under the new values, the previous chart's defaults.
    public var reuseValues = false
    /// `--reset-values`: only the new values and the new chart's defaults.
    public var resetValues = false
    /// `--reset-then-reuse-values`: the previous config under the new values, the new chart's defaults.
    public var resetThenReuseValues = false
    /// `--force`: delete and recreate objects that cannot be updated in place.
    public var force = false
    /// `--force-conflicts`.
    public var forceConflicts = false
    /// `--wait`.
    public var wait = false
    /// `--wait-for-jobs`.
    public var waitForJobs = false
    /// `--timeout`.
    public var timeout: Duration = .seconds(300)
    /// `--atomic` / `--rollback-on-failure`: roll back to the last successful revision on failure.
    public var atomic = false
    /// `--cleanup-on-fail`: delete the objects this upgrade created when it fails.
    public var cleanupOnFail = false
    /// `--no-hooks`.
    public var noHooks = false
    /// `--skip-crds` (when `install` installs).
    public var skipCRDs = false
    /// `--description`.
    public var description: String? = nil
    /// `--labels`: merged over the previous revision's labels; the value `null` removes a label.
    public var labels: [String: String] = [:]
    /// `--dry-run`.
    public var dryRun = false
    /// `--create-namespace` (when `install` installs).
    public var createNamespace = false
    /// `--take-ownership`.
    public var takeOwnership = false
    /// `--skip-schema-validation`.
    public var skipSchemaValidation = false

    /// Creates options for upgrading release `name` in `namespace` to `chart`.
    public init(name: String, namespace: String, chart: HelmEngine.Chart, values: [String: Value] = [:]) {
        self.name = name
        self.namespace = namespace
        self.chart = chart
        self.values = values
    }
}

/// What `rollback` does (Helm's `action.Rollback`).
public struct RollbackOptions: Sendable {
    /// The revision to roll back to; 0 is the one before the latest.
    public var version = 0
    /// `--wait`.
    public var wait = false
    /// `--wait-for-jobs`.
    public var waitForJobs = false
    /// `--timeout`.
    public var timeout: Duration = .seconds(300)
    /// `--force`.
    public var force = false
    /// `--force-conflicts`.
    public var forceConflicts = false
    /// `--no-hooks`.
    public var noHooks = false
    /// `--cleanup-on-fail`.
    public var cleanupOnFail = false
    /// `--dry-run`.
    public var dryRun = false

    /// Creates default options.
    public init() {}
}

/// What `uninstall` does (Helm's `action.Uninstall`).
public struct UninstallOptions: Sendable {
    /// `--keep-history`: keep the records, the last one marked `uninstalled`.
    public var keepHistory = false
    /// `--no-hooks`.
    public var noHooks = false
    /// `--wait`: wait until the deleted objects are gone.
    public var wait = false
    /// `--timeout`.
    public var timeout: Duration = .seconds(300)
    /// `--ignore-not-found`.
    public var ignoreNotFound = false
    /// `--description`.
    public var description: String? = nil
    /// `--cascade`.
    public var cascade: DeleteOptions.PropagationPolicy = .background

    /// Creates default options.
    public init() {}
}

/// What `uninstall` did.
public struct UninstallResult: Sendable {
    /// The last revision as uninstalled (nil when `ignoreNotFound` found nothing).
    public var release: Release?
    /// Objects left in place because of `helm.sh/resource-policy: keep`.
    public var kept: [ReleaseResource]
    /// Helm's note about kept objects (`These resources were kept due to the resource policy:` and one
    /// `[Kind] name` line each), or empty.
    public var info: String

    /// Creates a result.
    public init(release: Release?, kept: [ReleaseResource] = [], info: String = "") {
        self.release = release
        self.kept = kept
        self.info = info
    }
}

/// What `test` does (Helm's `action.ReleaseTesting`).
public struct TestOptions: Sendable {
    /// `--timeout` for each test hook.
    public var timeout: Duration = .seconds(300)
    /// `--filter`: `name=NAME` runs only the named tests, `!name=NAME` skips them.
    public var filter: [String] = []

    /// Creates default options.
    public init() {}
}

/// Which releases `list` shows (`helm list` flags).
public struct ReleaseListFilter: Sendable {
    /// Statuses shown; `helm list` shows deployed and failed by default, `--all` every status.
    public var statuses: Set<ReleaseStatus> = [.deployed, .failed]
    /// `--filter`: a regular expression the name must match.
    public var nameRegex: String? = nil
    /// `--max`: most releases returned; 0 means all.
    public var maxCount = 256
    /// `--offset`: releases skipped first.
    public var offset = 0
    /// `--date`: sort by last deployment time instead of name.
    public var sortByDate = false
    /// `--reverse`.
    public var reverse = false

    /// Creates helm list's default filter.
    public init() {}

    /// Every status (`--all`).
    public static let allStatuses: Set<ReleaseStatus> = [
        .unknown, .deployed, .uninstalled, .superseded, .failed, .uninstalling, .pendingInstall, .pendingUpgrade,
        .pendingRollback,
    ]
}
