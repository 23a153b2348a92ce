import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// `/berichte`: the editions a reader may see, and the printable report of each.
struct PartnerReportController {
    private struct Listed: Decodable { let id: UUID; let title: String; let programmeID: UUID; let programmeTitle: String }

    /// The lead and admin see every edition; a partner those of the programmes they are assigned to.
    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let editions = try await req.sql.raw(
            """
            SELECT e.id, e.title, p.id AS programme_id, p.title AS programme_title FROM editions e JOIN programmes p ON p.id = e.programme_id
            WHERE \(bind: user.role.canEditStructure)
               OR EXISTS (SELECT 1 FROM programme_partners pp WHERE pp.programme_id = p.id AND pp.user_id = \(bind: user.id))
            ORDER BY p.title, e.title
            """
        ).all(decoding: Listed.self, with: .snakeCaseColumns)
        return .html(
            Layout.page(req.frame("Berichte", section: .reports)) {
                HTML.h1 { "Berichte" }
                HTML.p(.class("lead")) {
                    "Je Durchlauf ein Wirkungsbericht nach den Ebenen von Kirkpatrick (Reaktion, Lernen, Verhalten) und je Programm der Vergleich der Durchläufe; "
                        + "zusammengefasste, anonyme Zahlen."
                }
                if editions.isEmpty {
                    HTML.p(.class("muted")) { "Ihrem Konto ist noch kein Fortbildungsprogramm zugeordnet. Die Programmleitung ordnet Partner zu." }
                } else {
                    // One section per programme, in the order the query gives (by title).
                    let programmes = editions.reduce(into: [(UUID, String)]()) { list, edition in
                        if list.last?.0 != edition.programmeID { list.append((edition.programmeID, edition.programmeTitle)) }
                    }
                    programmes.map { programme in
                        HTML.section(.ariaLabelledBy("programm-" + programme.0.uuidString.lowercased())) {
                            HTML.h2(.id("programm-" + programme.0.uuidString.lowercased())) { programme.1 }
                            HTML.p { HTML.a(.href(SiteURL.programmeReport(.value(programme.0)).path)) { "Durchläufe im Vergleich" } }
                            HTML.ul {
                                editions.filter { $0.programmeID == programme.0 }.map { edition in
                                    HTML.li { HTML.a(.href(SiteURL.partnerReport(.value(edition.id)).path)) { "Wirkungsbericht: " + edition.title } }
                                }
                            }
                        }
                    }
                }
            })
    }

    private struct RenderedReport: Sendable { let editionTitle: String; let content: [UInt8] }

    /// The page's content is kept rendered beside the report (about 60 KB of tables and charts
    /// whose writing cost more than the kept report's reading), until a row under it changes.
    func report(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let editionID = try req.parameters.require(.edition).rawValue
        let detail: ImpactReport.Detail = user.role.canEditStructure ? .lead : .partner
        let today = BerlinTime.day(of: req.now)
        let rule = req.disclosureRule
        let key = "impact-report-page:\(editionID):\(detail):\(today.iso):\(rule.minimumGroupSize)"
        let rendered: RenderedReport? = try await req.cohesion.reports.value(key, on: req.sql) {
            guard
                let report = try await ImpactReport.query(
                    editionID: editionID, detail: detail, today: today, rule: rule, cache: req.cohesion.reports, on: req.sql)
            else { return nil }
            return RenderedReport(editionTitle: report.editionTitle, content: ImpactReportView.content(report).render(capacity: 131_072))
        }
        guard let rendered else { throw AppError.notFound }
        return .html(
            Layout.page(req.frame("Wirkungsbericht: " + rendered.editionTitle, section: .reports)) { HTML.rendered(rendered.content) })
    }

    /// The same report as PDF/A, from the template in use, with the page's charts embedded.
    /// Kept until a row under it or the template changes (both move the report counter).
    func pdf(req: Request) async throws -> Response {
        let report = try await impactReport(req)
        let today = BerlinTime.day(of: req.now)
        let db = req.db
        let key = "impact-report:\(report.editionID):\(report.detail):\(today.iso):\(report.rule.minimumGroupSize)"
        return try await PDFRenderer.download(kept: key, cache: req.cohesion.reports, on: req.sql, fileName: "wirkungsbericht.pdf") {
            let template = try await ImpactReportTemplateRecord.current(on: db)
            let filled = try OpenDocumentFile.fill(
                template.data, format: template.format, values: ImpactReportTemplate.values(report, createdOn: today),
                pictures: ImpactReportTemplate.pictures(report))
            return (filled, template.format)
        }
    }

    /// Kept rendered like the impact report: a programme of many editions makes megabytes of
    /// charts and tables, whose writing cost more than reading the kept comparison.
    func programme(req: Request) async throws -> Response {
        let programmeID = try req.parameters.require(.programme).rawValue
        let today = BerlinTime.day(of: req.now)
        let rule = req.disclosureRule
        let key = "programme-comparison-page:\(programmeID):\(today.iso):\(rule.minimumGroupSize)"
        let content: [UInt8]? = try await req.cohesion.reports.value(key, on: req.sql) {
            try await ProgrammeComparison.query(programmeID: programmeID, today: today, rule: rule, cache: req.cohesion.reports, on: req.sql)
                .map { ProgrammeComparisonView.content($0).render(capacity: 262_144) }
        }
        guard let content else { throw AppError.notFound }
        return .html(Layout.page(req.frame("Durchläufe im Vergleich", section: .reports)) { HTML.rendered(content) })
    }

    /// Partners read the partner level; the lead and the administration the lead's.
    private func impactReport(_ req: Request) async throws -> ImpactReport {
        let user = try req.requireUser()
        guard
            let report = try await ImpactReport.query(
                editionID: try req.parameters.require(.edition).rawValue, detail: user.role.canEditStructure ? .lead : .partner,
                today: BerlinTime.day(of: req.now), rule: req.disclosureRule, cache: req.cohesion.reports, on: req.sql)
        else { throw AppError.notFound }
        return report
    }
}
