import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit
import Vapor

/// Spreadsheets for the lead: the aggregates, and a research export with pseudonyms only.
enum EvaluationExports {
    static func aggregates(needs: NeedsReport, change: ChangeReport) -> Response {
        let header = [
            "Kompetenzfeld", "Antworten", "Mittlerer Bedarf", "Starker Bedarf (4–5)", "Paare vorher/nachher",
            "Stand vorher", "Stand nachher", "Differenz", "95-%-Intervall von", "95-%-Intervall bis", "Cohen d",
        ]
        let rows = needs.areas.map { area -> [String] in
            let summary = needs.summaries[area.id].flatMap { needs.rule.mayShow(groupOf: $0.respondents) ? $0 : nil }
            let pairs = change.rows.first { $0.area.id == area.id }
            let paired = pairs?.change
            return [
                area.title, summary.map { "\($0.respondents)" } ?? "", summary.map { germanDecimal($0.meanNeed, digits: 2) } ?? "",
                summary.map { "\($0.strong)" } ?? "", pairs.map { "\($0.pairs)" } ?? "",
                paired.map { germanDecimal($0.meanBefore, digits: 2) } ?? "", paired.map { germanDecimal($0.meanAfter, digits: 2) } ?? "",
                paired.map { germanDecimal($0.meanDifference, digits: 2) } ?? "", paired.map { germanDecimal($0.confidenceLow, digits: 2) } ?? "",
                paired.map { germanDecimal($0.confidenceHigh, digits: 2) } ?? "", paired?.cohensD.map { germanDecimal($0, digits: 2) } ?? "",
            ]
        }
        return CSVDownload.response(fileName: "auswertung.csv", header: header, rows: rows)
    }

    private struct ResearchPerson: Decodable { let userID: UUID; let kind: String?; let population: Int?; let embedding: String? }
    private struct ResearchPhase: Decodable { let id: UUID; let code: String }
    private struct ResearchRow: Decodable { let userID: UUID; let area: String; let level: Int; let need: Int; let retrospectiveLevel: Int? }

    static let researchHeader = [
        "Pseudonym", "Zeitpunkt", "Kompetenzfeld", "Stand", "Bedarf", "Stand vorher (rückblickend)",
        "Art der Kommune", "Größe der Kommune", "Anbindung der Stelle",
    ]

    /// One row per person, phase and area. People appear only as a pseudonym (a keyed hash that
    /// cannot be turned back into an account); context columns are released only where the
    /// combination of all released columns is shared by at least the threshold
    /// (`DisclosureRule.releasedCombinations`), so no small group can be picked out.
    /// Written a phase at a time (`CSVDownload`): an edition of 5,000 has 11 MB of them.
    static func research(editionID: UUID, key: String, rule: DisclosureRule, on db: any SQLDatabase, into sink: inout CSVDownload.Sink) async throws {
        // Ordered by account so that the blanking, which depends on the order of people, is the same every time.
        let people = try await db.allRowsAtOnce(
            """
            SELECT s.user_id, r.kind, r.population, p.embedding
            FROM (SELECT DISTINCT sa.user_id FROM self_assessments sa JOIN assessment_phases ph ON ph.id = sa.phase_id
                  WHERE ph.edition_id = \(bind: editionID)) s
            LEFT JOIN profiles p ON p.user_id = s.user_id LEFT JOIN regions r ON r.key = p.region_key
            """, decoding: ResearchPerson.self, with: .snakeCaseColumns
        ).sorted { $0.userID.uuidString < $1.userID.uuidString }
        let contexts = rule.releasedCombinations(
            people.map { person in
                [
                    person.kind ?? "ohne Angabe",
                    ContextDimension.size.group(ParticipantContext(kind: nil, population: person.population, embedding: nil, foreignShare: nil)),
                    person.embedding.flatMap(Embedding.init(rawValue:))?.label ?? "ohne Angabe",
                ]
            })
        // The pseudonym once per person, not once per row: a keyed hash each time was a fifth of the export.
        let columns = Dictionary(
            uniqueKeysWithValues: zip(people, contexts).map { person, context in
                (person.userID, [pseudonym(person.userID, editionID: editionID, key: key)] + context)
            })
        let phases = try await db.raw("SELECT id, code FROM assessment_phases WHERE edition_id = \(bind: editionID) ORDER BY code")
            .all(decoding: ResearchPhase.self)
        for phase in phases {
            let label = AssessmentPhaseKind(code: phase.code)?.label ?? phase.code
            let rows = try await db.allRowsAtOnce(
                """
                SELECT sa.user_id, c.title AS area, sa.level, sa.need, sa.retrospective_level
                FROM self_assessments sa JOIN competence_areas c ON c.id = sa.competence_area_id
                WHERE sa.phase_id = \(bind: phase.id) ORDER BY c.position, sa.user_id
                """, decoding: ResearchRow.self, with: .snakeCaseColumns)
            for row in rows {
                let person = columns[row.userID] ?? [pseudonym(row.userID, editionID: editionID, key: key), "", "", ""]
                try await sink.append([
                    person[0], label, row.area, "\(row.level)", "\(row.need)", row.retrospectiveLevel.map(String.init) ?? "",
                    person[1], person[2], person[3],
                ])
            }
        }
    }

    /// HMAC-SHA256 of the account under a key only the server holds, per edition: stable within
    /// an export, different between editions, and not reversible without the key.
    static func pseudonym(_ userID: UUID, editionID: UUID, key: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data((editionID.uuidString + userID.uuidString).utf8), using: SymmetricKey(data: Data(key.utf8)))
        return "P-" + code.prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
