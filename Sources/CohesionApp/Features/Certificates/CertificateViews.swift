import CohesionCore
import CohesionPlatform
import Foundation

enum CertificateViews {
    static func verification(_ certificate: Certificate?, typed: String, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Teilnahmebescheinigung prüfen" }
            if let certificate, let statement = certificate.statement {
                if let revokedAt = certificate.revokedAt {
                    HTML.div(.class("error-summary"), .role("alert")) {
                        HTML.p {
                            "Diese Bescheinigung wurde am \(BerlinTime.longDate(BerlinTime.day(of: revokedAt))) widerrufen. Grund: \(certificate.revokeReason)"
                        }
                    }
                } else {
                    HTML.div(.class("notice"), .role("status")) { HTML.p { "Diese Bescheinigung ist echt und gültig." } }
                }
                HTML.dl(.class("facts")) {
                    HTML.dt { "Prüfcode" }; HTML.dd { certificate.code }
                    HTML.dt { "Name" }; HTML.dd { statement.name }
                    HTML.dt { "Programm" }; HTML.dd { statement.programme }
                    HTML.dt { "Durchlauf" }; HTML.dd { statement.edition }
                    HTML.dt { "Teile" }
                    HTML.dd { statement.parts.map { "Teil \($0.number): \($0.title), \($0.dates), \($0.city)" }.joined(separator: "; ") }
                    HTML.dt { "Umfang" }; HTML.dd { CertificateStatement.hours(statement.totalMinutes) }
                    HTML.dt { "Ausgestellt" }; HTML.dd { "\(statement.place), \(BerlinTime.longDate(statement.issuedOn))" }
                }
                HTML.p {
                    "Die Bescheinigung gibt es auch als Open Badge 3.0. Dessen Kennung (id) ist die Adresse dieser Seite; "
                    "seine Signatur lässt sich mit den "
                    HTML.a(.href(SiteURL.jwks.path)) { "veröffentlichten Schlüsseln" }
                    " prüfen. Was diese Seite sagt, gilt auch für das Badge"
                    certificate.revokedAt == nil ? "." : ": es ist widerrufen."
                }
                if certificate.history.count > 1 {
                    HTML.h2 { "Verlauf" }
                    HTML.ul { certificate.history.map { line in HTML.li { line } } }
                }
            } else {
                HTML.p {
                    "Zum Prüfcode „\(typed)“ gibt es keine Bescheinigung. Bitte den Code vergleichen: 16 Zeichen in vier Gruppen, zum Beispiel 7KQ2-9XMD-PA4T-3HWC."
                }
            }
        }
    }
}
