import CohesionPlatform
import Fluent
import Foundation

/// The pages a public body must have, written by the admin. Until one is written, a default text
/// says what belongs there, so an installation never shows an empty Impressum.
enum LegalPageKind: String, CaseIterable, Codable, Sendable {
    case impressum
    case privacy = "datenschutz"
    case accessibility = "barrierefreiheit"
    case plainLanguage = "leichte-sprache"

    var title: String {
        switch self {
        case .impressum: "Impressum"
        case .privacy: "Datenschutzerklärung"
        case .accessibility: "Erklärung zur Barrierefreiheit"
        case .plainLanguage: "Leichte Sprache"
        }
    }

    var placeholder: String {
        switch self {
        case .impressum:
            "Die Angaben nach § 5 DDG (Anbieter, Anschrift, Vertretung, Kontakt) trägt die Administration hier ein."
        case .privacy:
            "Verantwortliche Stelle und Datenschutzbeauftragte*r trägt die Administration hier ein. Welche Daten Cohesion speichert, wofür und wie lange, steht unten."
        case .accessibility:
            """
            Cohesion soll für alle nutzbar sein und die Anforderungen der BITV 2.0 (WCAG 2.1 AA) erfüllen. \
            Jede Seite wird bei jeder Änderung automatisch auf Barrieren geprüft, auch auf dem Telefon.

            Wenn Ihnen eine Barriere auffällt, schreiben Sie uns mit dem Formular unten. Stand der Erklärung und \
            Schlichtungsstelle trägt die Administration hier ein.
            """
        case .plainLanguage:
            """
            Cohesion ist eine Internet-Seite für eine Fortbildung.

            Die Fortbildung ist für Integrations-Beauftragte. Integrations-Beauftragte arbeiten in Städten, Gemeinden und Kreisen. \
            Sie helfen, dass Menschen gut zusammen-leben. Auch Menschen, die neu nach Deutschland gekommen sind.

            Auf Cohesion sehen Sie: Wann und wo die Fortbildung ist. Was man dort lernt.

            Wer mit-macht, kann sich hier anmelden. Und sagen, was sie oder er noch lernen möchte.
            """
        }
    }
}

final class LegalPage: Model, @unchecked Sendable {
    static let schema = "legal_pages"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: LegalPageKind
    @Field(key: "body") var body: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    static func text(of kind: LegalPageKind, on db: any Database) async throws -> String? {
        try await LegalPage.query(on: db).filter(\.$kind == kind).first()?.body
    }
}

struct CreateLegalPage: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(LegalPage.schema)
            .id()
            .field("kind", .string, .required)
            .field("body", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "kind")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(LegalPage.schema).delete()
    }
}
