import CohesionCore
import CohesionPlatform
import Foundation

/// `/`: every programme with its editions and parts.
enum HomeView {
    static func render(_ model: ProgrammeOverview, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            if model.programmes.isEmpty {
                HTML.h1 { "Cohesion" }
                HTML.p(.class("lead")) { "Es ist noch kein Fortbildungsprogramm angelegt." }
            }
            model.programmes.map(programme)
        }
    }

    private static func programme(_ programme: ProgrammeSummary) -> HTML {
        .section(.ariaLabelledBy("programm-\(programme.id)")) {
            HTML.h1(.id("programm-\(programme.id)")) { programme.title }
            if !programme.summary.isEmpty { HTML.p(.class("lead")) { programme.summary } }
            programme.editions.map(edition)
            if !programme.modules.isEmpty {
                HTML.h2 { "Module" }
                HTML.ol(.class("modules")) {
                    programme.modules.map { module in HTML.li { "Modul \(module.code): \(module.title)" } }
                }
            }
            if !programme.competenceAreas.isEmpty {
                HTML.h2 { "Kompetenzfelder" }
                HTML.ul(.class("tags")) { programme.competenceAreas.map { area in HTML.li { area.title } } }
            }
        }
    }

    private static func edition(_ edition: EditionSummary) -> HTML {
        .section(.ariaLabelledBy("durchlauf-\(edition.id)")) {
            HTML.h2(.id("durchlauf-\(edition.id)")) { edition.title }
            if !edition.summary.isEmpty { HTML.p { edition.summary } }
            if edition.parts.isEmpty {
                HTML.p(.class("muted")) { "Für diesen Durchlauf sind noch keine Teile geplant." }
            } else {
                HTML.ul(.class("cards")) { edition.parts.map { PartCard.render($0) } }
            }
        }
    }
}

/// A part as a card with its dates and venue, linking to its timetable.
enum PartCard {
    /// A participant's registration for the part, and whether they may still change it themselves.
    struct Registration {
        let status: RegistrationStatus?
        let link: String
        let isOpen: Bool

        var statusText: String { status?.label ?? (isOpen ? "noch nicht angemeldet" : "nicht angemeldet") }
        var linkText: String {
            guard isOpen else { return "Anmeldung ansehen" }
            return status == nil ? "Zur Anmeldung" : "Anmeldung ansehen oder ändern"
        }
    }

    /// With `registration`, the participant's status for the part and the link to register or change it.
    static func render(
        _ part: PartSummary, registration: Registration? = nil,
        materialLink: String? = nil
    ) -> HTML {
        .li(.class("card")) {
            HTML.h3 { HTML.a(.href(SiteURL.part(.value(part.id)).path)) { "Teil \(part.number): \(part.title)" } }
            HTML.dl(.class("facts")) {
                HTML.dt { "Termin" }
                HTML.dd { part.dates }
                HTML.dt { "Ort" }
                HTML.dd { part.venueName + ", " + part.city }
                if !part.focus.isEmpty {
                    HTML.dt { "Schwerpunkt" }
                    HTML.dd { part.focus }
                }
                if let registration {
                    HTML.dt { "Anmeldung" }
                    HTML.dd { registration.statusText }
                }
            }
            if let registration {
                HTML.p { HTML.a(.href(registration.link)) { registration.linkText } }
            }
            if let materialLink { HTML.p { HTML.a(.href(materialLink)) { "Material zu diesem Teil" } } }
        }
    }
}
