import CohesionCore
import CohesionPlatform
import Vapor

/// Participants' municipal context and post; the lead's participant list and its export.
enum ProfilesFeature: Feature {
    static let personalPageTables: [PersonalPageTable] = [.own("profiles")]
    static let reportTables = ["profiles"]

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .administration = page else { return [] }
        return [PageLink(order: 10, label: "Teilnehmer*innen", path: AdminURL.participants.path)]
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let profiles = ProfileController()
        let own = AccessRule.roles([.participant], "Teilnehmer*innen, nur das eigene Profil")
        routes.get(SiteURL.profile, own, use: profiles.showOwn)
        routes.post(SiteURL.profile, own, use: profiles.saveOwn)
        routes.get(AdminURL.participants, .leadArea, use: profiles.list)
        routes.get(AdminURL.participantExport, .leadArea, use: profiles.export)
        routes.get(AdminURL.profile(.key), .leadArea, use: profiles.showForLead)
        routes.post(AdminURL.profile(.key), .leadArea, use: profiles.saveForLead)
    }

    static func myProgrammeSections(for user: CurrentUser, request req: Request) async throws -> [MyProgrammeSection] {
        guard user.role == .participant else { return [] }
        let row = try await ParticipantList.row(for: user.id, on: req.sql)
        return [MyProgrammeSection(position: .profile, content: ProfileCard.myProgrammeCard(row))]
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "profiles", data: "Kommune, Anbindung und Umfang der Stelle, Befristung, Finanzierung, Auftrag, Aufgaben- und Handlungsfelder",
            purpose: "Kontext der Kommune für Planung, Auswertung und Vorschläge (nur zusammengefasst ab der Mindestgruppe)", kept: PersonalData.untilErased,
            links: [.owner])
    ]
}
