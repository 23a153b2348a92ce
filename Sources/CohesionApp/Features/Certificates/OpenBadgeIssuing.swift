import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import JWTKit
import SQLKit

extension OpenBadgeCredential: JWTPayload {
    /// A badge is valid from its date of issue; revocation is told by the verification page, which its `id` names.
    public func verify(using algorithm: some JWTAlgorithm) async throws {
        try NotBeforeClaim(value: Date(timeIntervalSince1970: TimeInterval(nbf))).verifyNotBefore()
    }
}

/// The Open Badge of a certificate: built from what the certificate states, signed when it is downloaded
/// with the key that signs now. Its `id` is the certificate's verification address.
enum OpenBadgeIssuing {
    private struct EditionRow: Decodable {
        let editionID: UUID; let programmeID: UUID; let summary: String
        let firstDay: CalendarDay?; let lastDay: CalendarDay?
    }

    static func credential(for certificate: Certificate, config: AppConfig, on db: any Database) async throws -> OpenBadgeCredential? {
        guard let sql = db as? any SQLDatabase, let statement = certificate.statement else { return nil }
        guard
            let row = try await sql.raw(
                """
                SELECT e.id AS edition_id, e.programme_id, p.summary,
                       (SELECT MIN(starts_on) FROM parts WHERE edition_id = e.id) AS first_day,
                       (SELECT MAX(ends_on) FROM parts WHERE edition_id = e.id) AS last_day
                FROM editions e JOIN programmes p ON p.id = e.programme_id WHERE e.id = \(bind: certificate.$edition.id)
                """
            ).first(decoding: EditionRow.self, with: .snakeCaseColumns)
        else { return nil }
        struct UnitRow: Decodable { let startsAt: Date; let endsAt: Date }
        let units = try await sql.raw(
            """
            SELECT u.starts_at, u.ends_at FROM units u JOIN parts p ON p.id = u.part_id WHERE p.edition_id = \(bind: row.editionID)
            """
        ).all(decoding: UnitRow.self, with: .snakeCaseColumns)
        let editionMinutes = units.reduce(0) { $0 + Int($1.endsAt.timeIntervalSince($1.startsAt) / 60) }
        let partIDs = try await Part.query(on: db).filter(\.$edition.$id == row.editionID).sort(\.$startsOn).all()
        let rule = try await CompletionOverview.rule(editionID: row.editionID, partIDs: partIDs.compactMap(\.id), on: sql)
        let labels = partIDs.filter { rule.requiredParts.contains($0.id ?? UUID()) }.map { "Teil \($0.number) (\($0.title))" }
        let addresses = OpenBadgeCredential.Addresses(
            credential: config.absoluteURL(SiteURL.verification(.value(certificate.code)).path),
            issuer: config.absoluteURL(SiteURL.badgeIssuer(.value(row.programmeID)).path),
            achievement: config.absoluteURL(SiteURL.badgeIssuer(.value(row.programmeID)).path) + "#durchlauf-\(row.editionID.uuidString.lowercased())",
            competenceAreas: config.absoluteURL(SiteURL.home.path),
            home: config.absoluteURL(SiteURL.home.path))
        let activity = row.firstDay.flatMap { first in row.lastDay.map { (start: first, end: $0) } }
        return OpenBadgeCredential(
            statement: statement, summary: row.summary, criteria: rule.narrative(partLabels: labels),
            editionMinutes: max(editionMinutes, statement.totalMinutes), issuedAt: certificate.issuedAt,
            activity: activity, addresses: addresses)
    }

    /// The credential as a VC-JWT (OB 3.0 §8.2): RS256, with the key's `kid` in the header.
    static func sign(_ credential: OpenBadgeCredential, on db: any Database, now: Date) async throws -> String {
        let key = try await BadgeKeys.active(on: db, now: now)
        var header = JWTHeader()
        header.typ = "JWT"
        return try await BadgeKeys.signer(key).sign(credential, kid: JWKIdentifier(string: key.kid), header: header)
    }
}
