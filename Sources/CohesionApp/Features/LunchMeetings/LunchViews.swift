import CohesionCore
import CohesionPlatform
import Foundation

/// The lunch meetings' pages: the series with their meetings, and one meeting with its agenda.
enum LunchViews {
    static func list(_ listing: LunchListing, choices: LunchListing.Choices?, form: LunchController.FormState?, now: Date, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.exchange.path)) { "Austausch" } }
            HTML.h1 { "Mittagsrunden" }
            HTML.p(.class("lead")) {
                "Eine Stunde online zur Mittagszeit, offen für Teilnehmer*innen und Ehemalige aller Durchläufe. Vorher schlagen Sie Fragen und Themen vor "
                "und stimmen ab; die Tagesordnung sind die Themen nach Stimmen. Danach stehen hier die Notizen."
            }
            if listing.series.isEmpty { HTML.p(.class("muted")) { "Für Ihre Programme gibt es noch keine Mittagsrunde." } }
            listing.series.map { series(in: $0, form: form, visitor: frame.visitor) }
            if let choices { newSeries(choices, form: form?.target == .newSeries ? form : nil, visitor: frame.visitor) }
        }
    }

    private static func series(in entry: LunchListing.Series, form: LunchController.FormState?, visitor: Visitor) -> HTML {
        let series = entry.series
        let headingID = "reihe-" + series.id.uuidString.lowercased()
        return .section(.class("card"), .ariaLabelledBy(headingID)) {
            HTML.h2(.id(headingID)) { series.title }
            HTML.p(.class("muted")) {
                series.programmeTitle + " · \(series.startTime)–\(series.endTime) Uhr (Berliner Zeit) · Moderation: " + series.hostName
                    + " · \(series.voteBudget) Stimmen je Person und Termin"
            }
            if !series.description.isEmpty { PostText.html(series.description) }
            HTML.form(.method("post"), .action(SiteURL.lunchRegistration(.value(series.id)).path), .class("inline-form")) {
                Form.csrf(visitor)
                if entry.registered {
                    HTML.input(.type("hidden"), .name("aktion"), .value("abmelden"))
                    HTML.p {
                        HTML.strong { "Sie sind angemeldet." }
                        " "
                        HTML.button(.type("submit"), .class("button button--quiet")) {
                            "Abmelden"; HTML.span(.class("visually-hidden")) { " von „\(series.title)“" }
                        }
                    }
                } else {
                    HTML.input(.type("hidden"), .name("aktion"), .value("anmelden"))
                    HTML.button(.type("submit"), .class("button")) {
                        "Anmelden"; HTML.span(.class("visually-hidden")) { " für „\(series.title)“" }
                    }
                }
            }
            HTML.h3 { "Nächste Termine" }
            if entry.coming.isEmpty {
                HTML.p(.class("muted")) { "Noch kein Termin angesetzt." }
            } else {
                HTML.ul(.class("plain-list")) { entry.coming.map { meetingLine($0) } }
            }
            if !entry.past.isEmpty {
                HTML.h3 { "Vergangene Termine" }
                HTML.ul(.class("plain-list")) { entry.past.map { meetingLine($0) } }
            }
            if entry.mayModerate {
                newMeeting(series, form: form.flatMap { $0.target == .newMeeting(series.id) ? $0 : nil }, visitor: visitor)
            }
        }
    }

    private static func meetingLine(_ meeting: LunchListing.Meeting) -> HTML {
        .li {
            HTML.a(.href(SiteURL.lunchMeeting(.value(meeting.id)).path)) {
                BerlinTime.weekdayDate(BerlinTime.day(of: meeting.startsAt)) + ", " + BerlinTime.timeRange(meeting.startsAt, meeting.endsAt)
            }
            HTML.span(.class("muted")) {
                " · " + counted(meeting.items, "Thema", "Themen") + (meeting.notesPublishedAt == nil ? "" : " · Notizen veröffentlicht")
            }
        }
    }

    private static func newMeeting(_ series: LunchAudience.SeriesListing, form: LunchController.FormState?, visitor: Visitor) -> HTML {
        // Each series has this form: its fields' ids carry the series.
        let prefix = "termin-" + series.id.uuidString.lowercased()
        let specs = [
            FieldSpec(name: "datum", label: "Datum", kind: .date, required: true, id: prefix + "-datum"),
            FieldSpec(name: "beginn", label: "Beginn", kind: .time, required: true, id: prefix + "-beginn"),
            FieldSpec(name: "ende", label: "Ende", kind: .time, required: true, id: prefix + "-ende"),
            FieldSpec(
                name: "schluss-datum", label: "Tagesordnung steht fest am", kind: .date, required: true, hint: "Bis dahin können alle abstimmen.",
                id: prefix + "-schluss-datum"),
            FieldSpec(name: "schluss-zeit", label: "um (Uhrzeit)", kind: .time, required: true, id: prefix + "-schluss-zeit"),
        ]
        let values = form?.values ?? FormValues(["beginn": series.startTime, "ende": series.endTime, "schluss-zeit": "12:00"])
        let errors = form?.errors ?? FieldErrors()
        return .details(errors.isEmpty ? nil : .open, .id(prefix)) {
            HTML.summary {
                "Neuen Termin anlegen"; HTML.span(.class("visually-hidden")) { " für „\(series.title)“" }
            }
            HTML.form(.method("post"), .action(SiteURL.lunchNewMeeting(.value(series.id)).path), .class("stack")) {
                Form.csrf(visitor)
                Form.errorSummary(errors, fields: specs)
                Form.fields(specs, values: values, errors: errors)
                HTML.button(.type("submit"), .class("button")) { "Termin anlegen" }
            }
        }
    }

    private static func newSeries(_ choices: LunchListing.Choices, form: LunchController.FormState?, visitor: Visitor) -> HTML {
        let specs = [
            FieldSpec(name: "titel", label: "Titel", required: true, hint: "Zum Beispiel „Mittagsrunde Integration vor Ort“."),
            FieldSpec(
                name: "programm", label: "Programm",
                kind: .select(choices.programmes.map { .init(value: $0.id.uuidString, label: $0.title) }, emptyLabel: "Bitte wählen"),
                required: true, hint: "Offen für Teilnehmer*innen und Ehemalige aller Durchläufe dieses Programms."),
            FieldSpec(
                name: "moderation", label: "Moderation",
                kind: .select(choices.hosts.map { .init(value: $0.id.uuidString, label: $0.title) }, emptyLabel: "Bitte wählen"),
                required: true),
            FieldSpec(name: "beginn", label: "Übliche Uhrzeit: Beginn", kind: .time, required: true),
            FieldSpec(name: "ende", label: "Übliche Uhrzeit: Ende", kind: .time, required: true),
            FieldSpec(name: "stimmen", label: "Stimmen je Person und Termin", kind: .number, required: true),
            FieldSpec(name: "video", label: "Adresse des Videoraums", kind: .url, hint: "Angemeldete sehen sie ab 30 Minuten vor Beginn.", autocomplete: "off"),
            FieldSpec(name: "beschreibung", label: "Beschreibung", kind: .textarea, hint: BoardView.formatHint),
        ]
        let values = form?.values ?? FormValues(["beginn": "12:30", "ende": "13:30", "stimmen": "3"])
        let errors = form?.errors ?? FieldErrors()
        return .section(.class("card"), .ariaLabelledBy("neue-reihe")) {
            HTML.h2(.id("neue-reihe")) { "Neue Reihe (Programmleitung)" }
            HTML.form(.method("post"), .action(SiteURL.lunchSeries.path), .class("stack")) {
                Form.csrf(visitor)
                Form.errorSummary(errors, fields: specs)
                Form.fields(specs, values: values, errors: errors)
                HTML.button(.type("submit"), .class("button")) { "Reihe anlegen" }
            }
        }
    }

    // MARK: - One meeting

    static func meeting(_ model: LunchMeetingPage, form: LunchController.FormState?, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(SiteURL.exchange.path)) { "Austausch" }
                " · "
                HTML.a(.href(SiteURL.lunchSeries.path)) { "Mittagsrunden" }
            }
            HTML.h1 { model.seriesTitle + ": " + BerlinTime.weekdayDate(BerlinTime.day(of: model.startsAt)) }
            HTML.dl(.class("facts")) {
                HTML.dt { "Zeit" }
                HTML.dd { BerlinTime.timeRange(model.startsAt, model.endsAt) + " (Berliner Zeit), online" }
                HTML.dt { "Moderation" }
                HTML.dd { model.hostName }
                HTML.dt { "Tagesordnung" }
                HTML.dd { (model.isFrozen ? "steht fest seit " : "steht fest am ") + BerlinTime.dateTime(model.freezesAt) }
            }
            if let room = model.videoRoom, !model.isOver { VideoRooms.view(room) }
            if !model.viewerIsRegistered && !model.viewerMayModerate {
                HTML.p(.class("status-box")) {
                    "Um Themen vorzuschlagen, abzustimmen und den Videoraum zu sehen, melden Sie sich für die Reihe an: "
                    HTML.a(.href(SiteURL.lunchSeries.path + "#reihe-" + model.seriesID.uuidString.lowercased())) { "zur Anmeldung" }
                }
            }
            if model.notesPublishedAt != nil { notes(model) }
            agenda(model, visitor: frame.visitor)
            if model.viewerIsRegistered && !model.isFrozen { newItem(model, form: form?.target == .newItem ? form : nil, visitor: frame.visitor) }
            if model.viewerMayModerate { notesForm(model, form: form?.target == .notes ? form : nil, visitor: frame.visitor) }
        }
    }

    private static func notes(_ model: LunchMeetingPage) -> HTML {
        .section(.class("card"), .id("notizen"), .ariaLabelledBy("notizen-titel")) {
            HTML.h2(.id("notizen-titel")) { "Notizen" }
            HTML.div(.class("post__body")) { PostText.html(model.notes) }
            if let published = model.notesPublishedAt { HTML.p(.class("muted")) { "Veröffentlicht am " + BerlinTime.dateTime(published) } }
        }
    }

    private static func agenda(_ model: LunchMeetingPage, visitor: Visitor) -> HTML {
        .section(.id("themen"), .ariaLabelledBy("themen-titel")) {
            HTML.h2(.id("themen-titel")) { model.isFrozen ? "Tagesordnung" : "Vorgeschlagene Themen" }
            if model.viewerIsRegistered && !model.isFrozen {
                HTML.p(.role("status")) {
                    HTML.strong { "Ihre Stimmen: \(model.votesLeft) von \(model.budget) frei." }
                    " Eine Stimme je Thema; bis zum Feststehen der Tagesordnung können Sie sie ändern. Beantwortete Themen geben ihre Stimmen zurück."
                }
            }
            if model.items.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Themen." }
            } else {
                HTML.ol(.class("agenda")) { model.items.map { item($0, model: model, visitor: visitor) } }
            }
        }
    }

    private static func item(_ item: LunchMeetingPage.Item, model: LunchMeetingPage, visitor: Visitor) -> HTML {
        let id = item.id.uuidString.lowercased()
        return .li(.class("agenda__item"), .id("thema-" + id)) {
            HTML.div(.class("agenda__votes")) { counted(item.votes, "Stimme", "Stimmen") }
            HTML.div {
                HTML.p(.class("agenda__text")) { item.text }
                HTML.p(.class("muted")) {
                    item.authorName + " · " + BerlinTime.dateTime(item.createdAt)
                    if item.answeredAt != nil { " · "; HTML.strong { "beantwortet" } }
                }
                HTML.div(.class("post__actions")) {
                    if model.viewerIsRegistered && !model.isFrozen && item.answeredAt == nil {
                        HTML.form(.method("post"), .action(SiteURL.lunchVote(.value(model.meetingID), .value(item.id)).path), .class("inline-form")) {
                            Form.csrf(visitor)
                            if item.viewerVoted {
                                HTML.input(.type("hidden"), .name("aktion"), .value("zuruecknehmen"))
                                HTML.button(.type("submit"), .class("button button--quiet")) {
                                    "Stimme zurücknehmen"; HTML.span(.class("visually-hidden")) { ": " + item.text }
                                }
                            } else if model.votesLeft > 0 {
                                HTML.input(.type("hidden"), .name("aktion"), .value("geben"))
                                HTML.button(.type("submit"), .class("button")) {
                                    "Stimme geben"; HTML.span(.class("visually-hidden")) { ": " + item.text }
                                }
                            } else {
                                HTML.span(.class("muted")) { "Keine Stimme frei" }
                            }
                        }
                    }
                    if model.viewerMayModerate && item.answeredAt == nil {
                        HTML.form(.method("post"), .action(SiteURL.lunchAnswered(.value(model.meetingID), .value(item.id)).path), .class("inline-form")) {
                            Form.csrf(visitor)
                            HTML.button(.type("submit"), .class("button button--quiet")) {
                                "Als beantwortet markieren"; HTML.span(.class("visually-hidden")) { ": " + item.text }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func newItem(_ model: LunchMeetingPage, form: LunchController.FormState?, visitor: Visitor) -> HTML {
        let specs = [FieldSpec(name: "thema", label: "Ihre Frage oder Ihr Thema", kind: .textarea, required: true, hint: "Höchstens 500 Zeichen.")]
        let errors = form?.errors ?? FieldErrors()
        return .section(.class("card"), .ariaLabelledBy("neues-thema")) {
            HTML.h2(.id("neues-thema")) { "Thema vorschlagen" }
            HTML.form(.method("post"), .action(SiteURL.lunchItems(.value(model.meetingID)).path), .class("stack")) {
                Form.csrf(visitor)
                Form.errorSummary(errors, fields: specs)
                Form.fields(specs, values: form?.values ?? FormValues(), errors: errors)
                HTML.button(.type("submit"), .class("button")) { "Vorschlagen" }
            }
        }
    }

    private static func notesForm(_ model: LunchMeetingPage, form: LunchController.FormState?, visitor: Visitor) -> HTML {
        let errors = form?.errors ?? FieldErrors()
        let values = form?.values ?? FormValues(["notizen": model.notes])
        let specs = [FieldSpec(name: "notizen", label: "Notizen", kind: .textarea, required: true, hint: BoardView.formatHint)]
        let open = model.items.filter { $0.answeredAt == nil }
        return .section(.class("card"), .ariaLabelledBy("notizen-form")) {
            HTML.h2(.id("notizen-form")) { model.notesPublishedAt == nil ? "Notizen veröffentlichen (Moderation)" : "Notizen ändern (Moderation)" }
            HTML.form(.method("post"), .action(SiteURL.lunchNotes(.value(model.meetingID)).path), .class("stack")) {
                Form.csrf(visitor)
                Form.errorSummary(errors, fields: specs)
                Form.fields(specs, values: values, errors: errors)
                if !open.isEmpty {
                    Form.field(
                        FieldSpec(
                            name: "beantwortet", label: "Beantwortete Themen", kind: .checkboxes(open.map { .init(value: $0.id.uuidString, label: $0.text) }),
                            hint: "Beantwortete Themen geben ihre Stimmen zurück."),
                        values: values, error: nil)
                }
                HTML.button(.type("submit"), .class("button")) { "Veröffentlichen" }
            }
        }
    }
}
