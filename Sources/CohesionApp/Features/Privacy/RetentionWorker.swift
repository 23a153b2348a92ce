import Vapor
import CohesionCore

/// Runs the retention erasure once a day while the app serves. Every instance looks each hour;
/// the claim on the day in the database lets exactly one of them run it.
struct RetentionWorker: LifecycleHandler {
    final class Running: @unchecked Sendable {
        // Set in didBoot and read in shutdown, both on the application's boot and shutdown path.
        var task: Task<Void, Never>?
    }

    let running = Running()
    static let interval: Duration = .seconds(3600)

    func didBootAsync(_ application: Application) async throws {
        running.task = Task {
            while !Task.isCancelled {
                await Self.runIfDue(application)
                try? await Task.sleep(for: Self.interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        running.task?.cancel()
        _ = await running.task?.value
    }

    static func runIfDue(_ application: Application) async {
        let now = application.cohesion.clock.now()
        let today = BerlinTime.day(of: now)
        do {
            guard let months = try await Retention.months(on: application.db),
                  try await Retention.claim(today, on: application.db) else { return }
            let erased = try await Retention.run(months: months, today: today, at: now, on: application.db)
            application.logger.info("retention", metadata: ["erased": "\(erased.count)", "months": "\(months)"])
        } catch {
            application.logger.error("retention failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }
}
