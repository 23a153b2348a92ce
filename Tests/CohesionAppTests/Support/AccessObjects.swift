import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// Real objects for the access table: the demo people's own (a file, a survey they were asked,
/// a practice project, an open phase) and foreign ones (a second programme with its edition,
/// part, unit, file, survey and phase, given by another facilitator; another participant's
/// project), so that every per-object check runs and must refuse.
struct AccessObjects: Sendable {
    let fixture: Fixture
    let ownMaterialID: UUID
    let ownSurveyID: UUID
    let ownProjectID: UUID
    let ownPhaseID: UUID
    let colleagueID: UUID
    let otherProgrammeID: UUID
    let otherEditionID: UUID
    let otherPartID: UUID
    let otherUnitID: UUID
    let otherMaterialID: UUID
    let otherSurveyID: UUID
    let otherPhaseID: UUID
    let otherProjectID: UUID
    let invitationID: UUID
    let registrationID: UUID
    let ownActorID: UUID
    let otherActorID: UUID
    let ownTieID: UUID
    let otherTieID: UUID
    let listedPeerID: UUID
    let unlistedPeerID: UUID
    let completionExceptionID: UUID
    let ownCertificateID: UUID
    let spareUnitID: UUID
    /// API tokens of the participant and of another participant.
    let ownTokenID: UUID
    let otherTokenID: UUID
    let otherCertificateID: UUID
    /// Board posts: the participant's and a colleague's in their edition, and one in the foreign edition.
    let ownPostID: UUID
    let colleaguePostID: UUID
    let otherEditionPostID: UUID
    /// A lunch series of the programme, hosted by the demo facilitator, with everyone who may join
    /// registered; and one of the foreign programme hosted by the stranger. Each with a meeting a
    /// month ahead and an item.
    let seriesID: UUID
    let otherSeriesID: UUID
    let meetingID: UUID
    let otherMeetingID: UUID
    let itemID: UUID
    let otherItemID: UUID
    /// Topic teams: an open one and a finished one with everyone who may take part as members and
    /// one version each; the same two with only the stranger in them.
    let teamID: UUID
    let otherTeamID: UUID
    let finishedTeamID: UUID
    let otherFinishedTeamID: UUID
    /// Portal articles: the participant's (public) and the stranger's; a practice project with its report.
    let articleID: UUID
    let otherArticleID: UUID
    let reportedProjectID: UUID
    /// A document of the open team uploaded by the participant; one of the stranger's finished team.
    let documentID: UUID
    let otherDocumentID: UUID

    static func make(_ app: Application) async throws -> AccessObjects {
        let fixture = try await Fixture.load(app, withRegistration: true)
        let sql = try #require(app.db as? any SQLDatabase)
        let today = BerlinTime.day(of: Date())
        let participant = fixture.participantID
        // The participant works in Konstanz: routes about one's own municipality need a profile.
        try await MunicipalProfileTests.profile(for: participant, region: "08335043", on: app.db)
        let colleague = try #require(try await User.query(on: app.db).filter(\.$email == "stabsstelle@demo.cohesion.example").first()).requireID()
        let someoneElse = try #require(try await User.query(on: app.db).filter(\.$email == "f.mueller@demo.cohesion.example").first()).requireID()

        let stranger = User(email: "fremd@example.org", name: "Fremde Referentin", role: .facilitator)
        try await stranger.create(on: app.db)
        let programme = try await insert("programmes", ["title": "Zweites Programm", "summary": ""], on: sql)
        let edition = try await insert("editions", ["programme_id": programme, "title": "Fremder Durchlauf", "summary": ""], on: sql)
        let part = try await insert(
            "parts",
            [
                "edition_id": edition, "number": 1, "title": "Fremder Teil", "focus": "",
                "starts_on": "2030-03-01", "ends_on": "2030-03-02", "venue_name": "Ort", "address": "Straße 1",
                "city": "Ulm", "capacity": 10, "registration_sequence": 0,
            ], on: sql)
        let unit = try await insert(
            "units",
            [
                "part_id": part, "title": "Fremde Einheit", "description": "", "objectives": "",
                "starts_at": Date(timeIntervalSince1970: 1_898_000_000), "ends_at": Date(timeIntervalSince1970: 1_898_003_600),
                "room": "", "format": "workshop", "sequence": 0,
            ], on: sql)
        try await sql.insert(into: "unit_facilitators").columns("id", "unit_id", "user_id")
            .values(SQLBind(UUID()), SQLBind(unit), SQLBind(try stranger.requireID())).run()
        // A unit nothing else refers to, for the API's deletion.
        let spareUnit = try await insert(
            "units",
            [
                "part_id": part, "title": "Überzählige Einheit", "description": "", "objectives": "",
                "starts_at": Date(timeIntervalSince1970: 1_898_010_000), "ends_at": Date(timeIntervalSince1970: 1_898_013_600),
                "room": "", "format": "workshop", "sequence": 1,
            ], on: sql)

        let ownMaterial = try await material(unit: fixture.unitID, on: sql)
        let otherMaterial = try await material(unit: unit, on: sql)
        try await sql.insert(into: "attendances").columns("id", "unit_id", "user_id", "status")
            .values(SQLBind(UUID()), SQLBind(fixture.unitID), SQLBind(participant), SQLBind(AttendanceStatus.present)).run()
        let ownSurvey = try await survey(part: fixture.partID, unit: fixture.unitID, today: today, on: sql)
        let otherSurvey = try await survey(part: part, unit: unit, today: today, on: sql)
        let ownProject = try await project(user: participant, part: fixture.partID, on: sql)
        let otherProject = try await project(user: someoneElse, part: fixture.partID, on: sql)
        let ownPhase = try await insert(
            "assessment_phases",
            [
                "edition_id": fixture.editionID, "code": "part-1", "is_open": true,
                "asks_retrospective": false,
            ], on: sql)
        let otherPhase = try await insert(
            "assessment_phases",
            [
                "edition_id": edition, "code": "pre", "is_open": true,
                "asks_retrospective": false,
            ], on: sql)
        // Follow-ups open today in the participant's edition and in one they are not in.
        for editionID in [fixture.editionID, edition] {
            _ = try await insert(
                "follow_up_phases", ["edition_id": editionID, "opens_on": today.adding(days: -1).iso, "closes_on": today.adding(days: 30).iso], on: sql)
        }
        let invitation = try await insert(
            "invitations",
            [
                "edition_id": fixture.editionID, "user_id": someoneElse, "token_hash": "x", "sent_count": 1,
                "expires_at": Date().addingTimeInterval(86_400),
            ], on: sql)
        let ownActor = try await insert(
            "network_actors",
            [
                "user_id": participant, "name": "Caritas", "kind": ActorKind.welfareAssociation.rawValue,
                "contact": "", "note": "",
            ], on: sql)
        let otherActor = try await insert(
            "network_actors",
            [
                "user_id": someoneElse, "name": "Jobcenter", "kind": ActorKind.jobcenter.rawValue,
                "contact": "", "note": "",
            ], on: sql)
        let ownTie = try await insert(
            "network_ties",
            [
                "user_id": participant, "to_actor_id": ownActor, "kind": TieKind.cooperation.rawValue,
                "intensity": 2, "status": TieStatus.exists.rawValue,
            ], on: sql)
        let otherTie = try await insert(
            "network_ties",
            [
                "user_id": someoneElse, "to_actor_id": otherActor, "kind": TieKind.cooperation.rawValue,
                "intensity": 2, "status": TieStatus.exists.rawValue,
            ], on: sql)
        // The participant and one colleague are in the directory; a third participant is not.
        _ = try await insert("peer_directory", ["user_id": participant, "since": Date()], on: sql)
        _ = try await insert("peer_directory", ["user_id": someoneElse, "since": Date()], on: sql)
        let unlisted = try #require(try await User.query(on: app.db).filter(\.$email == "m.yilmaz@demo.cohesion.example").first()).requireID()
        let lead = try #require(try await User.query(on: app.db).filter(\.$email == "leitung@demo.cohesion.example").first()).requireID()
        let exception = try await insert(
            "completion_exceptions",
            [
                "edition_id": fixture.editionID, "user_id": someoneElse,
                "reason": "Elternzeit", "granted_at": Date(), "granted_by_id": lead,
            ], on: sql)
        let statement = CertificateStatement(
            name: "Erika Muster", municipality: "Konstanz", programme: "Programm", edition: "Durchlauf",
            parts: [], units: [.init(title: "Einheit", minutes: 90)], modules: [], competenceAreas: [],
            issuer: "Programm", place: "Stuttgart", issuedOn: CalendarDay(year: 2025, month: 7, day: 4))
        let statementJSON = String(decoding: try JSONEncoder().encode(statement), as: UTF8.self)
        func certificate(for user: UUID, code: String) async throws -> UUID {
            try await insert(
                "certificates",
                [
                    "edition_id": fixture.editionID, "user_id": user, "code": code, "issued_at": Date(),
                    "revoke_reason": "", "statement": statementJSON, "pdf": Data("%PDF-1.7".utf8), "history": "[]",
                ], on: sql)
        }
        func token(for user: UUID) async throws -> UUID {
            _ = try await APIToken.make(for: user, name: "Tabelle", scope: .read, days: 1, now: Date(), on: app.db)
            return try #require(try await APIToken.query(on: app.db).filter(\.$user.$id == user).first()?.requireID())
        }
        let ownToken = try await token(for: participant)
        let otherToken = try await token(for: someoneElse)
        let ownCertificate = try await certificate(for: participant, code: "AAAA-BBBB-CCCC-DDDD")
        let otherCertificate = try await certificate(for: someoneElse, code: "EEEE-FFFF-GGGG-HHHH")
        func post(edition: UUID, author: UUID) async throws -> UUID {
            try await insert(
                "board_posts",
                [
                    "edition_id": edition, "kind": BoardPostKind.question.rawValue, "author_id": author, "title": "Frage", "body": "Text",
                    "created_at": Date(), "hidden_reason": "",
                ], on: sql)
        }
        let ownPost = try await post(edition: fixture.editionID, author: participant)
        let colleaguePost = try await post(edition: fixture.editionID, author: someoneElse)
        let otherEditionPost = try await post(edition: edition, author: try stranger.requireID())
        let month = Date().addingTimeInterval(30 * 86_400)
        func series(programme: UUID, host: UUID, registered: [UUID]) async throws -> (series: UUID, meeting: UUID, item: UUID) {
            let series = try await insert(
                "lunch_series",
                [
                    "programme_id": programme, "title": "Mittagsrunde", "description": "", "host_id": host, "start_time": "12:30",
                    "end_time": "13:30", "vote_budget": 3, "video_url": "",
                ], on: sql)
            for person in registered {
                _ = try await insert("lunch_registrations", ["series_id": series, "user_id": person, "created_at": Date()], on: sql)
            }
            let meeting = try await insert(
                "lunch_meetings",
                [
                    "series_id": series, "starts_at": month, "ends_at": month.addingTimeInterval(3600),
                    "agenda_freezes_at": month.addingTimeInterval(-86_400), "notes": "", "created_at": Date(),
                ], on: sql)
            let item = try await insert("lunch_items", ["meeting_id": meeting, "author_id": host, "text": "Thema", "created_at": Date()], on: sql)
            return (series, meeting, item)
        }
        let admin = try #require(try await User.query(on: app.db).filter(\.$role == .admin).first()).requireID()
        let own = try await series(programme: fixture.programmeID, host: fixture.facilitatorID, registered: [participant, fixture.facilitatorID, lead, admin])
        let foreign = try await series(programme: programme, host: try stranger.requireID(), registered: [try stranger.requireID()])
        let everyone = [participant, fixture.facilitatorID, lead, admin]
        func team(members: [UUID], finished: Bool) async throws -> UUID {
            let team = try await insert(
                "topic_teams",
                ["question": "Wie gelingt eine Netzwerkrunde?", "description": "", "proposed_by": members[0], "created_at": Date()], on: sql)
            if finished { try await sql.raw("UPDATE topic_teams SET finished_at = \(bind: Date()) WHERE id = \(bind: team)").run() }
            for member in members { _ = try await insert("topic_team_members", ["team_id": team, "user_id": member, "joined_at": Date()], on: sql) }
            _ = try await insert(
                "topic_team_versions",
                ["team_id": team, "number": 1, "author_id": members[0], "text": "Erste Fassung", "note": "", "created_at": Date()], on: sql)
            return team
        }
        func article(author: UUID) async throws -> UUID {
            let article = try await insert(
                "portal_articles",
                [
                    "title": "Netzwerkrunde", "summary": "Kurz", "body": "Text", "source": PortalSource.team.rawValue, "published_by": author,
                    "published_at": Date(),
                ], on: sql)
            _ = try await insert("portal_article_authors", ["article_id": article, "user_id": author, "public_consent": true], on: sql)
            try await PortalIndex.write(articleID: article, title: "Netzwerkrunde", summary: "Kurz", body: "Text", on: sql)
            return article
        }
        let reported = try await project(user: participant, part: fixture.partID, on: sql)
        try await sql.raw("UPDATE practice_projects SET outcome = \(bind: ProjectOutcome.done.rawValue) WHERE id = \(bind: reported)").run()
        let strangerID = try stranger.requireID()
        func document(team: UUID, by person: UUID) async throws -> UUID {
            try await insert(
                "topic_team_documents",
                [
                    "team_id": team, "file_name": "Einladung.txt", "content_type": "text/plain", "size": 8, "data": Data("Einladen".utf8),
                    "uploaded_by": person, "created_at": Date(),
                ], on: sql)
        }
        let openTeam = try await team(members: everyone, finished: false)
        let strangersFinished = try await team(members: [strangerID], finished: true)
        return AccessObjects(
            fixture: fixture, ownMaterialID: ownMaterial, ownSurveyID: ownSurvey, ownProjectID: ownProject, ownPhaseID: ownPhase,
            colleagueID: colleague, otherProgrammeID: programme, otherEditionID: edition, otherPartID: part, otherUnitID: unit,
            otherMaterialID: otherMaterial, otherSurveyID: otherSurvey, otherPhaseID: otherPhase, otherProjectID: otherProject,
            invitationID: invitation, registrationID: try #require(fixture.registrationID),
            ownActorID: ownActor, otherActorID: otherActor, ownTieID: ownTie, otherTieID: otherTie,
            listedPeerID: someoneElse, unlistedPeerID: unlisted, completionExceptionID: exception,
            ownCertificateID: ownCertificate, spareUnitID: spareUnit,
            ownTokenID: ownToken, otherTokenID: otherToken, otherCertificateID: otherCertificate,
            ownPostID: ownPost, colleaguePostID: colleaguePost, otherEditionPostID: otherEditionPost,
            seriesID: own.series, otherSeriesID: foreign.series, meetingID: own.meeting, otherMeetingID: foreign.meeting,
            itemID: own.item, otherItemID: foreign.item,
            teamID: openTeam, otherTeamID: try await team(members: [strangerID], finished: false),
            finishedTeamID: try await team(members: everyone, finished: true), otherFinishedTeamID: strangersFinished,
            articleID: try await article(author: participant), otherArticleID: try await article(author: strangerID), reportedProjectID: reported,
            documentID: try await document(team: openTeam, by: participant), otherDocumentID: try await document(team: strangersFinished, by: strangerID))
    }

    private static func insert(_ table: String, _ values: [String: any Encodable & Sendable], on sql: any SQLDatabase) async throws -> UUID {
        let id = UUID()
        let columns = ["id"] + values.keys.sorted()
        try await sql.insert(into: table).columns(columns)
            .values([SQLBind(id)] + values.keys.sorted().map { SQLBind(values[$0]!) }).run()
        return id
    }

    private static func material(unit: UUID, on sql: any SQLDatabase) async throws -> UUID {
        try await insert(
            "materials",
            [
                "unit_id": unit, "file_name": "Ablauf.txt", "content_type": "text/plain", "size": 5,
                "data": Data("Ablauf".utf8), "created_at": Date(),
            ], on: sql)
    }

    private static func survey(part: UUID, unit: UUID, today: CalendarDay, on sql: any SQLDatabase) async throws -> UUID {
        let survey = try await insert(
            "surveys",
            [
                "part_id": part, "unit_id": unit, "title": "Kurzrückmeldung", "anonymous": true,
                "opens_on": today.adding(days: -1).iso, "closes_on": today.adding(days: 30).iso,
            ], on: sql)
        _ = try await insert(
            "survey_questions",
            [
                "survey_id": survey, "position": 1, "kind": QuestionKind.scale.rawValue,
                "text": "Wie hilfreich war die Einheit?", "options": "",
            ], on: sql)
        return survey
    }

    private static func project(user: UUID, part: UUID, on sql: any SQLDatabase) async throws -> UUID {
        try await insert(
            "practice_projects",
            [
                "user_id": user, "part_id": part, "goal": "Netzwerktreffen", "first_steps": "Einladen",
                "due_on": "2030-01-31", "helped": "", "hindered": "", "created_at": Date(),
            ], on: sql)
    }
}
