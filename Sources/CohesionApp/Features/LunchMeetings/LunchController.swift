import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The lunch meetings: series and their meetings, questions, votes and notes.
struct LunchController {
    /// A form that came back with errors: which one, as typed.
    struct FormState: Sendable {
        enum Target: Equatable, Sendable {
            case newSeries
            case newMeeting(UUID)
            case newItem, notes
        }
        let target: Target
        let values: FormValues
        let errors: FieldErrors
    }

    // MARK: - The series

    func list(req: Request) async throws -> Response {
        try await listPage(req, form: nil, status: .ok)
    }

    func createSeries(req: Request) async throws -> Response {
        let values = req.formValues()
        let choices = try await LunchListing.choices(on: req.sql)
        var errors = FieldErrors()
        let title = errors.require("titel", values["titel"], "einen Titel", maxLength: 150)
        let description = errors.optional("beschreibung", values["beschreibung"], maxLength: 2000, multiline: true)
        let programmeID = UUID(uuidString: values["programm"]).flatMap { id in choices.programmes.contains { $0.id == id } ? id : nil }
        if programmeID == nil { errors.add("programm", "Bitte ein Programm aus der Liste wählen.") }
        let hostID = UUID(uuidString: values["moderation"]).flatMap { id in choices.hosts.contains { $0.id == id } ? id : nil }
        if hostID == nil { errors.add("moderation", "Bitte eine Moderation aus der Liste wählen.") }
        let start = values["beginn"].trimmingCharacters(in: .whitespaces)
        let end = values["ende"].trimmingCharacters(in: .whitespaces)
        let day = CalendarDay(iso: "2030-01-15")!
        let startAt = BerlinTime.instant(on: day, at: start)
        let endAt = BerlinTime.instant(on: day, at: end)
        if startAt == nil { errors.add("beginn", "Bitte eine Uhrzeit angeben (SS:MM).") }
        if endAt == nil { errors.add("ende", "Bitte eine Uhrzeit angeben (SS:MM).") }
        if let startAt, let endAt, endAt <= startAt { errors.add("ende", "Das Ende muss nach dem Beginn liegen.") }
        let budget = Int(values["stimmen"].trimmingCharacters(in: .whitespaces))
        if budget == nil || !(1...10).contains(budget!) { errors.add("stimmen", "Bitte eine Zahl von 1 bis 10 angeben.") }
        let video = VideoWindow.check(values["video"], field: "video", errors: &errors)
        guard errors.isEmpty, let programmeID, let hostID, let budget else {
            return try await listPage(req, form: FormState(target: .newSeries, values: values, errors: errors), status: .unprocessableEntity)
        }
        let series = LunchSeries()
        series.$programme.id = programmeID
        series.title = title
        series.description = description
        series.$host.id = hostID
        series.startTime = start
        series.endTime = end
        series.voteBudget = budget
        series.videoURL = video
        try await Audit.recording(LunchMeetingsFeature.audit, "Mittagsrunde „\(title)“ angelegt", by: req) { db in try await series.create(on: db) }
        return req.redirect(to: Notice.lunchSeriesSaved.appended(to: SiteURL.lunchSeries.path))
    }

    func register(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let seriesID = try req.parameters.require(.series).rawValue
        if req.formValues()["aktion"] == "abmelden" {
            try await LunchRegistration.query(on: req.db).filter(\.$series.$id == seriesID).filter(\.$user.$id == user.id).delete()
            return req.redirect(to: Notice.lunchUnregistered.appended(to: SiteURL.lunchSeries.path))
        }
        // One statement: a double click cannot register twice.
        try await req.sql.raw(
            """
            INSERT INTO lunch_registrations (id, series_id, user_id, created_at) VALUES (\(bind: UUID()), \(bind: seriesID), \(bind: user.id), \(bind: req.now))
            ON CONFLICT (series_id, user_id) DO NOTHING
            """
        ).run()
        return req.redirect(to: Notice.lunchRegistered.appended(to: SiteURL.lunchSeries.path))
    }

    func addMeeting(req: Request) async throws -> Response {
        let seriesID = try req.parameters.require(.series).rawValue
        guard let series = try await LunchSeries.find(seriesID, on: req.db) else { throw AppError.notFound }
        let values = req.formValues()
        var errors = FieldErrors()
        let day = CalendarDay(typed: values["datum"])
        if day == nil { errors.add("datum", "Bitte ein gültiges Datum angeben (TT.MM.JJJJ).") }
        let start = day.flatMap { BerlinTime.instant(on: $0, at: values["beginn"].trimmingCharacters(in: .whitespaces)) }
        let end = day.flatMap { BerlinTime.instant(on: $0, at: values["ende"].trimmingCharacters(in: .whitespaces)) }
        if day != nil, start == nil { errors.add("beginn", "Bitte eine Uhrzeit angeben (SS:MM).") }
        if day != nil, end == nil { errors.add("ende", "Bitte eine Uhrzeit angeben (SS:MM).") }
        if let start, let end, end <= start { errors.add("ende", "Das Ende muss nach dem Beginn liegen.") }
        if let start, start <= req.now { errors.add("datum", "Der Termin muss in der Zukunft liegen.") }
        let freezeDay = CalendarDay(typed: values["schluss-datum"])
        let freeze = freezeDay.flatMap { BerlinTime.instant(on: $0, at: values["schluss-zeit"].trimmingCharacters(in: .whitespaces)) }
        if freeze == nil { errors.add("schluss-datum", "Bitte Datum und Uhrzeit angeben, zu der die Tagesordnung feststeht.") }
        if let freeze, let start, freeze > start { errors.add("schluss-datum", "Die Tagesordnung steht spätestens zu Beginn des Treffens fest.") }
        if let freeze, freeze <= req.now { errors.add("schluss-datum", "Dieser Zeitpunkt ist schon vorbei; bis dahin könnte niemand abstimmen.") }
        guard errors.isEmpty, let start, let end, let freeze else {
            return try await listPage(req, form: FormState(target: .newMeeting(seriesID), values: values, errors: errors), status: .unprocessableEntity)
        }
        let meeting = LunchMeeting()
        meeting.$series.id = seriesID
        meeting.startsAt = start
        meeting.endsAt = end
        meeting.agendaFreezesAt = freeze
        meeting.notes = ""
        meeting.createdAt = req.now
        try await Audit.recording(LunchMeetingsFeature.audit, "Termin der Mittagsrunde „\(series.title)“ am \(BerlinTime.dateTime(start))", by: req) {
            db in try await meeting.create(on: db)
        }
        return req.redirect(to: Notice.lunchMeetingSaved.appended(to: SiteURL.lunchMeeting(.value(try meeting.requireID())).path))
    }

    private func listPage(_ req: Request, form: FormState?, status: HTTPStatus) async throws -> Response {
        let user = try req.requireUser()
        try await ExchangeVisit.record(user.id, scope: .lunch, at: req.now, on: req.sql)
        let listing = try await LunchListing.query(for: user, now: req.now, on: req.sql)
        let choices = user.role.canEditStructure ? try await LunchListing.choices(on: req.sql) : nil
        return .html(
            LunchViews.list(listing, choices: choices, form: form, now: req.now, frame: req.frame("Mittagsrunden", section: .exchange)), status: status)
    }

    // MARK: - A meeting

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await ExchangeVisit.record(user.id, scope: .lunch, at: req.now, on: req.sql)
        return try await meetingPage(req, form: nil, status: .ok)
    }

    func addItem(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let meeting = try await LunchActions.openMeeting(req.parameters.require(.meeting).rawValue, for: user, now: req.now, on: req)
        let values = req.formValues()
        switch try await LunchActions.propose(values["thema"], meeting: meeting, by: user, req: req) {
        case .invalid(let errors):
            return try await meetingPage(req, form: FormState(target: .newItem, values: values, errors: errors), status: .unprocessableEntity)
        case .valid:
            return req.redirect(to: Notice.lunchItemSaved.appended(to: SiteURL.lunchMeeting(.value(try meeting.requireID())).path) + "#themen")
        }
    }

    func vote(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let meeting = try await LunchActions.openMeeting(req.parameters.require(.meeting).rawValue, for: user, now: req.now, on: req)
        let meetingID = try meeting.requireID()
        let item = try await LunchActions.item(req.parameters.require(.item).rawValue, of: meetingID, on: req.db)
        let itemID = try item.requireID()
        let anchor = "#thema-\(itemID.uuidString.lowercased())"
        if req.formValues()["aktion"] == "zuruecknehmen" {
            try await LunchVoting.withdraw(itemID: itemID, userID: user.id, on: req.sql)
            return req.redirect(to: Notice.lunchVoteWithdrawn.appended(to: SiteURL.lunchMeeting(.value(meetingID)).path) + anchor)
        }
        try await LunchActions.vote(for: item, in: meeting, by: user, req: req)
        return req.redirect(to: Notice.lunchVoteCounted.appended(to: SiteURL.lunchMeeting(.value(meetingID)).path) + anchor)
    }

    func markAnswered(req: Request) async throws -> Response {
        let meetingID = try req.parameters.require(.meeting).rawValue
        let itemID = try await LunchActions.item(req.parameters.require(.item).rawValue, of: meetingID, on: req.db).requireID()
        try await Audit.recording(LunchMeetingsFeature.audit, "Thema der Mittagsrunde als beantwortet markiert", objectID: itemID, by: req) { db in
            try await LunchVoting.markAnswered(itemID: itemID, at: req.now, on: db.sql)
        }
        return req.redirect(
            to: Notice.lunchItemAnswered.appended(to: SiteURL.lunchMeeting(.value(meetingID)).path) + "#thema-\(itemID.uuidString.lowercased())")
    }

    /// The host's short notes, published on the meeting's page and named in the next digest.
    func publishNotes(req: Request) async throws -> Response {
        let meetingID = try req.parameters.require(.meeting).rawValue
        guard let meeting = try await LunchMeeting.find(meetingID, on: req.db) else { throw AppError.notFound }
        let values = req.formValues()
        var errors = FieldErrors()
        let notes = errors.require("notizen", values["notizen"], "die Notizen", maxLength: 10_000, multiline: true)
        guard errors.isEmpty else {
            return try await meetingPage(req, form: FormState(target: .notes, values: values, errors: errors), status: .unprocessableEntity)
        }
        let answered = Set(values.all("beantwortet").compactMap(UUID.init(uuidString:)))
        let items = try await LunchItem.query(on: req.db).filter(\.$meeting.$id == meetingID).all()
        let now = req.now
        let firstPublication = meeting.notesPublishedAt == nil
        let mail = try await LunchActions.MailContext(meeting, req: req)
        let author = try req.requireUser().id
        try await Audit.recording(
            LunchMeetingsFeature.audit, "Notizen zur Mittagsrunde vom \(BerlinTime.dateTime(meeting.startsAt)) veröffentlicht", objectID: meetingID, by: req
        ) {
            db in
            meeting.notes = notes
            if meeting.notesPublishedAt == nil { meeting.notesPublishedAt = now }
            try await meeting.save(on: db)
            for item in items where answered.contains(try item.requireID()) {
                try await LunchVoting.markAnswered(itemID: try item.requireID(), at: now, on: db.sql)
            }
            if firstPublication {
                try await PostMails.send(
                    to: mail.registrants, scope: .lunch, authorID: author,
                    subject: "Cohesion: Notizen zu „\(mail.seriesTitle)“ vom \(BerlinTime.longDate(BerlinTime.day(of: meeting.startsAt)))",
                    text: "Die Notizen zur Mittagsrunde vom \(BerlinTime.dateTime(meeting.startsAt)):\n\n" + PostText.plain(notes), link: mail.link, on: db)
            }
        }
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return req.redirect(to: Notice.lunchNotesPublished.appended(to: SiteURL.lunchMeeting(.value(meetingID)).path) + "#notizen")
    }

    private func meetingPage(_ req: Request, form: FormState?, status: HTTPStatus) async throws -> Response {
        let user = try req.requireUser()
        guard let model = try await LunchMeetingPage.query(meetingID: req.parameters.require(.meeting).rawValue, viewer: user, now: req.now, on: req.sql)
        else { throw AppError.notFound }
        return .html(
            LunchViews.meeting(
                model, form: form, frame: req.frame("Mittagsrunde am \(BerlinTime.longDate(BerlinTime.day(of: model.startsAt)))", section: .exchange)),
            status: status)
    }
}

extension Notice {
    static let lunchSeriesSaved = Notice("mittagsrunde-angelegt", "Die Reihe ist angelegt. Legen Sie jetzt den ersten Termin an.")
    static let lunchRegistered = Notice("mittagsrunde-angemeldet", "Sie sind angemeldet: Termine erscheinen in Ihrem Kalender, und Sie werden erinnert.")
    static let lunchUnregistered = Notice("mittagsrunde-abgemeldet", "Sie sind abgemeldet.")
    static let lunchMeetingSaved = Notice("mittagsrunde-termin", "Der Termin ist angelegt.")
    static let lunchItemSaved = Notice("mittagsrunde-thema", "Ihr Thema steht auf der Liste.")
    static let lunchVoteCounted = Notice("mittagsrunde-stimme", "Ihre Stimme ist gezählt.")
    static let lunchVoteWithdrawn = Notice("mittagsrunde-stimme-zurueck", "Ihre Stimme ist zurückgenommen.")
    static let lunchItemAnswered = Notice("mittagsrunde-beantwortet", "Das Thema ist als beantwortet markiert; die Stimmen dafür sind wieder frei.")
    static let lunchNotesPublished = Notice("mittagsrunde-notizen", "Die Notizen sind veröffentlicht.")
}
