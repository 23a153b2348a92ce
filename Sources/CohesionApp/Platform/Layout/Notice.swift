/// A short confirmation after a redirect, named in the link by its key and never by its text, so a
/// link cannot put words on a page. The platform has the common ones; a feature adds its own as
/// static members (`extension Notice`) and lists them in its manifest (`Feature.notices`).
struct Notice: Sendable, Hashable {
    let key: String
    let message: String

    init(_ key: String, _ message: String) {
        self.key = key
        self.message = message
    }

    static let saved = Notice("gespeichert", "Die Änderungen sind gespeichert.")
    static let created = Notice("angelegt", "Der Eintrag ist angelegt.")
    static let deleted = Notice("geloescht", "Der Eintrag ist gelöscht.")
    static let loggedOut = Notice("abgemeldet", "Sie sind abgemeldet.")
    static let passwordSet = Notice("passwort-gesetzt", "Ihr Passwort ist gesetzt. Sie können sich jetzt anmelden.")
    static let resetRequested = Notice(
        "link-gesendet",
        "Wenn ein Konto mit dieser Adresse besteht, ist ein Link zum Zurücksetzen unterwegs. Er gilt eine Stunde.")
    static let uploaded = Notice("hochgeladen", "Die Datei ist hochgeladen.")
    static let invited = Notice("eingeladen", "Die Einladung ist verschickt.")
    static let thanks = Notice("danke", "Danke für Ihre Rückmeldung.")
    static let sent = Notice("gesendet", "Ihre Nachricht ist verschickt.")

    /// The platform's own notices; features add theirs through the manifest.
    static let common = [saved, created, deleted, loggedOut, passwordSet, resetRequested, uploaded, invited, thanks, sent]

    /// Every notice a link may name. A key used twice is caught by a test; the first one stays.
    static let all: [String: Notice] = Dictionary((common + Features.all.flatMap { $0.notices }).map { ($0.key, $0) }) { first, _ in first }

    static let queryKey = "hinweis"

    /// The notice a link names, if there is one by that key.
    static func named(_ key: String) -> Notice? { all[key] }

    func appended(to path: String) -> String {
        path + (path.contains("?") ? "&" : "?") + Self.queryKey + "=" + key
    }
}
