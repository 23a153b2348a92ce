import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Finds the municipality a person means: by key (8-digit AGS, or 5 digits for a Kreis) or by name.
enum RegionLookup {
    enum Outcome: Sendable {
        case found(RegionSummary)
        case problem(String)
    }

    static func resolve(_ typed: String, on db: any SQLDatabase) async throws -> Outcome {
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .problem("Bitte die Kommune angeben.") }
        // No municipality's name with Kreis and Land comes near this; longer text would also exceed SQLite's limit for LIKE patterns.
        guard text.count <= RegionSearch.maxQueryLength else {
            return .problem("Keine Kommune hat einen so langen Namen. Bitte den Namen wie im Gemeindeverzeichnis oder den Gemeindeschlüssel angeben.")
        }
        let columns = RegionPage.summaryColumns
        let rows: [RegionPage.SummaryRow]
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            rows = try await db.raw(
                """
                SELECT \(unsafeRaw: columns) FROM regions r \(RegionPage.summaryJoins)
                WHERE r.key = \(bind: text) AND r.level IN (\(bind: RegionLevel.kreis), \(bind: RegionLevel.gemeinde))
                """
            ).all(decoding: RegionPage.SummaryRow.self, with: .snakeCaseColumns)
            guard let row = rows.first else { return .problem("Keine Gemeinde und kein Kreis hat den Schlüssel „\(text)“.") }
            return .found(row.summary)
        }
        // Names as the register writes them ("Altdorf, M"), as they are shown ("Altdorf, Markt"), or
        // with Kreis and Land as the question back offers them ("Altdorf, Markt (Landkreis Landshut, Bayern)").
        let qualified = text.hasSuffix(")") && text.contains(" (")
        let name = qualified ? String(text[..<text.range(of: " (", options: .backwards)!.lowerBound]) : text
        let stem = (name.split(separator: ",").first.map(String.init) ?? name).trimmingCharacters(in: .whitespaces).lowercased()
        rows = try await db.raw(
            """
            SELECT \(unsafeRaw: columns) FROM regions r \(RegionPage.summaryJoins)
            WHERE r.level IN (\(bind: RegionLevel.kreis), \(bind: RegionLevel.gemeinde))
              AND r.search_name LIKE \(bind: RegionSearch.escapeLike(stem) + "%") ESCAPE '\\'
            ORDER BY COALESCE(r.population, -1) DESC LIMIT 200
            """
        ).all(decoding: RegionPage.SummaryRow.self, with: .snakeCaseColumns)
        let summaries = rows.map(\.summary)
        let wanted = text.lowercased()
        let wantedName = name.lowercased()
        if qualified, let match = summaries.first(where: { $0.label.lowercased() == wanted }) { return .found(match) }
        let sameName = rows.filter { $0.name.lowercased() == wantedName || RegionName.readable($0.name).lowercased() == wantedName }.map(\.summary)
        let candidates = sameName.isEmpty ? summaries.filter { $0.name.lowercased().hasPrefix(wantedName) } : sameName
        if candidates.count == 1 { return .found(candidates[0]) }
        if candidates.isEmpty {
            return .problem("Keine Kommune heißt „\(text)“. Bitte den Namen wie im Gemeindeverzeichnis oder den Gemeindeschlüssel angeben.")
        }
        let listed = candidates.prefix(5).map(\.label).joined(separator: "; ")
        let more = candidates.count > 5 ? " und \(candidates.count - 5) weitere" : ""
        return .problem("Mehrere Kommunen passen: \(listed)\(more). Bitte eine davon genau so eingeben oder den Gemeindeschlüssel angeben.")
    }
}
