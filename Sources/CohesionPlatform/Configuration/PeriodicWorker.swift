import Vapor

/// Background work that `serve` repeats at an interval while it runs (the outbox, the retention
/// run), stopped with the application.
package struct PeriodicWorker: LifecycleHandler {
    package final class Running: @unchecked Sendable {
        // Set in didBoot and read in shutdown, both on the application's boot and shutdown path.
        package var task: Task<Void, Never>?
    }

    package let interval: Duration
    /// Whether the first run comes at start or after one interval.
    package let atStart: Bool
    package let work: @Sendable (Application) async -> Void
    package let running = Running()

    package func didBootAsync(_ application: Application) async throws {
        running.task = Task {
            if !atStart { try? await Task.sleep(for: interval) }
            while !Task.isCancelled {
                await work(application)
                try? await Task.sleep(for: interval)
            }
        }
    }

    package func shutdownAsync(_ application: Application) async {
        running.task?.cancel()
        _ = await running.task?.value
    }

    package init(interval: Duration, atStart: Bool, work: @escaping @Sendable (Application) async -> Void) {
        self.interval = interval
        self.atStart = atStart
        self.work = work
    }
}
