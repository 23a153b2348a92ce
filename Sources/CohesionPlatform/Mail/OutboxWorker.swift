import Vapor

/// Tries the outbox again every minute while the app serves, so a message whose first delivery
/// failed goes out after its backoff even when no new write triggers a delivery.
package enum OutboxWorker {
    package static let interval: Duration = .seconds(60)

    package static func make() -> PeriodicWorker {
        PeriodicWorker(interval: interval, atStart: false) { application in
            await application.cohesion.mailer.deliverPending(
                on: application.db, logger: application.logger,
                now: application.cohesion.clock.now())
        }
    }
}
