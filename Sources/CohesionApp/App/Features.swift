import CohesionCore
import Vapor

/// Every capability of Cohesion, in the order of the main navigation. Adding a feature means its
/// folder under `Features/`, one line here, its migrations at the end of `Migrations.all`, its
/// tests, and its operations in the OpenAPI document if it has any (docs/architecture.md).
enum Features {
    static let all: [any Feature.Type] = [
        PlatformRoutes.self,
        AccountsFeature.self,
        TimetableFeature.self,
        MunicipalitiesFeature.self,
        MyProgrammeFeature.self,
        CurriculumFeature.self,
        PartnerReportsFeature.self,
        APIFeature.self,
        CalendarFeature.self,
        ProfilesFeature.self,
        RegistrationFeature.self,
        InvitationsFeature.self,
        AttendanceFeature.self,
        MaterialFeature.self,
        SelfAssessmentFeature.self,
        PracticeProjectsFeature.self,
        FeedbackFeature.self,
        EvaluationFeature.self,
        NetworksFeature.self,
        CompletionFeature.self,
        CertificatesFeature.self,
        APITokensFeature.self,
        LegalFeature.self,
        AuditFeature.self,
        AccountAdminFeature.self,
        PrivacyFeature.self,
        SecondFactorFeature.self,
        DemoFeature.self,
    ]

    static func navigation(for user: CurrentUser?) -> [NavigationEntry] {
        all.compactMap { $0.navigation(for: user) }
    }
}

/// The one route table: each feature registers its routes, then the app refuses to start if
/// any route came without an access rule.
func routes(_ app: Application) throws {
    for feature in Features.all { try feature.register(on: app, app: app) }
    try AccessRule.requireRules(on: app.routes)
}
