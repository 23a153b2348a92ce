import Vapor

/// Tries the outbox again every minute while the app serves, so a message whose first delivery
/// failed goes out after its backoff even when no new write triggers a delivery.
struct OutboxWorker: LifecycleHandler {
    final class Running: @unchecked Sendable {
        // Set in didBoot and read in shutdown, both on the application's boot and shutdown path.
        var task: Task<Void, Never>?
    }

    let running = Running()
    static let interval: Duration = .seconds(60)

    func didBootAsync(_ application: Application) async throws {
        running.task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                guard !Task.isCancelled else { return }
                await application.cohesion.mailer.deliverPending(on: application.db, logger: application.logger,
                                                                 now: application.cohesion.clock.now())
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        running.task?.cancel()
        _ = await running.task?.value
    }
}
