import Foundation
import Fluent

/// Every migration, in the order it runs. Each lives in its feature's folder; never edit one that
/// has landed: add a new one at the end.
enum Migrations {
    static let all: [any Migration] = [
        CreateUser(),
        CreateWebSession(),
        CreateLoginAttempt(),
        CreatePasswordToken(),
        CreateOutbox(),
        CreateProgramme(),
        CreateEdition(),
        CreateModule(),
        CreateCompetenceArea(),
        CreateEditionMember(),
        CreatePart(),
        CreateUnit(),
        CreateUnitCompetenceArea(),
        CreateUnitFacilitator(),
        CreateLookupIndexes(),
        CreateRegion(),
        CreateRegionFigure(),
        CreateProfile(),
        UpdatePartAddRegistrationSequence(),
        CreateRegistration(),
        UpdateUnitAddSequence(),
        CreateCalendarFeed(),
        CreateAttendance(),
        CreateMaterial(),
        CreateInvitation(),
        CreateAssessmentPhase(),
        CreateSelfAssessment(),
        CreatePracticeProject(),
        CreateSurveys(),
        CreateSetting(),
        CreateReportIndexes(),
        CreateProgrammePartner(),
        UpdateOutboxAddClaim(),
        UpdateWebSessionAddFlash(),
        UpdateRegistrationAddLateChangeReason(),
        CreateNetworks(),
        CreateCompletion(),
        CreateCertificate(),
        CreateCertificateTemplate(),
        CreateSigningKey(),
    ]
}
