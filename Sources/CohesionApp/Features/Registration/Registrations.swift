import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// Registering for a part and cancelling, with capacity and a waitlist in order of arrival.
///
/// Every change to a part's seats starts by incrementing the part's `registration_sequence`:
/// that write takes the part row's lock (PostgreSQL) or the database's write lock (SQLite), so
/// concurrent changes to one part run one after the other and can neither overbook nor lose a
/// registration. The incremented value is also the arrival number that orders the waitlist.
enum Registrations {
    struct NotAMember: Error {}

    /// `recording` runs in the same transaction (the audit line), so a registration is never stored without it.
    static func register(
        userID: UUID, partID: UUID, answers: VenueAnswers, lateChangeReason: String? = nil, on db: any Database,
        recording: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws -> RegistrationStatus {
        try await register(userID: userID, partID: partID, answers: answers, lateChangeReason: lateChangeReason, on: db) { db, status in
            try await recording(db)
            return status
        }
    }

    /// The same, answering with what `then` reads in the registration's transaction (the API's answer).
    static func register<Answer: Sendable>(
        userID: UUID, partID: UUID, answers: VenueAnswers, lateChangeReason: String? = nil, on db: any Database,
        then: @escaping @Sendable (any Database, RegistrationStatus) async throws -> Answer
    ) async throws -> Answer {
        try await WriteQueue.serialized(on: db, onlySQLite: false) {
            try await db.transaction { db in
                let (sequence, capacity) = try await lock(partID, on: db)
                let existing = try await Registration.query(on: db).filter(\.$part.$id == partID).filter(\.$user.$id == userID).first()
                let registration = existing ?? Registration()
                if existing == nil || existing?.status == RegistrationStatus.cancelled {
                    let registered = try await Registration.query(on: db).filter(\.$part.$id == partID)
                        .filter(\.$status == RegistrationStatus.registered).count()
                    registration.status = Seats.statusForNewRegistration(capacity: capacity, registered: registered)
                    registration.sequence = sequence
                }
                registration.$part.id = partID
                registration.$user.id = userID
                registration.overnight = answers.overnight
                registration.diet = answers.diet.rawValue
                registration.dietNote = answers.dietNote
                registration.accessibility = answers.accessibility
                registration.photoConsent = answers.photoConsent
                if let lateChangeReason { registration.lateChangeReason = lateChangeReason }
                try await registration.save(on: db)
                return try await then(db, registration.status)
            }
        }
    }

    /// Cancels and gives a freed seat to the first on the waitlist, who is told by mail.
    /// Returns the ids of those who moved up.
    @discardableResult
    static func cancel(
        userID: UUID, partID: UUID, lateChangeReason: String? = nil, services: CohesionServices, on db: any Database,
        recording: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws -> [UUID] {
        try await WriteQueue.serialized(on: db, onlySQLite: false) {
            try await db.transaction { db in
                _ = try await lock(partID, on: db)
                guard
                    let registration = try await Registration.query(on: db).filter(\.$part.$id == partID)
                        .filter(\.$user.$id == userID).first(), registration.status != RegistrationStatus.cancelled
                else { return [] }
                registration.status = RegistrationStatus.cancelled
                if let lateChangeReason { registration.lateChangeReason = lateChangeReason }
                try await registration.save(on: db)
                try await recording(db)
                return try await fillFreeSeats(partID: partID, services: services, on: db, locked: true)
            }
        }
    }

    /// Moves people up from the waitlist while seats are free (after a cancellation or a larger capacity).
    @discardableResult
    static func fillFreeSeats(partID: UUID, services: CohesionServices, on db: any Database, locked: Bool = false) async throws -> [UUID] {
        if !locked {
            return try await WriteQueue.serialized(on: db, onlySQLite: false) {
                try await db.transaction { db in try await fillFreeSeats(partID: partID, services: services, on: db, locked: true) }
            }
        }
        let (_, capacity) = try await lock(partID, on: db)
        let active = try await Registration.query(on: db).filter(\.$part.$id == partID)
            .filter(\.$status != RegistrationStatus.cancelled).sort(\.$sequence).with(\.$user).all()
        let registered = active.filter { $0.status == RegistrationStatus.registered }.count
        let waiting = active.filter { $0.status == RegistrationStatus.waitlisted }
        let moving = waiting.prefix(Seats.promotions(capacity: capacity, registered: registered, waiting: waiting.count))
        guard let part = try await Part.find(partID, on: db) else { return [] }
        for registration in moving {
            registration.status = RegistrationStatus.registered
            try await registration.save(on: db)
            let link = services.config.absoluteURL(SiteURL.registration(.value(partID)).path)
            try await Mailer.enqueue(
                to: registration.user.email, subject: "Cohesion: Sie haben einen Platz für Teil \(part.number)",
                body: MailTexts.promoted(name: registration.user.name, part: part, link: link), on: db)
        }
        return moving.map(\.$user.id)
    }

    /// Takes the part's lock and returns the new arrival number and the capacity.
    private static func lock(_ partID: UUID, on db: any Database) async throws -> (sequence: Int, capacity: Int) {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        try await sql.raw("UPDATE parts SET registration_sequence = registration_sequence + 1 WHERE id = \(bind: partID)").run()
        struct Row: Decodable { let registrationSequence: Int; let capacity: Int }
        guard
            let row = try await sql.raw("SELECT registration_sequence, capacity FROM parts WHERE id = \(bind: partID)")
                .first(decoding: Row.self, with: .snakeCaseColumns)
        else { throw AppError.notFound }
        return (row.registrationSequence, row.capacity)
    }
}

extension MailTexts {
    static func promoted(name: String, part: Part, link: String) -> String {
        let dates = part.dates
        return """
            Guten Tag \(name),

            für Teil \(part.number) „\(part.title)“ (\(dates), \(part.venueName), \(part.city)) ist ein Platz frei geworden: Sie sind jetzt angemeldet.

            Ihre Anmeldung ansehen oder ändern: \(link)

            Wenn Sie nicht teilnehmen können, melden Sie sich bitte dort ab, damit der Platz weitergegeben werden kann.

            Ihr Team des Fortbildungsprogramms für Integrationsbeauftragte
            """
    }
}
