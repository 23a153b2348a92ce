import CohesionCore
import Foundation

/// Error pages for people, in German, inside the normal layout.
package enum ErrorView {
    package static func render(status: Int, message: String?, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { title(status) }
            HTML.p(.class("lead")) { message ?? explanation(status) }
            HTML.p { HTML.a(.href(SiteURL.home.path)) { "Zur Startseite" } }
        }
    }

    package static func title(_ status: Int) -> String {
        switch status {
        case 400: "Ungültige Anfrage"
        case 401: "Anmeldung erforderlich"
        case 403: "Kein Zugriff"
        case 404: "Seite nicht gefunden"
        case 413: "Datei zu groß"
        case 429: "Zu viele Versuche"
        case 503: "Gerade ausgelastet"
        default: status >= 500 ? "Ein Fehler ist aufgetreten" : "Anfrage nicht möglich"
        }
    }

    package static func explanation(_ status: Int) -> String {
        switch status {
        case 403: "Sie haben keine Berechtigung für diese Seite. Wenn Sie meinen, dass das ein Irrtum ist, wenden Sie sich an die Programmleitung."
        case 404: "Diese Seite gibt es nicht (mehr). Vielleicht wurde sie verschoben oder gelöscht."
        case 429: "Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal."
        default:
            status >= 500
                ? "Das lag nicht an Ihnen. Bitte versuchen Sie es später noch einmal; der Fehler wurde protokolliert."
                : "Die Anfrage konnte nicht bearbeitet werden."
        }
    }
}
