import CohesionCore
import CohesionPlatform
import Foundation

enum CalendarViews {
    /// The private feed's address on Mein Programm, with the way to a new one.
    static func myProgrammeCard(_ url: String, visitor: Visitor) -> HTML {
        .section(.class("card"), .ariaLabelledBy("mein-kalender")) {
            HTML.h2(.id("mein-kalender")) { "Mein Kalender" }
            HTML.p {
                "Die Einheiten Ihrer Teile (angemeldet oder als Referent*in) und die Mittagsrunden, für die Sie sich angemeldet haben, als Kalender-Abonnement. "
                "Tragen Sie diese Adresse in Outlook, Thunderbird oder Ihrem Telefon als Internetkalender ein; Änderungen kommen von selbst an."
            }
            HTML.p { HTML.code(.class("feed-url")) { url } }
            HTML.p { HTML.a(.href(url)) { "Kalenderdatei herunterladen" } }
            HTML.form(.method("post"), .action(SiteURL.renewCalendar.path)) {
                Form.csrf(visitor)
                HTML.p(.class("muted")) { "Wer diese Adresse kennt, sieht Ihren Zeitplan. Haben Sie sie weitergegeben, erzeugen Sie eine neue:" }
                HTML.button(.type("submit"), .class("button button--quiet")) { "Neue Kalender-Adresse erzeugen" }
            }
        }
    }
}
