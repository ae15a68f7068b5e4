public import Metrics

/// The metrics of one ``Controller``, named after controller-runtime's with the `fluxhelm_` prefix.
///
/// | metric                                             | type      | dimensions                            |
/// |----------------------------------------------------|-----------|---------------------------------------|
/// | `fluxhelm_reconcile_total`                         | counter   | `controller`, `result` (`success`, `error`, `requeue_after`) |
/// | `fluxhelm_reconcile_errors_total`                  | counter   | `controller`                          |
/// | `fluxhelm_terminal_reconcile_errors_total`         | counter   | `controller`                          |
/// | `fluxhelm_reconcile_time_seconds`                  | histogram | `controller`                          |
/// | `fluxhelm_active_workers`                          | gauge     | `controller`                          |
/// | `fluxhelm_max_concurrent_reconciles`               | gauge     | `controller`                          |
///
/// The controller's queue adds the ``WorkQueueMetrics`` with the controller's name.
public struct ControllerMetrics: Sendable {
    let success: Counter
    let error: Counter
    let requeueAfter: Counter
    let errors: Counter
    let terminalErrors: Counter
    let reconcileTime: Timer
    let activeWorkers: Meter
    let maxConcurrentReconciles: Gauge
    /// The factory the controller's queue metrics are made with.
    let factory: any MetricsFactory

    /// Creates the metrics of the controller called `controller`.
    ///
    /// - Parameters:
    ///   - controller: the `controller` dimension.
    ///   - factory: where the metrics go; pass a `PrometheusMetricsFactory` over your own registry to scrape
    ///     them. Default: the process-wide `MetricsSystem.factory`.
    public init(controller: String, factory: any MetricsFactory = MetricsSystem.factory) {
        let dimensions = [("controller", controller)]
        func total(_ result: String) -> Counter {
            Counter(label: "fluxhelm_reconcile_total", dimensions: dimensions + [("result", result)], factory: factory)
        }
        success = total("success")
        error = total("error")
        requeueAfter = total("requeue_after")
        errors = Counter(label: "fluxhelm_reconcile_errors_total", dimensions: dimensions, factory: factory)
        terminalErrors = Counter(
            label: "fluxhelm_terminal_reconcile_errors_total", dimensions: dimensions, factory: factory)
        reconcileTime = Timer(label: "fluxhelm_reconcile_time_seconds", dimensions: dimensions, factory: factory)
        activeWorkers = Meter(label: "fluxhelm_active_workers", dimensions: dimensions, factory: factory)
        maxConcurrentReconciles = Gauge(
            label: "fluxhelm_max_concurrent_reconciles", dimensions: dimensions, factory: factory)
        self.factory = factory
    }
}
