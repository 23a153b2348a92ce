import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// The demo's finished runs get their certificates, as a lead would issue them on the completion
/// page, so that verification, downloads and Open Badges have something to show from the start.
enum DemoCertificates {
    /// Issues for every edition whose last part has ended and that has no certificate yet; one line
    /// for the operator. Without LibreOffice nothing is issued and the line says how to do it later.
    static func issue(services: CohesionServices, now: Date, on db: any Database) async throws -> String {
        let today = BerlinTime.day(of: now)
        let parts = try await Part.query(on: db).all()
        let finished = try await Edition.query(on: db).sort(\.$title).all().filter { edition in
            let own = parts.filter { $0.$edition.id == edition.id }
            return !own.isEmpty && own.allSatisfy { $0.endsOn < today }
        }
        var issued: [String] = []
        for edition in finished {
            let editionID = try edition.requireID()
            guard try await Certificate.query(on: db).filter(\.$edition.$id == editionID).count() == 0 else { continue }
            do {
                let count = try await CertificateIssuing.issueForCompleted(editionID: editionID, services: services, now: now, on: db) { db, count in
                    try await Audit.record(
                        .certificate, "\(count) Bescheinigungen für „\(edition.title)“ ausgestellt", objectID: editionID, actorID: nil,
                        actor: "Kommandozeile", at: now, on: db)
                }
                issued.append("\(count) für „\(edition.title)“")
            } catch {
                return "Bescheinigungen nicht ausgestellt (\(error)); die Programmleitung stellt sie auf der Seite „Abschluss“ aus."
            }
        }
        return issued.isEmpty ? "" : "Bescheinigungen ausgestellt: " + issued.joined(separator: ", ") + "."
    }
}
