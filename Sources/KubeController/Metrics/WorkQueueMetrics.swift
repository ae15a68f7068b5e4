public import Metrics

/// The metrics of one ``WorkQueue``, named after controller-runtime's workqueue metrics with the `fluxhelm_`
/// prefix and the queue's name as the `name` dimension.
///
/// | metric                                                  | type      |
/// |---------------------------------------------------------|-----------|
/// | `fluxhelm_workqueue_depth{name}`                        | gauge     |
/// | `fluxhelm_workqueue_adds_total{name}`                   | counter   |
/// | `fluxhelm_workqueue_retries_total{name}`                | counter   |
/// | `fluxhelm_workqueue_queue_duration_seconds{name}`       | histogram |
/// | `fluxhelm_workqueue_work_duration_seconds{name}`        | histogram |
/// | `fluxhelm_workqueue_unfinished_work_seconds{name}`      | gauge     |
/// | `fluxhelm_workqueue_longest_running_processor_seconds{name}` | gauge |
public struct WorkQueueMetrics: Sendable {
    let depth: Gauge
    let adds: Counter
    let retries: Counter
    let queueDuration: Timer
    let workDuration: Timer
    let unfinishedWork: Gauge
    let longestRunning: Gauge

    /// Creates the metrics of the queue called `name`.
    ///
    /// - Parameters:
    ///   - name: the `name` dimension (the controller's name for a controller's queue).
    ///   - factory: where the metrics go; pass a `PrometheusMetricsFactory` over your own registry to scrape them.
    ///     Default: the process-wide `MetricsSystem.factory`.
    public init(name: String, factory: any MetricsFactory = MetricsSystem.factory) {
        let dimensions = [("name", name)]
        depth = Gauge(label: "fluxhelm_workqueue_depth", dimensions: dimensions, factory: factory)
        adds = Counter(label: "fluxhelm_workqueue_adds_total", dimensions: dimensions, factory: factory)
        retries = Counter(label: "fluxhelm_workqueue_retries_total", dimensions: dimensions, factory: factory)
        queueDuration = Timer(
            label: "fluxhelm_workqueue_queue_duration_seconds", dimensions: dimensions, factory: factory)
        workDuration = Timer(
            label: "fluxhelm_workqueue_work_duration_seconds", dimensions: dimensions, factory: factory)
        unfinishedWork = Gauge(
            label: "fluxhelm_workqueue_unfinished_work_seconds", dimensions: dimensions, factory: factory)
        longestRunning = Gauge(
            label: "fluxhelm_workqueue_longest_running_processor_seconds", dimensions: dimensions, factory: factory)
    }
}

extension Duration {
    /// The duration in seconds, as metrics report it.
    var seconds: Double {
        let (s, attos) = components
        return Double(s) + Double(attos) / 1e18
    }
}
