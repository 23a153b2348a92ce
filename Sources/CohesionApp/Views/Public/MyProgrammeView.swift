import Foundation
import CohesionCore

/// `/mein-programm`: what a signed-in person takes part in or gives.
enum MyProgrammeView {
    static func render(_ model: MyProgramme, user: CurrentUser, calendarURL: String?, attendance: OwnAttendance?,
                       openSurveys: [SurveyAccess.Info] = [], frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Mein Programm" }
            HTML.p(.class("lead")) { "Guten Tag, \(user.name)." }
            if !openSurveys.isEmpty {
                HTML.section(.class("card"), .ariaLabelledBy("feedback")) {
                    HTML.h2(.id("feedback")) { "Ihre Rückmeldung ist gefragt" }
                    HTML.ul { openSurveys.map { survey in HTML.li { HTML.a(.href(SiteURL.survey(.value(survey.id)).path)) { survey.title }; " – " + survey.target } } }
                }
            }
            if user.role == .participant { profile(model.profile) }
            if let calendarURL { calendar(calendarURL, frame: frame) }
            if !model.ownUnits.isEmpty {
                HTML.h2 { "Meine Einheiten als Referent*in" }
                HTML.ol(.class("timetable")) { model.ownUnits.map(ownUnit) }
                evaluationLinks(editions: model.ownUnits.map(\.editionID), user: user)
            }
            HTML.h2 { user.role == .lead ? "Alle Teile" : "Meine Teile" }
            if model.parts.isEmpty {
                HTML.p(.class("muted")) { "Sie sind noch keinem Durchlauf zugeordnet. Die Programmleitung lädt Sie ein." }
            } else {
                HTML.ul(.class("cards")) {
                    model.parts.map { part in
                        PartCard.render(part, registration: user.role == .participant
                            ? (model.registrationStatus[part.id].flatMap(RegistrationStatus.init(rawValue:)), SiteURL.registration(.value(part.id)).path)
                            : nil,
                            materialLink: user.role == .participant ? SiteURL.partMaterial(.value(part.id)).path : nil)
                    }
                }
            }
            if let attendance, !attendance.rows.isEmpty { ownAttendance(attendance) }
        }
    }

    private static func ownAttendance(_ attendance: OwnAttendance) -> HTML {
        .section(.ariaLabelledBy("meine-anwesenheit")) {
            HTML.h2(.id("meine-anwesenheit")) { "Meine Anwesenheit" }
            HTML.table {
                HTML.thead { HTML.tr { ["Einheit", "Datum", "Stand"].map { h in HTML.th(.scope("col")) { h } } } }
                HTML.tbody {
                    attendance.rows.map { row in
                        HTML.tr {
                            HTML.td { row.title }
                            HTML.td { BerlinTime.day(of: row.startsAt).german }
                            HTML.td { AttendanceStatus(rawValue: row.status)?.label ?? row.status }
                        }
                    }
                }
            }
        }
    }

    private static func profile(_ row: ParticipantList.Row?) -> HTML {
        .section(.class("card"), .ariaLabelledBy("mein-profil")) {
            HTML.h2(.id("mein-profil")) { "Mein Profil" }
            if let row, let key = row.regionKey {
                HTML.p {
                    "Kommune: "
                    HTML.a(.href(SiteURL.region(.value(key)).path)) { row.regionName ?? key }
                    if let kind = row.regionKind { " (" + kind + ")" }
                }
                HTML.p { "Stelle: " + ParticipantListView.position(row) }
            } else {
                HTML.p { "Bitte tragen Sie Ihre Kommune und Ihre Stelle ein: So passt das Programm zu Ihrer Arbeit vor Ort." }
            }
            HTML.p {
                HTML.a(.href(SiteURL.profile.path)) { "Profil bearbeiten" }
                " · "
                HTML.a(.href(SiteURL.assessments.path)) { "Meine Selbsteinschätzung" }
                " · "
                HTML.a(.href(SiteURL.projects.path)) { "Meine Praxisprojekte" }
            }
        }
    }

    private static func calendar(_ url: String, frame: PageFrame) -> HTML {
        .section(.class("card"), .ariaLabelledBy("mein-kalender")) {
            HTML.h2(.id("mein-kalender")) { "Mein Kalender" }
            HTML.p {
                "Die Einheiten der Teile, für die Sie angemeldet sind, als Kalender-Abonnement. "
                "Tragen Sie diese Adresse in Outlook, Thunderbird oder Ihrem Telefon als Internetkalender ein; Änderungen kommen von selbst an."
            }
            HTML.p { HTML.code(.class("feed-url")) { url } }
            HTML.p { HTML.a(.href(url)) { "Kalenderdatei herunterladen" } }
            HTML.form(.method("post"), .action(SiteURL.renewCalendar.path)) {
                Form.csrf(frame.visitor)
                HTML.p(.class("muted")) { "Wer diese Adresse kennt, sieht Ihren Zeitplan. Haben Sie sie weitergegeben, erzeugen Sie eine neue:" }
                HTML.button(.type("submit"), .class("button button--quiet")) { "Neue Kalender-Adresse erzeugen" }
            }
        }
    }

    /// A facilitator's way to the cohort's needs and to the feedback on their own units.
    private static func evaluationLinks(editions: [UUID], user: CurrentUser) -> HTML {
        var distinct: [UUID] = []
        for edition in editions where !distinct.contains(edition) { distinct.append(edition) }
        return .ul {
            distinct.map { edition in
                HTML.li {
                    HTML.a(.href(SiteURL.facilitatorFeedback(.value(edition), .value(user.id)).path)) { "Rückmeldungen zu meinen Einheiten" }
                    " · "
                    HTML.a(.href(SiteURL.needs(.value(edition)).path)) { "Bedarfe der Kohorte" }
                    " · "
                    HTML.a(.href(SiteURL.change(.value(edition)).path)) { "Veränderung vorher – nachher" }
                }
            }
        }
    }

    private static func ownUnit(_ unit: MyProgramme.OwnUnit) -> HTML {
        .li(.class("slot")) {
            HTML.div(.class("slot__time")) {
                BerlinTime.weekdayDate(BerlinTime.day(of: unit.startsAt))
                HTML.br()
                BerlinTime.clock(unit.startsAt) + "–" + BerlinTime.clock(unit.endsAt) + " Uhr"
            }
            HTML.div {
                HTML.h3(.class("slot__title")) { unit.title }
                HTML.p(.class("slot__meta")) {
                    HTML.a(.href(SiteURL.part(.value(unit.partID)).path)) { "Teil \(unit.partNumber): \(unit.partTitle)" }
                    if !unit.room.isEmpty { " · Raum: " + unit.room }
                }
                HTML.p {
                    HTML.a(.href(SiteURL.attendance(.value(unit.unitID)).path)) {
                        "Anwesenheit erfassen"
                        HTML.span(.class("visually-hidden")) { ": " + unit.title }
                    }
                    " · "
                    HTML.a(.href(SiteURL.unitMaterial(.value(unit.unitID)).path)) {
                        "Material"
                        HTML.span(.class("visually-hidden")) { ": " + unit.title }
                    }
                }
            }
        }
    }
}
