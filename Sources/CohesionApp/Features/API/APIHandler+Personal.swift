import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// The caller's own: who they are, their attendance, self-assessments and certificates.
extension APIHandler {
    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let caller = try caller()
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: caller.user.id.uuidString, name: caller.user.name,
                        role: .init(rawValue: caller.user.role.rawValue) ?? .participant,
                        scope: caller.mayWrite ? .readWrite : .read, tokenExpiresAt: caller.expiresAt))))
    }

    func listOwnAttendance(_ input: Operations.ListOwnAttendance.Input) async throws -> Operations.ListOwnAttendance.Output {
        let limit = try APICursor.limit(input.query.limit)
        let after = try APICursor.id(input.query.cursor)
        // The same rows as Mein Programm: one person's units, a few dozen, so the page is cut in memory.
        let rows = try await OwnAttendance.query(userID: try caller().user.id, on: request.sql).rows
        // Ordered by time; the cursor names the last unit, and the page goes on after it.
        let rest = after.map { after in rows.drop { $0.unitID != after }.dropFirst() } ?? rows[...]
        let page = APICursor.page(Array(rest.prefix(limit + 1)), limit: limit, key: \.unitID.uuidString)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: page.items.map {
                            .init(unitID: $0.unitID.uuidString, title: $0.title, startsAt: $0.startsAt, status: .init($0.status))
                        }, nextCursor: page.next))))
    }

    func listOwnSelfAssessments(_ input: Operations.ListOwnSelfAssessments.Input) async throws -> Operations.ListOwnSelfAssessments.Output {
        struct EditionRow: Decodable { let id: UUID; let title: String }
        let userID = try caller().user.id
        let sql = try request.sql
        let editions = try await sql.raw(
            """
            SELECT e.id, e.title FROM edition_members m JOIN editions e ON e.id = m.edition_id WHERE m.user_id = \(bind: userID) ORDER BY e.title
            """
        ).all(decoding: EditionRow.self)
        var result: [Components.Schemas.SelfAssessmentEdition] = []
        for edition in editions {
            let history = try await AssessmentHistory.query(userID: userID, editionID: edition.id, on: sql)
            let ratings = history.areas.flatMap { area in
                history.phases.compactMap { phase in
                    history.ratings[area.id]?[phase.id].map {
                        Components.Schemas.SelfAssessmentRating(competenceArea: area.title, phase: phase.label, level: $0.level, need: $0.need)
                    }
                }
            }
            result.append(.init(editionID: edition.id.uuidString, editionTitle: edition.title, ratings: ratings))
        }
        return .ok(.init(body: .json(.init(editions: result))))
    }

    func listOwnCertificates(_ input: Operations.ListOwnCertificates.Input) async throws -> Operations.ListOwnCertificates.Output {
        let req = try request
        let certificates = try await Certificate.query(on: req.db).filter(\.$user.$id == caller().user.id).filter(\.$revokedAt == nil)
            .sort(\.$issuedAt).all()
        let config = req.cohesion.config
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: try certificates.map { certificate in
                            let id = try certificate.requireID()
                            return .init(
                                id: id.uuidString, code: certificate.code, editionID: certificate.$edition.id.uuidString, issuedAt: certificate.issuedAt,
                                verificationURL: config.absoluteURL(SiteURL.verification(.value(certificate.code)).path),
                                pdfURL: config.absoluteURL(SiteURL.certificatePDF(.value(id)).path),
                                badgeURL: config.absoluteURL(SiteURL.badge(.value(id)).path))
                        }))))
    }
}

extension Components.Schemas.AttendanceStatus {
    init(_ status: AttendanceStatus) {
        switch status {
        case .present: self = .present
        case .excused: self = .excused
        case .absent: self = .absent
        }
    }

    var domain: AttendanceStatus {
        switch self {
        case .present: .present
        case .excused: .excused
        case .absent: .absent
        }
    }
}
