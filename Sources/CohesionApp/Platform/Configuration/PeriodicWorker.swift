import Vapor

/// Background work that `serve` repeats at an interval while it runs (the outbox, the retention
/// run), stopped with the application.
struct PeriodicWorker: LifecycleHandler {
    final class Running: @unchecked Sendable {
        // Set in didBoot and read in shutdown, both on the application's boot and shutdown path.
        var task: Task<Void, Never>?
    }

    let interval: Duration
    /// Whether the first run comes at start or after one interval.
    let atStart: Bool
    let work: @Sendable (Application) async -> Void
    let running = Running()

    func didBootAsync(_ application: Application) async throws {
        running.task = Task {
            if !atStart { try? await Task.sleep(for: interval) }
            while !Task.isCancelled {
                await work(application)
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        running.task?.cancel()
        _ = await running.task?.value
    }
}
