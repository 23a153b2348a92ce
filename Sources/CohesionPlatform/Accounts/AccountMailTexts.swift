import Foundation

/// The texts of the mails Cohesion sends.
package enum MailTexts {
    package static func reset(name: String, link: String) -> String {
        """
        Guten Tag \(name),

        für Ihr Konto bei Cohesion wurde ein neues Passwort angefordert. Mit diesem Link setzen Sie es (gültig für eine Stunde, nur einmal verwendbar):

        \(link)

        Wenn Sie das nicht angefordert haben, können Sie diese Nachricht ignorieren; Ihr bisheriges Passwort bleibt gültig.

        Ihr Team des Fortbildungsprogramms für Integrationsbeauftragte
        """
    }

    package static func welcome(name: String, link: String) -> String {
        """
        Guten Tag \(name),

        für Sie wurde ein Konto bei Cohesion angelegt, der Plattform des Fortbildungsprogramms für Integrationsbeauftragte. Mit diesem Link setzen Sie Ihr Passwort (gültig 14 Tage, nur einmal verwendbar):

        \(link)

        Ihr Team des Fortbildungsprogramms für Integrationsbeauftragte
        """
    }
}
