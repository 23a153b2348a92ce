import CohesionCore
import CohesionPlatform
import Vapor

/// Runs the retention erasure once a day while the app serves. Every instance looks each hour;
/// the claim on the day in the database lets exactly one of them run it.
enum RetentionWorker {
    static func make() -> PeriodicWorker {
        PeriodicWorker(interval: .seconds(3600), atStart: true, work: runIfDue)
    }

    @Sendable static func runIfDue(_ application: Application) async {
        let now = application.cohesion.clock.now()
        let today = BerlinTime.day(of: now)
        do {
            guard let months = try await Retention.months(on: application.db),
                try await Retention.claim(today, on: application.db)
            else { return }
            let erased = try await Retention.run(months: months, today: today, at: now, declarations: application.features.personalData, on: application.db)
            application.logger.info("retention", metadata: ["erased": "\(erased.count)", "months": "\(months)"])
        } catch {
            application.logger.error("retention failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }
}
