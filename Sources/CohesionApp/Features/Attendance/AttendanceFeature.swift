import CohesionCore
import CohesionPlatform
import Vapor

/// Attendance per unit: recorded by the lead and the unit's facilitators; each participant sees their own.
enum AttendanceFeature: Feature {
    static let reportTables = ["attendances"]
    static let personalPageTables: [PersonalPageTable] = [.own("attendances")]
    static let stylesheet = """
        .attendance__person { border: 1px solid var(--line); border-radius: 4px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
        .attendance__person legend { font-weight: 600; padding: 0 0.25rem; }
        .attendance__choices { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
        .choice { display: flex; align-items: center; gap: 0.5rem; min-height: 2.75rem; }
        .choice input { width: 1.5rem; height: 1.5rem; margin: 0; }
        .sign-in td { height: 2.75rem; }
        .sign-in .signature { width: 40%; }
        @media print { .sign-in td, .sign-in th { border: 1px solid #000; } }
        """

    static let auditAreas = [AuditAction.attendance]

    /// Also the API's rule for attendance.
    static let recorders = AccessRule.leadOr([.facilitator], "Programmleitung; Referent*innen nur für ihre eigenen Einheiten") { req, user in
        try await Involvement.gives(user.id, unit: req.parameters.require(.unit).rawValue, on: req.sql)
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let attendance = AttendanceController()
        routes.get(SiteURL.attendance(.key), recorders, use: attendance.sheet)
        routes.post(SiteURL.attendance(.key), recorders, use: attendance.save)
        routes.get(SiteURL.signInList(.key), recorders, use: attendance.signInList)
    }

    static func myProgrammeSections(for user: CurrentUser, request req: Request) async throws -> [MyProgrammeSection] {
        guard user.role == .participant else { return [] }
        let own = try await OwnAttendance.query(userID: user.id, on: req.sql)
        guard !own.rows.isEmpty else { return [] }
        return [MyProgrammeSection(position: .attendance, content: AttendanceViews.myProgrammeSection(own))]
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "attendances", data: "Anwesenheit je Einheit (anwesend, entschuldigt, abwesend) und wer sie erfasst hat",
            purpose: "Nachweis der Teilnahme, Abschluss und Bescheinigung", kept: PersonalData.untilErased,
            links: [.counted, .account("recorded_by", .detach)])
    ]
}

extension AuditAction {
    static let attendance = AuditAction("attendance", "Anwesenheit")
}
