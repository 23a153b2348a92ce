import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// What completing an edition means, who has, and the lead's exceptions.
enum CompletionFeature: Feature {
    static let personalPageTables: [PersonalPageTable] = [.shared("completion_rules"), .own("completion_exceptions")]
    static let reportTables = ["completion_rules", "completion_exceptions"]
    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .edition(let id) = page else { return [] }
        return [PageLink(order: 70, label: "Abschluss", path: AdminURL.completion(.value(id)).path)]
    }

    static let auditAreas = [AuditAction.completion]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let completion = CompletionController()
        routes.get(AdminURL.completion(.key), .leadArea, use: completion.show)
        routes.post(AdminURL.completion(.key), .leadArea, use: completion.saveRule)
        routes.post(AdminURL.completionExceptions(.key), .leadArea, use: completion.grantException)
        routes.post(AdminURL.removeCompletionException(.key), .leadArea, use: completion.removeException)
    }

    /// The participant's own status in each of their editions.
    static func myProgrammeSections(for user: CurrentUser, request req: Request) async throws -> [MyProgrammeSection] {
        guard user.role == .participant else { return [] }
        struct EditionRow: Decodable { let id: UUID; let title: String }
        let editions = try await req.sql.raw(
            """
            SELECT e.id, e.title FROM edition_members m JOIN editions e ON e.id = m.edition_id WHERE m.user_id = \(bind: user.id) ORDER BY e.title
            """
        ).all(decoding: EditionRow.self)
        var statuses: [(title: String, status: CompletionStatus, certificate: Certificate?)] = []
        let certificates = try await Certificate.query(on: req.db).filter(\.$user.$id == user.id).all().filter { $0.revokedAt == nil }
        for edition in editions {
            let overview = try await CompletionOverview.query(editionID: edition.id, editionTitle: edition.title, onlyUser: user.id, on: req.sql)
            if let member = overview.members.first {
                statuses.append((edition.title, member.status, certificates.first { $0.$edition.id == edition.id }))
            }
        }
        guard !statuses.isEmpty else { return [] }
        return [
            MyProgrammeSection(
                position: .attendance,
                content: .section(.ariaLabelledBy("mein-abschluss")) {
                    HTML.h2(.id("mein-abschluss")) { "Mein Abschluss" }
                    HTML.ul {
                        statuses.map { entry in
                            HTML.li {
                                entry.title + ": " + CompletionViews.statusText(entry.status)
                                if let certificate = entry.certificate, let id = certificate.id {
                                    " · "
                                    HTML.a(.href(SiteURL.certificatePDF(.value(id)).path)) { "Teilnahmebescheinigung (PDF)" }
                                    " · "
                                    HTML.a(.href(SiteURL.badge(.value(id)).path)) { "Open Badge für eine Nachweis-Wallet" }
                                    " · Prüfcode "
                                    HTML.a(.href(SiteURL.verification(.value(certificate.code)).path)) { certificate.code }
                                }
                            }
                        }
                    }
                })
        ]
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "completion_exceptions", data: "Ausnahmen von der Abschlussregel mit Grund, wer sie wann gewährt hat",
            purpose: "Entscheidung über den Abschluss nachvollziehbar machen", kept: PersonalData.untilErased,
            links: [.owner, .account("granted_by_id", .keep(clearing: []))])
    ]
}

extension AuditAction {
    static let completion = AuditAction("completion", "Abschlussregeln und Ausnahmen")
}
