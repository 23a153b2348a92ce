import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension AccessTableTests {
    static let publicRows: [Row] = [
        get(SiteURL.home, { _ in "/" }, everyone),
        get(SiteURL.part(.key), { SiteURL.part(.value($0.fixture.partID)).path }, everyone),
        get(SiteURL.healthz, { _ in SiteURL.healthz.path }, everyone),
        // Without METRICS_TOKEN only the loopback interface may read them; the tests' requests have no peer.
        get(SiteURL.metrics, { _ in SiteURL.metrics.path }, everyone, .status(.notFound)),
        get(FeatureCatalog.cohesion.stylesheetURL, { _ in FeatureCatalog.cohesion.stylesheetURL.path }, everyone),
        get(SiteURL.script, { _ in SiteURL.script.path }, everyone),
        get(SiteURL.favicon, { _ in SiteURL.favicon.path }, everyone),
        get(APIURL.openAPI, { _ in "/api/v1/openapi.json" }, everyone),
        get(APIURL.programmes, { _ in "/api/v1/programmes" }, everyone),
        get(APIURL.part(.key), { "/api/v1/parts/\($0.fixture.partID)" }, everyone),
        get(APIURL.region(.key), { _ in "/api/v1/regions/08335" }, everyone),
        get(SiteURL.regions, { _ in SiteURL.regions.path + "?suche=konstanz" }, everyone),
        get(SiteURL.region(.key), { _ in SiteURL.region(.value("08335043")).path }, everyone),
        get(SiteURL.setPassword(.key), { _ in SiteURL.setPassword(.value("unbekannt")).path }, everyone, .status(.gone)),
        post(SiteURL.setPassword(.key), { _ in SiteURL.setPassword(.value("unbekannt")).path }, everyone, .status(.gone)),
        get(SiteURL.invitation(.key), { _ in SiteURL.invitation(.value("unbekannt")).path }, everyone, .status(.gone)),
        post(SiteURL.invitation(.key), { _ in SiteURL.invitation(.value("unbekannt")).path }, everyone, .status(.gone)),
        get(SiteURL.partCalendar(.key), { SiteURL.partCalendar(.value($0.fixture.partID)).path }, everyone),
        // Without the right code there is no certificate to confirm.
        get(SiteURL.verification(.key), { _ in SiteURL.verification(.value("0000-0000-0000-0000")).path }, everyone, .status(.notFound)),
        get(SiteURL.jwks, { _ in SiteURL.jwks.path }, everyone),
        get(SiteURL.badgeIssuer(.key), { SiteURL.badgeIssuer(.value($0.fixture.programmeID)).path }, everyone),
        get(SiteURL.legal(.impressum), { _ in SiteURL.legal(.impressum).path }, everyone),
        get(SiteURL.legal(.privacy), { _ in SiteURL.legal(.privacy).path }, everyone),
        get(SiteURL.legal(.accessibility), { _ in SiteURL.legal(.accessibility).path }, everyone),
        get(SiteURL.legal(.plainLanguage), { _ in SiteURL.legal(.plainLanguage).path }, everyone),
        post(SiteURL.legal(.accessibility), { _ in SiteURL.legal(.accessibility).path }, everyone),
        // Without the secret token nobody gets a private feed.
        get(SiteURL.personalCalendar(.key), { _ in SiteURL.personalCalendar(.value("geraten.ics")).path }, everyone, .status(.notFound)),
    ]

    static let personalRows: [Row] = [
        get(SiteURL.myProgramme, { _ in SiteURL.myProgramme.path }, [.lead, .facilitator, .participant]),
        post(SiteURL.renewCalendar, { _ in SiteURL.renewCalendar.path }, participant, .redirectElsewhere),
        get(SiteURL.profile, { _ in SiteURL.profile.path }, participant),
        post(SiteURL.profile, { _ in SiteURL.profile.path }, participant),
        get(
            SiteURL.registration(.key), { SiteURL.registration(.value($0.fixture.partID)).path }, participant,
            foreign: { SiteURL.registration(.value($0.otherPartID)).path }, foreignAllowed: []),
        // The demo's Part 2 has begun long ago: a participant's change is refused with 409 (`RegistrationWindow`),
        // the lead's cancellation asks for a reason (422).
        post(
            SiteURL.registration(.key), { SiteURL.registration(.value($0.fixture.partID)).path }, participant, .status(.conflict),
            foreign: { SiteURL.registration(.value($0.otherPartID)).path }, foreignAllowed: []),
        post(
            SiteURL.cancellation(.key), { SiteURL.cancellation(.value($0.fixture.partID)).path }, participant, .status(.conflict),
            foreign: { SiteURL.cancellation(.value($0.otherPartID)).path }, foreignAllowed: []),
        get(SiteURL.assessments, { _ in SiteURL.assessments.path }, participant),
        get(
            SiteURL.assessment(.key), { SiteURL.assessment(.value($0.ownPhaseID)).path }, participant,
            foreign: { SiteURL.assessment(.value($0.otherPhaseID)).path }, foreignAllowed: []),
        post(
            SiteURL.assessment(.key), { SiteURL.assessment(.value($0.ownPhaseID)).path }, participant,
            foreign: { SiteURL.assessment(.value($0.otherPhaseID)).path }, foreignAllowed: []),
        get(SiteURL.network, { _ in SiteURL.network.path }, participant),
        get(SiteURL.newActor, { _ in SiteURL.newActor.path }, participant),
        post(SiteURL.newActor, { _ in SiteURL.newActor.path }, participant),
        get(
            SiteURL.actor(.key), { SiteURL.actor(.value($0.ownActorID)).path }, participant,
            foreign: { SiteURL.actor(.value($0.otherActorID)).path }, foreignAllowed: []),
        post(
            SiteURL.actor(.key), { SiteURL.actor(.value($0.ownActorID)).path }, participant,
            foreign: { SiteURL.actor(.value($0.otherActorID)).path }, foreignAllowed: []),
        get(SiteURL.newTie, { _ in SiteURL.newTie.path }, participant),
        post(SiteURL.newTie, { _ in SiteURL.newTie.path }, participant),
        get(SiteURL.actorsCSV, { _ in SiteURL.actorsCSV.path }, participant),
        get(SiteURL.tiesCSV, { _ in SiteURL.tiesCSV.path }, participant),
        post(SiteURL.networkImport, { _ in SiteURL.networkImport.path }, participant, .redirectElsewhere),
        get(SiteURL.snapshots, { _ in SiteURL.snapshots.path }, participant),
        get(SiteURL.networkComparison, { _ in SiteURL.networkComparison.path }, participant),
        get(SiteURL.peers, { _ in SiteURL.peers.path }, participant),
        get(
            SiteURL.peerMessage(.key), { SiteURL.peerMessage(.value($0.listedPeerID)).path }, participant,
            foreign: { SiteURL.peerMessage(.value($0.unlistedPeerID)).path }, foreignAllowed: []),
        post(
            SiteURL.peerMessage(.key), { SiteURL.peerMessage(.value($0.listedPeerID)).path }, participant,
            foreign: { SiteURL.peerMessage(.value($0.unlistedPeerID)).path }, foreignAllowed: []),
        post(SiteURL.snapshots, { _ in SiteURL.snapshots.path }, participant),
        get(SiteURL.projects, { _ in SiteURL.projects.path }, participant),
        post(SiteURL.projects, { _ in SiteURL.projects.path }, participant),
        get(
            SiteURL.project(.key), { SiteURL.project(.value($0.ownProjectID)).path }, participant,
            foreign: { SiteURL.project(.value($0.otherProjectID)).path }, foreignAllowed: []),
        post(
            SiteURL.project(.key), { SiteURL.project(.value($0.ownProjectID)).path }, participant,
            foreign: { SiteURL.project(.value($0.otherProjectID)).path }, foreignAllowed: []),
        get(
            SiteURL.survey(.key), { SiteURL.survey(.value($0.ownSurveyID)).path }, participant,
            foreign: { SiteURL.survey(.value($0.otherSurveyID)).path }, foreignAllowed: []),
        // Every question may be left out, so an empty form is an answer.
        post(
            SiteURL.survey(.key), { SiteURL.survey(.value($0.ownSurveyID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.survey(.value($0.otherSurveyID)).path }, foreignAllowed: []),
    ]

    static let teachingRows: [Row] = [
        get(
            SiteURL.attendance(.key), { SiteURL.attendance(.value($0.fixture.unitID)).path }, teachers,
            foreign: { SiteURL.attendance(.value($0.otherUnitID)).path }),
        post(
            SiteURL.attendance(.key), { SiteURL.attendance(.value($0.fixture.unitID)).path }, teachers, .redirectElsewhere,
            foreign: { SiteURL.attendance(.value($0.otherUnitID)).path }),
        get(
            SiteURL.signInList(.key), { SiteURL.signInList(.value($0.fixture.unitID)).path }, teachers,
            foreign: { SiteURL.signInList(.value($0.otherUnitID)).path }),
        get(
            SiteURL.unitMaterial(.key), { SiteURL.unitMaterial(.value($0.fixture.unitID)).path }, [.lead, .admin, .facilitator, .participant],
            foreign: { SiteURL.unitMaterial(.value($0.otherUnitID)).path }),
        post(
            SiteURL.unitMaterial(.key), { SiteURL.unitMaterial(.value($0.fixture.unitID)).path }, teachers,
            foreign: { SiteURL.unitMaterial(.value($0.otherUnitID)).path }),
        get(
            SiteURL.partMaterial(.key), { SiteURL.partMaterial(.value($0.fixture.partID)).path }, [.lead, .admin, .facilitator, .participant],
            foreign: { SiteURL.partMaterial(.value($0.otherPartID)).path }),
        get(
            SiteURL.material(.key), { SiteURL.material(.value($0.ownMaterialID)).path }, [.lead, .admin, .facilitator, .participant],
            foreign: { SiteURL.material(.value($0.otherMaterialID)).path }),
    ]

    static let evaluationRows: [Row] = [
        get(
            SiteURL.needs(.key), { SiteURL.needs(.value($0.fixture.editionID)).path }, teachers,
            foreign: { SiteURL.needs(.value($0.otherEditionID)).path }),
        get(
            SiteURL.change(.key), { SiteURL.change(.value($0.fixture.editionID)).path }, teachers,
            foreign: { SiteURL.change(.value($0.otherEditionID)).path }),
        get(
            SiteURL.cohortNetworks(.key), { SiteURL.cohortNetworks(.value($0.fixture.editionID)).path }, teachers,
            foreign: { SiteURL.cohortNetworks(.value($0.otherEditionID)).path }),
        get(
            SiteURL.surveyReport(.key), { SiteURL.surveyReport(.value($0.ownSurveyID)).path }, teachers,
            foreign: { SiteURL.surveyReport(.value($0.otherSurveyID)).path }),
        get(
            SiteURL.feedbackOverview(.key), { SiteURL.feedbackOverview(.value($0.fixture.editionID)).path }, teachers,
            foreign: { SiteURL.feedbackOverview(.value($0.otherEditionID)).path }),
        get(
            SiteURL.partFeedback(.key), { SiteURL.partFeedback(.value($0.fixture.partID)).path }, teachers,
            foreign: { SiteURL.partFeedback(.value($0.otherPartID)).path }),
        get(
            SiteURL.facilitatorFeedback(.key, .key), { SiteURL.facilitatorFeedback(.value($0.fixture.editionID), .value($0.fixture.facilitatorID)).path },
            teachers, foreign: { SiteURL.facilitatorFeedback(.value($0.fixture.editionID), .value($0.colleagueID)).path }),
        get(SiteURL.reports, { _ in SiteURL.reports.path }, [.partner, .lead, .admin]),
        get(
            SiteURL.partnerReport(.key), { SiteURL.partnerReport(.value($0.fixture.editionID)).path }, [.partner, .lead, .admin],
            foreign: { SiteURL.partnerReport(.value($0.otherEditionID)).path }),
        get(SiteURL.aggregatesExport(.key), { SiteURL.aggregatesExport(.value($0.fixture.editionID)).path }, lead),
        get(SiteURL.researchExport(.key), { SiteURL.researchExport(.value($0.fixture.editionID)).path }, lead),
    ]

    static let leadRows: [Row] = [
        get(AdminURL.overview, { _ in AdminURL.overview.path }, lead),
        get(AdminURL.edition(.key), { AdminURL.edition(.value($0.fixture.editionID)).path }, lead),
        get(AdminURL.part(.key), { AdminURL.part(.value($0.fixture.partID)).path }, lead),
        get(AdminURL.surveys(.key), { AdminURL.surveys(.value($0.fixture.partID)).path }, lead),
        post(AdminURL.surveys(.key), { AdminURL.surveys(.value($0.fixture.partID)).path }, lead),
        get(AdminURL.survey(.key), { AdminURL.survey(.value($0.ownSurveyID)).path }, lead),
        post(AdminURL.surveyQuestions(.key), { AdminURL.surveyQuestions(.value($0.ownSurveyID)).path }, lead),
        post(AdminURL.surveyInvite(.key), { AdminURL.surveyInvite(.value($0.ownSurveyID)).path }, lead, .redirectElsewhere),
        get(AdminURL.cohortProjects(.key), { AdminURL.cohortProjects(.value($0.fixture.editionID)).path }, lead),
        get(AdminURL.completion(.key), { AdminURL.completion(.value($0.fixture.editionID)).path }, lead),
        // Nobody in the bare demo has attended yet: issuing finds no one to issue for and goes back.
        post(AdminURL.issueCertificates(.key), { AdminURL.issueCertificates(.value($0.fixture.editionID)).path }, lead, .redirectElsewhere),
        get(AdminURL.certificateTemplate(.key), { AdminURL.certificateTemplate(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.certificateTemplate(.key), { AdminURL.certificateTemplate(.value($0.fixture.editionID)).path }, lead, .redirectElsewhere),
        post(
            AdminURL.defaultCertificateTemplate(.key), { AdminURL.defaultCertificateTemplate(.value($0.fixture.editionID)).path }, lead,
            .redirectElsewhere),
        get(
            SiteURL.certificatePDF(.key), { SiteURL.certificatePDF(.value($0.ownCertificateID)).path }, lead.union(participant),
            foreign: { SiteURL.certificatePDF(.value($0.otherCertificateID)).path }, foreignAllowed: lead),
        get(
            SiteURL.badge(.key), { SiteURL.badge(.value($0.ownCertificateID)).path }, lead.union(participant),
            foreign: { SiteURL.badge(.value($0.otherCertificateID)).path }, foreignAllowed: lead),
        post(AdminURL.completion(.key), { AdminURL.completion(.value($0.fixture.editionID)).path }, lead),
        // A form without a participant names nobody: there is no such exception to grant.
        post(AdminURL.completionExceptions(.key), { AdminURL.completionExceptions(.value($0.fixture.editionID)).path }, lead, .status(.notFound)),
        get(AdminURL.participantNetwork(.key), { AdminURL.participantNetwork(.value($0.fixture.participantID)).path }, lead),
        get(AdminURL.phases(.key), { AdminURL.phases(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.phases(.key), { AdminURL.phases(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.togglePhase(.key), { AdminURL.togglePhase(.value($0.ownPhaseID)).path }, lead, .redirectElsewhere),
        get(AdminURL.participants, { _ in AdminURL.participants.path }, lead),
        get(AdminURL.participantExport, { _ in AdminURL.participantExport.path }, lead),
        get(AdminURL.invitations(.key), { AdminURL.invitations(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.invitations(.key), { AdminURL.invitations(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.invitationUpload(.key), { AdminURL.invitationUpload(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.resendInvitation(.key), { AdminURL.resendInvitation(.value($0.invitationID)).path }, lead, .redirectElsewhere),
        get(AdminURL.profile(.key), { AdminURL.profile(.value($0.fixture.participantID)).path }, lead),
        post(AdminURL.profile(.key), { AdminURL.profile(.value($0.fixture.participantID)).path }, lead),
        get(AdminURL.registrations(.key), { AdminURL.registrations(.value($0.fixture.partID)).path }, lead),
        post(AdminURL.registrations(.key), { AdminURL.registrations(.value($0.fixture.partID)).path }, lead),
        post(AdminURL.cancelRegistration(.key), { AdminURL.cancelRegistration(.value($0.registrationID)).path }, lead),
        get(AdminURL.programmePartners(.key), { AdminURL.programmePartners(.value($0.fixture.programmeID)).path }, lead),
        post(AdminURL.programmePartners(.key), { AdminURL.programmePartners(.value($0.fixture.programmeID)).path }, lead),
        post(
            AdminURL.removeProgrammePartner(.key, .key),
            { AdminURL.removeProgrammePartner(.value($0.otherProgrammeID), .value($0.fixture.participantID)).path }, lead, .redirectElsewhere),
        // Deleting a file comes after every row that reads it.
        post(
            SiteURL.deleteMaterial(.key), { SiteURL.deleteMaterial(.value($0.ownMaterialID)).path }, teachers, .redirectElsewhere,
            foreign: { SiteURL.deleteMaterial(.value($0.otherMaterialID)).path }),
        // Leaving the directory (a form without "aufnehmen"), after the rows that need the participant in it.
        post(SiteURL.peerDirectory, { _ in SiteURL.peerDirectory.path }, participant, .redirectElsewhere),
        post(
            AdminURL.removeCompletionException(.key), { AdminURL.removeCompletionException(.value($0.completionExceptionID)).path }, lead,
            .redirectElsewhere),
        post(AdminURL.revokeCertificate(.key), { AdminURL.revokeCertificate(.value($0.otherCertificateID)).path }, lead),
        // Deleting a tie, then an actor, after every row that reads them.
        post(
            SiteURL.deleteTie(.key), { SiteURL.deleteTie(.value($0.ownTieID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.deleteTie(.value($0.otherTieID)).path }, foreignAllowed: []),
        post(
            SiteURL.deleteActor(.key), { SiteURL.deleteActor(.value($0.ownActorID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.deleteActor(.value($0.otherActorID)).path }, foreignAllowed: []),
    ]

    /// Last, because they end the session: the login form sends a signed-in person on.
    static let sessionRows: [Row] = [
        get(AdminURL.legalPage(.key), { _ in AdminURL.legalPage(.value("impressum")).path }, [.admin]),
        get(AdminURL.auditLog, { _ in AdminURL.auditLog.path + "?bereich=registration" }, [.admin]),
        post(AdminURL.legalPage(.key), { _ in AdminURL.legalPage(.value("impressum")).path }, [.admin]),
        get(SiteURL.account, { _ in SiteURL.account.path }, signedIn),
        get(SiteURL.myData, { _ in SiteURL.myData.path }, signedIn),
        get(SiteURL.myDataJSON, { _ in SiteURL.myDataJSON.path }, signedIn),
        get(AdminURL.accounts, { _ in AdminURL.accounts.path + "?rolle=participant" }, [.admin]),
        post(AdminURL.accounts, { _ in AdminURL.accounts.path }, [.admin]),
        get(AdminURL.account(.key), { AdminURL.account(.value($0.colleagueID)).path }, [.admin]),
        post(AdminURL.accountRole(.key), { AdminURL.accountRole(.value($0.colleagueID)).path }, [.admin]),
        post(AdminURL.accountLock(.key), { AdminURL.accountLock(.value($0.colleagueID)).path }, [.admin]),
        post(AdminURL.accountErasure(.key), { AdminURL.accountErasure(.value($0.colleagueID)).path }, [.admin]),
        // Without a password step before, the code step sends everyone back to the login form.
        get(SiteURL.loginCode, { _ in SiteURL.loginCode.path }, everyone, .toLogin),
        post(SiteURL.loginCode, { _ in SiteURL.loginCode.path }, everyone, .toLogin),
        get(SiteURL.secondFactor, { _ in SiteURL.secondFactor.path }, lead),
        post(SiteURL.secondFactor, { _ in SiteURL.secondFactor.path }, lead, .redirectElsewhere),
        post(SiteURL.confirmSecondFactor, { _ in SiteURL.confirmSecondFactor.path }, lead),
        post(SiteURL.disableSecondFactor, { _ in SiteURL.disableSecondFactor.path }, lead, .redirectElsewhere),
        post(AdminURL.resetSecondFactor(.key), { AdminURL.resetSecondFactor(.value($0.colleagueID)).path }, [.admin], .redirectElsewhere),
        get(AdminURL.retention, { _ in AdminURL.retention.path }, [.admin]),
        post(AdminURL.retention, { _ in AdminURL.retention.path }, [.admin], .redirectElsewhere),
        post(SiteURL.apiTokens, { _ in SiteURL.apiTokens.path }, signedIn),
        post(
            SiteURL.revokeAPIToken(.key), { SiteURL.revokeAPIToken(.value($0.ownTokenID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.revokeAPIToken(.value($0.otherTokenID)).path }, foreignAllowed: []),
        Row(
            method: .GET, pattern: SiteURL.login.path, own: { _ in SiteURL.login.path }, allowed: everyone, answer: .status(.ok),
            signedInAnswer: .redirectElsewhere),
        get(SiteURL.forgotPassword, { _ in SiteURL.forgotPassword.path }, everyone),
        post(SiteURL.forgotPassword, { _ in SiteURL.forgotPassword.path }, everyone),
        post(SiteURL.login, { _ in SiteURL.login.path }, everyone),
        post(SiteURL.logout, { _ in SiteURL.logout.path }, everyone, .redirectElsewhere),
        {
            var row = post(SiteURL.logoutEverywhere, { _ in SiteURL.logoutEverywhere.path }, signedIn, .redirectElsewhere)
            row.ownSession = true
            return row
        }(),
    ]
}

enum AccessTableRows {
    typealias Row = AccessTableTests.Row

    static let admin: [Row] = {
        let kinds: [(AdminResourceKind, @Sendable (AccessObjects) -> UUID, (@Sendable (AccessObjects) -> UUID)?)] = [
            (.programme, { $0.otherProgrammeID }, nil),
            (.edition, { $0.otherEditionID }, { $0.otherProgrammeID }),
            (.module, { $0.fixture.moduleID }, { $0.fixture.programmeID }),
            (.competenceArea, { $0.fixture.areaID }, { $0.fixture.programmeID }),
            (.part, { $0.otherPartID }, { $0.otherEditionID }),
            (.unit, { $0.otherUnitID }, { $0.otherPartID }),
        ]
        let lead = AccessTableTests.lead
        var rows: [Row] = []
        for (kind, id, parent) in kinds {
            let key: Param<UUID>? = parent == nil ? nil : .key
            rows += [
                AccessTableTests.get(AdminURL.new(kind, parent: key), { objects in AdminURL.new(kind, parent: parent.map { .value($0(objects)) }).path }, lead),
                AccessTableTests.post(
                    AdminURL.create(kind, parent: key), { objects in AdminURL.create(kind, parent: parent.map { .value($0(objects)) }).path }, lead),
                AccessTableTests.get(AdminURL.edit(kind, .key), { AdminURL.edit(kind, .value(id($0))).path }, lead),
                AccessTableTests.post(AdminURL.edit(kind, .key), { AdminURL.edit(kind, .value(id($0))).path }, lead),
                AccessTableTests.get(AdminURL.delete(kind, .key), { AdminURL.delete(kind, .value(id($0))).path }, lead),
            ]
        }
        for (kind, id, _) in kinds.reversed() {
            rows.append(AccessTableTests.post(AdminURL.delete(kind, .key), { AdminURL.delete(kind, .value(id($0))).path }, lead, .redirectElsewhere))
        }
        return rows
    }()
}
