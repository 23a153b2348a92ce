import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// `/berichte`: the editions a reader may see, and the printable report of each.
struct PartnerReportController {
    private struct Listed: Decodable { let id: UUID; let title: String; let programmeTitle: String }

    /// The lead and admin see every edition; a partner those of the programmes they are assigned to.
    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let editions = try await req.sql.raw(
            """
            SELECT e.id, e.title, p.title AS programme_title FROM editions e JOIN programmes p ON p.id = e.programme_id
            WHERE \(bind: user.role.canEditStructure)
               OR EXISTS (SELECT 1 FROM programme_partners pp WHERE pp.programme_id = p.id AND pp.user_id = \(bind: user.id))
            ORDER BY e.title
            """
        ).all(decoding: Listed.self, with: .snakeCaseColumns)
        return .html(
            Layout.page(req.frame("Berichte", section: .reports)) {
                HTML.h1 { "Berichte" }
                HTML.p(.class("lead")) { "Zusammengefasste, anonyme Zahlen je Durchlauf: Teilnahme, Zufriedenheit, Veränderung und Bedarfe." }
                if editions.isEmpty {
                    HTML.p(.class("muted")) { "Ihrem Konto ist noch kein Fortbildungsprogramm zugeordnet. Die Programmleitung ordnet Partner zu." }
                } else {
                    HTML.ul {
                        editions.map { edition in
                            HTML.li { HTML.a(.href(SiteURL.partnerReport(.value(edition.id)).path)) { edition.title + " – " + edition.programmeTitle } }
                        }
                    }
                }
            })
    }

    func report(req: Request) async throws -> Response {
        guard let edition = try await Edition.find(try req.parameters.require(.edition), on: req.db) else { throw AppError.notFound }
        let rule = req.disclosureRule
        guard
            let report = try await PartnerReport.query(
                editionID: try edition.requireID(), today: BerlinTime.day(of: req.now),
                rule: rule, cache: req.cohesion.reports, on: req.sql)
        else { throw AppError.notFound }
        return .html(PartnerReportView.render(report, frame: req.frame("Bericht: " + edition.title, section: .reports)))
    }
}
