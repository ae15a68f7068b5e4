import CoreMetrics
import KubeAPI
import Logging

extension Controller {
    /// Reconciles one key and decides what happens to it next (controller-runtime's `reconcileHandler`).
    func reconcileHandler(_ request: ReconcileRequest) async {
        metrics.activeWorkers.increment()
        defer { metrics.activeWorkers.decrement() }
        var logger = options.logger
        logger[metadataKey: ControllerLoggingKeys.controller] = "\(name)"
        logger[metadataKey: ControllerLoggingKeys.reconcileID] =
            "\(String(UInt64.random(in: .min ... .max), radix: 16))"
        logger[metadataKey: ControllerLoggingKeys.namespace] = "\(request.key.namespace)"
        logger[metadataKey: ControllerLoggingKeys.name] = "\(request.key.name)"
        let started = clock.elapsed()
        defer { metrics.reconcileTime.recordNanoseconds((clock.elapsed() - started).nanoseconds) }
        do {
            let result = try await withLogger(logger) { _ in try await self.reconcileWithTimeout(request) }
            if let after = result.requeueAfter {
                queue.forget(request)
                queue.add(request, after: after)
                metrics.requeueAfter.increment()
            } else {
                queue.forget(request)
                metrics.success.increment()
            }
        } catch let error as TerminalError {
            queue.forget(request)
            metrics.error.increment()
            metrics.errors.increment()
            metrics.terminalErrors.increment()
            logger.error("reconciler failed with a terminal error; not retrying", metadata: ["error": "\(error.cause)"])
        } catch {
            metrics.error.increment()
            metrics.errors.increment()
            // A cancelled reconcile during shutdown is not retried: the queue no longer takes keys.
            queue.addRateLimited(request)
            logger.error(
                "reconciler failed; retrying with backoff",
                metadata: ["error": "\(error)", "retries": "\(queue.retries(request))"])
        }
    }

    /// Runs the reconciler, cancelling it after ``Options/reconciliationTimeout`` when one is set.
    private func reconcileWithTimeout(_ request: ReconcileRequest) async throws -> ReconcileResult {
        guard let timeout = options.reconciliationTimeout else { return try await reconciler.reconcile(request) }
        let reconciler = self.reconciler
        let clock = self.clock
        let name = self.name
        return try await withThrowingTaskGroup(of: ReconcileResult?.self) { group in
            group.addTask { try await reconciler.reconcile(request) }
            group.addTask {
                try await clock.sleep(timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let result = try await group.next() ?? nil else {
                throw ControllerError(
                    code: .reconcileTimeout,
                    message: "controller \(name): reconcile of \(request.key) ran past its \(timeout) timeout")
            }
            return result
        }
    }
}
