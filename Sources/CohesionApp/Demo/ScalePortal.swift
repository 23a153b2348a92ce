import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Portal articles for the benchmark (`seed-scale --articles N`): German texts made of the
/// programme's vocabulary, the same on every machine for the same seed, each tagged and indexed
/// exactly as a published article is (`PortalPublishing`).
enum ScalePortal {
    static let allowed = 0...100_000

    private static let subjects = [
        "Integrationskonzept", "Netzwerkrunde", "Wohnraum", "Wohnungen", "Sprachkurse", "Ehrenamtliche", "Migrantenorganisationen",
        "Jobcenter", "Agentur für Arbeit", "Ausländerbehörde", "Gemeinderat", "Kreistag", "Beratungsstelle", "Patenschaften", "Elternabende",
        "Kindertagesstätten", "Sportvereine", "Kulturvereine", "Dolmetscherpool", "Anerkennung von Abschlüssen", "Straßenfest",
        "Quartiersarbeit", "Willkommenskultur", "Antidiskriminierung", "Öffentlichkeitsarbeit", "Fördermittel", "Geflüchtete",
        "Zugewanderte", "Familien", "Jugendliche", "Frauen", "Seniorinnen und Senioren", "Arbeitgeber", "Kammern", "Schulen",
    ]
    private static let verbs = [
        "stärken", "einladen", "beraten", "begleiten", "vernetzen", "gewinnen", "planen", "fördern", "erreichen", "beteiligen",
        "informieren", "unterstützen", "moderieren", "auswerten", "verstetigen",
    ]
    private static let fillers = [
        "in der Kommune", "im Landkreis", "mit der Verwaltungsspitze", "über das ganze Jahr", "gemeinsam mit den Trägern",
        "in einfacher Sprache", "am Abend", "am Wochenende", "mit festen Ansprechpersonen", "ohne großen Aufwand", "mit wenig Geld",
        "auch in kleinen Gemeinden", "nach dem Beschluss des Gemeinderats", "mit Dolmetschenden", "vor Ort im Quartier",
    ]

    /// Writes `count` articles by `authorID`, 500 to a transaction; returns how many.
    static func seed(_ count: Int, seed: UInt64, authorID: UUID, on db: any Database) async throws -> Int {
        guard count > 0 else { return 0 }
        let areas = try await CompetenceArea.query(on: db).sort(\.$position).all().compactMap(\.id)
        var random = SeededRandom(seed: seed ^ 0x5052_4158_4953)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var written = 0
        while written < count {
            let batch = min(500, count - written)
            var drafts: [(PortalPublishing.Draft, String, Date)] = []
            for index in 0..<batch {
                let title = sentence(words: Int.random(in: 2...4, using: &random), &random)
                let body = (0..<Int.random(in: 5...9, using: &random)).map { _ in sentence(words: Int.random(in: 2...3, using: &random), &random) + "." }
                    .joined(separator: " ")
                var tags: [(PortalTagKind, String)] = []
                if let area = areas.randomElement(using: &random) { tags.append((.area, area.uuidString.lowercased())) }
                if let kind = PortalTags.municipalityKinds.randomElement(using: &random) { tags.append((.municipalityKind, kind.value)) }
                if let size = PortalTags.sizes.randomElement(using: &random) { tags.append((.size, size.value)) }
                if let field = PortalTags.fields.randomElement(using: &random) { tags.append((.field, field.value)) }
                let draft = PortalPublishing.Draft(
                    title: title, summary: sentence(words: 3, &random) + ".", tags: tags, publicConsent: random.chance(0.7))
                drafts.append((draft, body, start.addingTimeInterval(Double(written + index) * 3_600)))
            }
            let batchDrafts = drafts
            try await db.transaction { db in
                for (draft, body, date) in batchDrafts {
                    _ = try await PortalPublishing.publish(
                        draft, body: body, source: .team, teamID: nil, practiceProjectID: nil, authors: [authorID], by: authorID, at: date, on: db)
                }
            }
            written += batch
        }
        return written
    }

    private static func sentence(words: Int, _ random: inout SeededRandom) -> String {
        let parts = (0..<words).map { _ in subjects.randomElement(using: &random)! }
        let verb = verbs.randomElement(using: &random)!
        let filler = fillers.randomElement(using: &random)!
        return parts.joined(separator: " und ") + " " + filler + " " + verb
    }
}
