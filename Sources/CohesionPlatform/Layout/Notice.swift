/// A short confirmation after a redirect, named in the link by its key and never by its text, so a
/// link cannot put words on a page. The platform has the common ones; a feature adds its own as
/// static members (`extension Notice`) and lists them in its manifest (`Feature.notices`).
package struct Notice: Sendable, Hashable {
    package let key: String
    package let message: String

    package init(_ key: String, _ message: String) {
        self.key = key
        self.message = message
    }

    package static let saved = Notice("gespeichert", "Die Änderungen sind gespeichert.")
    package static let created = Notice("angelegt", "Der Eintrag ist angelegt.")
    package static let deleted = Notice("geloescht", "Der Eintrag ist gelöscht.")
    package static let loggedOut = Notice("abgemeldet", "Sie sind abgemeldet.")
    package static let passwordSet = Notice("passwort-gesetzt", "Ihr Passwort ist gesetzt. Sie können sich jetzt anmelden.")
    package static let resetRequested = Notice(
        "link-gesendet",
        "Wenn ein Konto mit dieser Adresse besteht, ist ein Link zum Zurücksetzen unterwegs. Er gilt eine Stunde.")
    package static let uploaded = Notice("hochgeladen", "Die Datei ist hochgeladen.")
    package static let invited = Notice("eingeladen", "Die Einladung ist verschickt.")
    package static let thanks = Notice("danke", "Danke für Ihre Rückmeldung.")
    package static let sent = Notice("gesendet", "Ihre Nachricht ist verschickt.")

    /// The platform's own notices; features add theirs through the manifest.
    package static let common = [saved, created, deleted, loggedOut, passwordSet, resetRequested, uploaded, invited, thanks, sent]

    package static let queryKey = "hinweis"

    package func appended(to path: String) -> String {
        path + (path.contains("?") ? "&" : "?") + Self.queryKey + "=" + key
    }
}
