import CohesionCore
import CohesionPlatform
import Vapor

/// Transfer into practice: the follow-up some months after the programme, reported in the
/// edition's impact report (Kirkpatrick level 3).
enum TransferFeature: Feature {
    static let reportTables = ["follow_up_phases", "follow_up_responses"]
    static let personalPageTables: [PersonalPageTable] = [.shared("follow_up_phases"), .own("follow_up_participations")]
    static let audit = AuditAction("transfer", "Nachbefragung")
    static let auditAreas = [audit]

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .edition(let id) = page else { return [] }
        return [PageLink(order: 65, label: "Nachbefragung", path: AdminURL.followUpPhase(.value(id)).path)]
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let followUp = FollowUpController()
        let asked = AccessRule.roles([.participant], "Teilnehmer*innen des Durchlaufs, solange die Nachbefragung offen ist und sie nicht geantwortet haben") {
            req, user in
            let editionID = try req.parameters.require(.edition)
            guard try await Edition.find(editionID, on: req.db) != nil else { throw AppError.notFound }
            return try await FollowUpController.openFor(user.id, today: BerlinTime.day(of: req.now), on: req.sql).contains {
                $0.editionID == editionID.rawValue
            }
        }
        routes.get(SiteURL.followUp(.key), asked, use: followUp.form)
        routes.post(SiteURL.followUp(.key), asked, use: followUp.submit)
        routes.get(AdminURL.followUpPhase(.key), .leadArea, use: followUp.phasePage)
        routes.post(AdminURL.followUpPhase(.key), .leadArea, use: followUp.savePhase)
    }

    static func myProgrammeSections(for user: CurrentUser, request req: Request) async throws -> [MyProgrammeSection] {
        guard user.role == .participant else { return [] }
        let open = try await FollowUpController.openFor(user.id, today: BerlinTime.day(of: req.now), on: req.sql)
        guard !open.isEmpty else { return [] }
        return [MyProgrammeSection(position: .requests, content: FollowUpView.openRequests(open))]
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "follow_up_participations", data: "dass eine Person die Nachbefragung beantwortet hat (ohne ihre Antworten)",
            purpose: "jede*r antwortet nur einmal", kept: PersonalData.untilErased, links: [.counted])
    ]
}
