import Vapor
import SQLKit
import CohesionCore

/// What completing an edition means, who has, and the lead's exceptions.
enum CompletionFeature: Feature {
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
        let editions = try await req.sql.raw("""
            SELECT e.id, e.title FROM edition_members m JOIN editions e ON e.id = m.edition_id WHERE m.user_id = \(bind: user.id) ORDER BY e.title
            """).all(decoding: EditionRow.self)
        var statuses: [(String, CompletionStatus)] = []
        for edition in editions {
            let overview = try await CompletionOverview.query(editionID: edition.id, editionTitle: edition.title, onlyUser: user.id, on: req.sql)
            if let member = overview.members.first { statuses.append((edition.title, member.status)) }
        }
        guard !statuses.isEmpty else { return [] }
        return [MyProgrammeSection(position: .attendance, content: .section(.ariaLabelledBy("mein-abschluss")) {
            HTML.h2(.id("mein-abschluss")) { "Mein Abschluss" }
            HTML.ul { statuses.map { title, status in HTML.li { title + ": " + CompletionViews.statusText(status) } } }
        })]
    }
}
