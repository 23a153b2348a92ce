import CohesionCore
import CohesionPlatform
import Foundation

/// `/mein-programm`: what a signed-in person takes part in or gives.
enum MyProgrammeView {
    static func render(_ sections: HTML, user: CurrentUser, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Mein Programm" }
            HTML.p(.class("lead")) { "Guten Tag, \(user.name)." }
            sections
        }
    }

    /// Every feature's section, in their places.
    static func sections(_ sections: [MyProgrammeSection]) -> HTML {
        HTML.fragment { sections.sorted { $0.position < $1.position }.map(\.content) }
    }

    /// The units a facilitator gives, with the way to attendance, material and the evaluation.
    static func teaching(_ units: [MyProgramme.OwnUnit], user: CurrentUser) -> HTML {
        .section(.ariaLabelledBy("meine-einheiten")) {
            HTML.h2(.id("meine-einheiten")) { "Meine Einheiten als Referent*in" }
            HTML.ol(.class("timetable")) { units.map(ownUnit) }
            evaluationLinks(editions: units.map(\.editionID), user: user)
        }
    }

    /// The parts of the person's editions (all parts for the lead), with the registration state.
    static func parts(_ model: MyProgramme, user: CurrentUser, today: CalendarDay) -> HTML {
        .section(.ariaLabelledBy("meine-teile")) {
            HTML.h2(.id("meine-teile")) { user.role == .lead ? "Alle Teile" : "Meine Teile" }
            if model.parts.isEmpty {
                HTML.p(.class("muted")) {
                    user.role == .facilitator
                        ? "Ihnen ist noch keine Einheit zugeordnet. Die Programmleitung trägt Sie bei Ihren Einheiten ein."
                        : "Sie sind noch keinem Durchlauf zugeordnet. Die Programmleitung lädt Sie ein."
                }
            } else {
                HTML.ul(.class("cards")) {
                    model.parts.map { part in
                        PartCard.render(
                            part,
                            registration: user.role == .participant
                                ? PartCard.Registration(
                                    status: model.registrationStatus[part.id], link: SiteURL.registration(.value(part.id)).path,
                                    isOpen: RegistrationWindow.isOpen(startsOn: part.startsOn, today: today))
                                : nil,
                            materialLink: user.role == .participant ? SiteURL.partMaterial(.value(part.id)).path : nil)
                    }
                }
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
                BerlinTime.timeRange(unit.startsAt, unit.endsAt)
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
