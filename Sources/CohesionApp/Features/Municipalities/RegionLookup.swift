import Foundation
import SQLKit
import CohesionCore

/// Finds the municipality a person means: by key (8-digit AGS, or 5 digits for a Kreis) or by name.
enum RegionLookup {
    enum Outcome: Sendable {
        case found(RegionSummary)
        case problem(String)
    }

    static func resolve(_ typed: String, on db: any SQLDatabase) async throws -> Outcome {
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .problem("Bitte die Kommune angeben.") }
        let columns = RegionPage.summaryColumns
        let rows: [RegionPage.SummaryRow]
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            rows = try await db.raw("""
                SELECT \(unsafeRaw: columns) FROM regions r LEFT JOIN regions k ON k.key = r.kreis_key AND k.level = \(bind: RegionLevel.kreis)
                WHERE r.key = \(bind: text) AND r.level IN (\(bind: RegionLevel.kreis), \(bind: RegionLevel.gemeinde))
                """).all(decoding: RegionPage.SummaryRow.self, with: .snakeCaseColumns)
            guard let row = rows.first else { return .problem("Keine Gemeinde und kein Kreis hat den Schlüssel „\(text)“.") }
            return .found(row.summary)
        }
        // An exact name wins ("Konstanz, Universitätsstadt"); else names starting with what was typed.
        let needle = text.lowercased()
        rows = try await db.raw("""
            SELECT \(unsafeRaw: columns) FROM regions r LEFT JOIN regions k ON k.key = r.kreis_key AND k.level = \(bind: RegionLevel.kreis)
            WHERE r.level IN (\(bind: RegionLevel.kreis), \(bind: RegionLevel.gemeinde))
              AND (r.search_name = \(bind: needle) OR r.search_name LIKE \(bind: RegionSearch.escapeLike(needle) + "%") ESCAPE '\\')
            ORDER BY CASE WHEN r.search_name = \(bind: needle) THEN 0 ELSE 1 END, COALESCE(r.population, -1) DESC LIMIT 6
            """).all(decoding: RegionPage.SummaryRow.self, with: .snakeCaseColumns)
        let exact = rows.filter { $0.name.lowercased() == needle }
        if exact.count == 1 { return .found(exact[0].summary) }
        if rows.count == 1 { return .found(rows[0].summary) }
        if rows.isEmpty { return .problem("Keine Kommune heißt „\(text)“. Bitte den Namen wie im Gemeindeverzeichnis oder den Schlüssel angeben.") }
        let candidates = rows.prefix(5).map { "\($0.name) (\($0.kind), \($0.key))" }.joined(separator: "; ")
        return .problem("Mehrere Kommunen passen: \(candidates). Bitte den Schlüssel angeben.")
    }
}
