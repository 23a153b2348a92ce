import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// Registrations: participants register, change their answers and cancel for parts of their
/// edition, with the same waitlist and the same closing date as on the page; the lead reads all.
extension APIHandler {
    private struct RegistrationRow: Decodable {
        let id: UUID; let partID: UUID; let userID: UUID; let name: String; let status: RegistrationStatus; let sequence: Int
        let overnight: Bool; let diet: String; let dietNote: String; let accessibility: String; let photoConsent: Bool
    }

    func listRegistrations(_ input: Operations.ListRegistrations.Input) async throws -> Operations.ListRegistrations.Output {
        let caller = try caller()
        let limit = try APICursor.limit(input.query.limit)
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let after = try APICursor.id(input.query.cursor) { conditions.append("r.id > \(bind: after)") }
        if caller.user.role == .participant { conditions.append("r.user_id = \(bind: caller.user.id)") }
        if let part = input.query.partID { conditions.append("r.part_id = \(bind: try id(part))") }
        let rows = try await request.sql.raw(
            """
            SELECT r.id, r.part_id, r.user_id, u.name, r.status, r.sequence, r.overnight, r.diet, r.diet_note, r.accessibility, r.photo_consent
            FROM registrations r JOIN users u ON u.id = r.user_id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY r.id LIMIT \(bind: limit + 1)
            """
        ).all(decoding: RegistrationRow.self, with: .snakeCaseColumns)
        let page = APICursor.page(rows, limit: limit, key: { $0.id.uuidString })
        let places = try await Self.waitlistPlaces(of: page.items, on: try request.sql)
        return .ok(.init(body: .json(.init(items: page.items.map { Self.registration($0, place: places[$0.id]) }, nextCursor: page.next))))
    }

    func putRegistration(_ input: Operations.PutRegistration.Input) async throws -> Operations.PutRegistration.Output {
        let caller = try caller()
        let part = try await openPart(input.path.part)
        guard case .json(let body) = input.body else { throw AppError(.unsupportedMediaType, "Bitte JSON senden.") }
        switch VenueAnswers.check(
            overnight: body.overnight ? "ja" : "nein", diet: body.diet.rawValue, dietNote: body.dietNote ?? "",
            accessibility: body.accessibility ?? "", photos: body.photoConsent ? "ja" : "nein")
        {
        case .invalid(let errors):
            throw AppError.invalid(errors)
        case .valid(let answers):
            let req = try request
            let partID = try part.requireID()
            let userID = caller.user.id
            // The answer is read in the registration's transaction: stored means answered, and a
            // request that finds no connection (503) has changed nothing.
            let stored = try await Registrations.register(userID: userID, partID: partID, answers: answers, on: req.db) { db, _ in
                try await Audit.record(
                    .registration, "Anmeldung von \(caller.user.name) für \(try await Audit.part(partID, on: db)) über die API",
                    objectID: partID, by: req, on: db)
                return try await Self.ownRegistration(partID: partID, userID: userID, on: db.sql)
            }
            return .ok(.init(body: .json(stored)))
        }
    }

    func deleteRegistration(_ input: Operations.DeleteRegistration.Input) async throws -> Operations.DeleteRegistration.Output {
        let caller = try caller()
        let part = try await openPart(input.path.part)
        let req = try request
        let partID = try part.requireID()
        try await Registrations.cancel(userID: caller.user.id, partID: partID, services: req.cohesion, on: req.db) { db in
            try await Audit.record(
                .registration, "Absage von \(caller.user.name) für \(try await Audit.part(partID, on: db)) über die API",
                objectID: partID, by: req, on: db)
        }
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return .noContent(.init())
    }

    /// The part, if participants may still change their registration (until the day before it begins).
    private func openPart(_ raw: String) async throws -> Part {
        let req = try request
        guard let part = try await Part.find(try id(raw), on: req.db) else { throw AppError.notFound }
        guard RegistrationWindow.isOpen(startsOn: part.startsOn, today: BerlinTime.day(of: req.now)) else {
            throw AppError(.conflict, "Teil \(part.number) hat begonnen; Anmeldungen ändert jetzt nur die Programmleitung.")
        }
        return part
    }

    private static func ownRegistration(partID: UUID, userID: UUID, on sql: any SQLDatabase) async throws -> Components.Schemas.Registration {
        guard
            let row = try await sql.raw(
                """
                SELECT r.id, r.part_id, r.user_id, u.name, r.status, r.sequence, r.overnight, r.diet, r.diet_note, r.accessibility, r.photo_consent
                FROM registrations r JOIN users u ON u.id = r.user_id WHERE r.part_id = \(bind: partID) AND r.user_id = \(bind: userID)
                """
            ).first(decoding: RegistrationRow.self, with: .snakeCaseColumns)
        else { throw AppError.notFound }
        return registration(row, place: try await waitlistPlaces(of: [row], on: sql)[row.id])
    }

    /// Each waitlisted row's place in its part's waitlist, from one query for all the rows' parts.
    private static func waitlistPlaces(of rows: [RegistrationRow], on sql: any SQLDatabase) async throws -> [UUID: Int] {
        let waiting = rows.filter { $0.status == .waitlisted }
        guard !waiting.isEmpty else { return [:] }
        struct Entry: Decodable { let partID: UUID; let sequence: Int }
        let queue = try await sql.raw(
            """
            SELECT part_id, sequence FROM registrations
            WHERE status = \(bind: RegistrationStatus.waitlisted) AND part_id IN (\(binds: Array(Set(waiting.map(\.partID)))))
            """
        ).all(decoding: Entry.self, with: .snakeCaseColumns)
        let byPart = Dictionary(grouping: queue, by: \.partID)
        return Dictionary(
            uniqueKeysWithValues: waiting.map { row in
                (row.id, (byPart[row.partID] ?? []).filter { $0.sequence <= row.sequence }.count)
            })
    }

    private static func registration(_ row: RegistrationRow, place: Int?) -> Components.Schemas.Registration {
        .init(
            id: row.id.uuidString, partID: row.partID.uuidString, userID: row.userID.uuidString, name: row.name,
            status: .init(rawValue: row.status.rawValue) ?? .registered, waitlistPlace: place, overnight: row.overnight,
            diet: row.diet, dietNote: row.dietNote, accessibility: row.accessibility, photoConsent: row.photoConsent)
    }

}
