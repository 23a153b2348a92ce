/// Personal data a feature (or the platform) keeps, table by table: what it is, what for and how
/// long. The privacy statement (`/datenschutz`) lists exactly these, and a test fails when a table
/// that refers to a person is declared by nobody — so a new feature cannot store personal data
/// without saying so.
package struct PersonalData: Sendable {
    package let table: String
    /// What is stored, in German.
    package let data: String
    package let purpose: String
    /// How long it is kept.
    package let kept: String
    /// The columns that name a person, and what erasing that person does to the row: the data
    /// export (Art. 15/20 DSGVO) reads the rows through them, the erasure (Art. 17) follows them.
    package let links: [PersonLink]

    package static let untilErased = "bis die Administration das Konto löscht"

    /// Accounts, sessions, sign-in and mail, which every feature uses.
    package static let platform: [PersonalData] = [
        PersonalData(
            table: "users", data: "Name, E-Mail-Adresse, Rolle, Passwort als bcrypt-Hash",
            purpose: "Anmeldung und Zuordnung zu Programm, Durchlauf und Teilen", kept: untilErased,
            links: [.account("id", .anonymiseAccount)]),
        PersonalData(
            table: "web_sessions", data: "Sitzung (nur als Hash des Cookies), Zeitpunkt der letzten Nutzung",
            purpose: "angemeldet bleiben; Schutz von Formularen (CSRF)", kept: "bis zur Abmeldung oder zum Ablauf der Sitzung",
            links: [.owner]),
        PersonalData(
            table: "password_tokens", data: "einmalige Links zum Setzen des Passworts (nur als Hash)",
            purpose: "Einladung und vergessenes Passwort", kept: "eine Stunde (Zurücksetzen) oder 14 Tage (Einladung)",
            links: [.owner]),
        PersonalData(
            table: "login_attempts", data: "E-Mail-Adresse, IP-Adresse und Zeitpunkt jedes Anmeldeversuchs",
            purpose: "Schutz vor dem Erraten von Passwörtern", kept: untilErased,
            links: [.email("email")]),
        PersonalData(
            table: "outbox", data: "Empfängeradresse, Betreff und Text versandter E-Mails",
            purpose: "verlässlicher Versand von Einladungen, Bestätigungen und Nachrichten", kept: untilErased,
            links: [.email("recipient")]),
    ]

    package init(table: String, data: String, purpose: String, kept: String, links: [PersonLink]) {
        self.table = table
        self.data = data
        self.purpose = purpose
        self.kept = kept
        self.links = links
    }
}

extension Feature {
    package static var personalData: [PersonalData] { [] }
}
