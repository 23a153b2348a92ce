import CohesionPlatform
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
        BoardFeature.self,
        LunchMeetingsFeature.self,
        TopicTeamsFeature.self,
        PortalFeature.self,
        NotificationsFeature.self,
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
        TransferFeature.self,
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
}

extension FeatureCatalog {
    /// Cohesion as it runs: every feature and every migration, handed to `configure`.
    package static let cohesion = FeatureCatalog(Features.all, migrations: Migrations.all)
}

/// Sets up the application with Cohesion's features (see `configure(_:config:features:)`).
package func configure(_ app: Application, config: AppConfig) async throws {
    try await configure(app, config: config, features: .cohesion)
}
