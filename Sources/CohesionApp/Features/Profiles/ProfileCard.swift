import CohesionCore
import CohesionPlatform
import Foundation

enum ProfileCard {
    /// The participant's card on Mein Programm: municipality, post, and the way to the own pages.
    static func myProgrammeCard(_ row: ParticipantList.Row?) -> HTML {
        .section(.class("card"), .ariaLabelledBy("mein-profil")) {
            HTML.h2(.id("mein-profil")) { "Mein Profil" }
            if let row, let key = row.regionKey {
                HTML.dl(.class("facts")) {
                    HTML.dt { "Kommune" }
                    HTML.dd { HTML.a(.href(SiteURL.region(.value(key)).path)) { row.regionName ?? key } }
                    if let kind = row.regionKind, !kind.isEmpty { HTML.dt { "Art" }; HTML.dd { kind } }
                    // A profile that names a Kreis itself (a five-digit key) has no Kreis above it.
                    if let kreis = row.kreisName, row.regionKey?.count == 8 { HTML.dt { "Kreis" }; HTML.dd { kreis } }
                    HTML.dt { "Stelle" }
                    HTML.dd { ParticipantListView.position(row) }
                }
                HTML.p { HTML.a(.href(SiteURL.regionProfile(.value(key)).path)) { "Profil meiner Kommune im Vergleich mit ähnlichen" } }
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
}
