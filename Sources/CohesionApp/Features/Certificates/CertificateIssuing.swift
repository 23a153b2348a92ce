import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// Builds what each certificate states from the record, fills the template, and saves the PDFs.
enum CertificateIssuing {
    private struct PersonRow: Decodable { let id: UUID; let name: String; let regionName: String?; let kreisName: String?; let kreisKind: String? }
    private struct UnitRow: Decodable {
        let userID: UUID; let partID: UUID; let title: String; let startsAt: Date; let endsAt: Date
        let moduleCode: String?; let moduleTitle: String?
    }
    private struct AreaRow: Decodable { let userID: UUID; let title: String; let position: Int }
    private struct PartRow: Decodable { let id: UUID; let number: Int; let title: String; let startsOn: CalendarDay; let endsOn: CalendarDay; let city: String }
    private struct EditionRow: Decodable { let title: String; let programmeTitle: String }

    /// The statements for `userIDs` of the edition: the parts and units they attended (present), their hours,
    /// the modules and competence areas of those units.
    static func statements(editionID: UUID, userIDs: [UUID], today: CalendarDay, on db: any SQLDatabase) async throws -> [UUID: CertificateStatement] {
        guard !userIDs.isEmpty,
            let edition = try await db.raw(
                """
                SELECT e.title, p.title AS programme_title FROM editions e JOIN programmes p ON p.id = e.programme_id WHERE e.id = \(bind: editionID)
                """
            ).first(decoding: EditionRow.self, with: .snakeCaseColumns)
        else { return [:] }
        async let people = db.raw(
            """
            SELECT u.id, u.name, r.name AS region_name, k.name AS kreis_name, k.kind AS kreis_kind FROM users u
            LEFT JOIN profiles pr ON pr.user_id = u.id LEFT JOIN regions r ON r.key = pr.region_key
            LEFT JOIN regions k ON k.key = r.kreis_key AND k.level = \(bind: RegionLevel.kreis)
            WHERE u.id IN (\(binds: userIDs))
            """
        ).all(decoding: PersonRow.self, with: .snakeCaseColumns)
        async let parts = db.raw(
            """
            SELECT id, number, title, starts_on, ends_on, city FROM parts WHERE edition_id = \(bind: editionID) ORDER BY starts_on
            """
        ).all(decoding: PartRow.self, with: .snakeCaseColumns)
        async let units = db.raw(
            """
            SELECT a.user_id, un.part_id, un.title, un.starts_at, un.ends_at, m.code AS module_code, m.title AS module_title
            FROM attendances a JOIN units un ON un.id = a.unit_id JOIN parts p ON p.id = un.part_id
            LEFT JOIN modules m ON m.id = un.module_id
            WHERE p.edition_id = \(bind: editionID) AND a.status = \(bind: AttendanceStatus.present) AND a.user_id IN (\(binds: userIDs))
            ORDER BY un.starts_at
            """
        ).all(decoding: UnitRow.self, with: .snakeCaseColumns)
        async let areas = db.raw(
            """
            SELECT DISTINCT a.user_id, c.title, c.position FROM attendances a JOIN units un ON un.id = a.unit_id JOIN parts p ON p.id = un.part_id
            JOIN unit_competence_areas uc ON uc.unit_id = un.id JOIN competence_areas c ON c.id = uc.competence_area_id
            WHERE p.edition_id = \(bind: editionID) AND a.status = \(bind: AttendanceStatus.present) AND a.user_id IN (\(binds: userIDs))
            """
        ).all(decoding: AreaRow.self, with: .snakeCaseColumns)
        let partList = try await parts
        let unitsByUser = Dictionary(grouping: try await units, by: \.userID)
        let areasByUser = Dictionary(grouping: try await areas, by: \.userID)
        var result: [UUID: CertificateStatement] = [:]
        for person in try await people {
            let own = unitsByUser[person.id] ?? []
            let attendedParts = partList.filter { part in own.contains { $0.partID == part.id } }
            let modules = Array(Set(own.compactMap { unit in unit.moduleCode.map { "Modul \($0): \(unit.moduleTitle ?? "")" } })).sorted()
            let municipality =
                person.regionName.map { name in
                    RegionName.label(
                        name: RegionName.readable(name), kreis: person.kreisName.map { RegionName.kreis(name: $0, kind: person.kreisKind) },
                        land: nil)
                } ?? ""
            result[person.id] = CertificateStatement(
                name: person.name, municipality: municipality, programme: edition.programmeTitle, edition: edition.title,
                parts: attendedParts.map { .init(number: $0.number, title: $0.title, dates: BerlinTime.range($0.startsOn, $0.endsOn), city: $0.city) },
                units: own.map { .init(title: $0.title, minutes: Int($0.endsAt.timeIntervalSince($0.startsAt) / 60)) },
                modules: modules,
                competenceAreas: (areasByUser[person.id] ?? []).sorted { $0.position < $1.position }.map(\.title),
                issuer: edition.programmeTitle, place: attendedParts.last?.city ?? partList.last?.city ?? "", issuedOn: today)
        }
        return result
    }

    /// Issues (or issues again, keeping the code) the certificates of everyone who completed the edition, in one LibreOffice run.
    /// Revoked certificates stay revoked. Returns how many were issued.
    /// `recording` runs in the transaction that stores the certificates, with their number (the audit line).
    static func issueForCompleted(
        editionID: UUID, services: CohesionServices, now: Date, on db: any Database,
        recording: @escaping @Sendable (any Database, Int) async throws -> Void = { _, _ in }
    ) async throws -> Int {
        guard let sql = db as? any SQLDatabase, let edition = try await Edition.find(editionID, on: db) else { return 0 }
        let overview = try await CompletionOverview.query(editionID: editionID, editionTitle: edition.title, on: sql)
        let existing = try await Certificate.query(on: db).filter(\.$edition.$id == editionID).all()
        let completed = overview.members.filter(\.status.isComplete).map(\.userID)
            .filter { id in !existing.contains { $0.$user.id == id && $0.revokedAt != nil } }
        let statements = try await statements(editionID: editionID, userIDs: completed, today: BerlinTime.day(of: now), on: sql)
        var generator = SystemRandomNumberGenerator()
        var codes: [UUID: String] = [:]
        var documents: [String: (data: Data, format: OpenDocumentFile.Format)] = [:]
        let template = try await CertificateTemplateRecord.forEdition(editionID, on: db)
        for (userID, statement) in statements {
            let code = existing.first { $0.$user.id == userID }?.code ?? VerificationCode.make(using: &generator)
            codes[userID] = code
            let url = services.config.absoluteURL(SiteURL.verification(.value(code)).path)
            let values = CertificateTemplate.values(statement, code: code, verificationURL: url)
            documents[userID.uuidString] = (
                try OpenDocumentFile.fill(template.data, format: template.format, values: values, verificationURL: url), template.format
            )
        }
        let pdfs = try await PDFRenderer.pdfs(documents)
        let codeOf = codes
        try await db.transaction { db in
            for (userID, statement) in statements {
                guard let pdf = pdfs[userID.uuidString], let code = codeOf[userID] else { continue }
                let certificate = existing.first { $0.$user.id == userID } ?? Certificate()
                let json = String(decoding: try JSONEncoder().encode(statement), as: UTF8.self)
                var history = certificate.id == nil ? [] : certificate.history
                let changed = certificate.id != nil && certificate.statement.map { $0.withoutDate != statement.withoutDate } == true
                history.append(
                    "\(certificate.id == nil ? "Ausgestellt" : "Neu ausgestellt") am \(BerlinTime.longDate(statement.issuedOn))"
                        + (changed ? " (Angaben geändert)" : ""))
                certificate.$edition.id = editionID
                certificate.$user.id = userID
                certificate.code = code
                certificate.issuedAt = now
                certificate.revokeReason = certificate.id == nil ? "" : certificate.revokeReason
                certificate.statementJSON = json
                certificate.pdf = pdf
                certificate.historyJSON = String(decoding: try JSONEncoder().encode(history), as: UTF8.self)
                try await certificate.save(on: db)
            }
            try await recording(db, pdfs.count)
        }
        return pdfs.count
    }
}

extension CertificateStatement {
    /// The statement without its date of issue: what a correction would change.
    var withoutDate: String {
        "\(name)|\(municipality)|\(parts)|\(units)|\(modules)|\(competenceAreas)"
    }
}
