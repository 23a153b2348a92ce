import Foundation

/// The statistics files Cohesion reads, recognised by their header, each read as published.
public enum StatisticsFile {
    public static func parse(_ text: String) throws(CSVReader.Malformed) -> (kind: String, figures: [StatisticFigure]) {
        let firstLine =
            text.split(separator: "\n", maxSplits: 1).first.map(String.init)?
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r\u{FEFF}")) ?? ""
        switch true {
        case firstLine.hasPrefix("ags,name,population,german,foreign,immigration_history_total"):
            return ("Zensus 2022, Einwanderungsgeschichte", try zensus(text))
        case firstLine.hasPrefix("Anteil Ausländer/-innen"):
            return ("Statistisches Landesamt BW, Ausländeranteil", try stateOfficeShares(text, title: firstLine))
        case firstLine.hasPrefix("kreis_ags,kreis_name,foreign_total"):
            return ("Ausländerzentralregister je Kreis", try centralRegister(text))
        case firstLine.hasPrefix("ebene,schluessel,"):
            return ("Regionalatlas AI0208, Ausländeranteil", try regionalAtlas(text))
        case firstLine.hasPrefix(";Kreis;Stadt;schutzsuchende"):
            return ("Regionaldatenbank, Schutzsuchende", try protectionSeekers(text))
        default:
            throw CSVReader.Malformed(line: 1, problem: "unbekanntes Dateiformat; erwartet wird eine der in data/SOURCES.md beschriebenen Dateien")
        }
    }

    // MARK: - The files

    static let zensusSource = "Zensus 2022, Regionaltabellen Demografie und Bevölkerung"
    static let zensusAttribution = "© Statistische Ämter des Bundes und der Länder, Zensus 2022 (dl-de/by-2-0)"

    static func zensus(_ text: String) throws(CSVReader.Malformed) -> [StatisticFigure] {
        let rows = try CSVReader().rows(of: text)
        let indicators = [
            "zensus_population", "zensus_german", "zensus_foreign", "zensus_immigration_history",
            "zensus_immigrated", "zensus_descendants", "zensus_one_parent", "zensus_without_immigration_history",
        ]
        var figures: [StatisticFigure] = []
        for row in rows.dropFirst() {
            try expect(row, columns: 10)
            let key = try regionKey(row.fields[0], digits: [8], line: row.line)
            for (offset, indicator) in indicators.enumerated() {
                // An empty cell is a value the source did not publish, not a zero.
                guard let value = try number(row.fields[offset + 2], line: row.line) else { continue }
                figures.append(
                    StatisticFigure(
                        regionKey: key, indicator: indicator, value: value, reference: "15.05.2022",
                        source: zensusSource, attribution: zensusAttribution))
            }
        }
        return figures
    }

    static func stateOfficeShares(_ text: String, title: String) throws(CSVReader.Malformed) -> [StatisticFigure] {
        let rows = try CSVReader(delimiter: ";").rows(of: text)
        guard rows.count > 1, rows[1].fields == ["Regionalschlüssel", "Gemeinde", "in %"] else {
            throw CSVReader.Malformed(line: 2, problem: "erwartet die Kopfzeile \"Regionalschlüssel\";\"Gemeinde\";\"in %\"")
        }
        let year = title.split(separator: " ").last.map(String.init) ?? ""
        var figures: [StatisticFigure] = []
        for row in rows.dropFirst(2) {
            try expect(row, columns: 3)
            let key = try regionKey(row.fields[0], digits: [8], line: row.line)
            guard let value = try number(row.fields[2], line: row.line, decimalComma: true) else { continue }
            figures.append(
                StatisticFigure(
                    regionKey: key, indicator: Indicator.foreignShare, value: value, reference: year,
                    source: "Statistisches Landesamt Baden-Württemberg, Anteil Ausländer/-innen je Gemeinde \(year)",
                    attribution: "© Statistisches Landesamt Baden-Württemberg"))
        }
        return figures
    }

    static func centralRegister(_ text: String) throws(CSVReader.Malformed) -> [StatisticFigure] {
        let rows = try CSVReader().rows(of: text)
        let counted = [
            "foreign_total", "recruitment_states", "eu27", "eu_since_2004", "non_eu", "turkey", "ukraine",
            "syria", "romania", "poland", "permission_pending", "tolerated", "resident_25_years_or_more",
        ]
        guard let header = rows.first, Array(header.fields.prefix(15)) == ["kreis_ags", "kreis_name"] + counted else {
            throw CSVReader.Malformed(line: 1, problem: "erwartet die Spalten kreis_ags, kreis_name, foreign_total, …")
        }
        var figures: [StatisticFigure] = []
        for row in rows.dropFirst() {
            try expect(row, columns: header.fields.count)
            let key = try regionKey(row.fields[0], digits: [5], line: row.line)
            for (offset, name) in counted.enumerated() {
                guard let value = try number(row.fields[offset + 2], line: row.line) else { continue }
                figures.append(
                    StatisticFigure(
                        regionKey: key, indicator: "azr_" + name, value: value, reference: "31.12.2025",
                        source: "Statistisches Bundesamt (Destatis), Migration – Integration – Regionen; Ausländerzentralregister",
                        attribution: "© Statistisches Bundesamt (Destatis) (dl-de/by-2-0)"))
            }
        }
        return figures
    }

    static func regionalAtlas(_ text: String) throws(CSVReader.Malformed) -> [StatisticFigure] {
        let rows = try CSVReader().rows(of: text)
        guard let header = rows.first, header.fields.count > 2 else { throw CSVReader.Malformed(line: 1, problem: "Kopfzeile fehlt") }
        let years = Array(header.fields.dropFirst(2))
        guard years.allSatisfy({ Int($0) != nil }) else { throw CSVReader.Malformed(line: 1, problem: "erwartet Jahreszahlen als Spalten") }
        var figures: [StatisticFigure] = []
        for row in rows.dropFirst() {
            try expect(row, columns: header.fields.count)
            var key: String
            switch row.fields[0] {
            case "land": key = try regionKey(row.fields[1], digits: [2], line: row.line)
            case "kreis":
                // Hamburg and Berlin are keyed as their Land ("02", "11"); the register keys them as Kreise 02000 and 11000.
                key = try regionKey(row.fields[1], digits: [2, 5], line: row.line)
                if key.count == 2 { key += "000" }
            default: throw CSVReader.Malformed(line: row.line, problem: "ebene „\(row.fields[0])“ ist weder land noch kreis")
            }
            for (offset, year) in years.enumerated() {
                guard let value = try number(row.fields[offset + 2], line: row.line) else { continue }
                figures.append(
                    StatisticFigure(
                        regionKey: key, indicator: Indicator.foreignShare, value: value, reference: "31.12.\(year)",
                        source: "Regionalatlas Deutschland, Indikator AI0208",
                        attribution: "© Statistische Ämter des Bundes und der Länder, Regionalatlas Deutschland (dl-de/by-2-0)"))
            }
        }
        return figures
    }

    static func protectionSeekers(_ text: String) throws(CSVReader.Malformed) -> [StatisticFigure] {
        let rows = try CSVReader(delimiter: ";").rows(of: text)
        var figures: [StatisticFigure] = []
        for row in rows.dropFirst() {
            try expect(row, columns: 4)
            let code = row.fields[1]
            // Only Kreis rows (4 or 5 digits) are kept; Länder and regions share shorter codes.
            guard (4...5).contains(code.count), code.allSatisfy(\.isNumber) else { continue }
            guard let value = try number(row.fields[3], line: row.line, missing: ["-", "."]) else { continue }
            let key = String(repeating: "0", count: 5 - code.count) + code
            figures.append(
                StatisticFigure(
                    regionKey: key, indicator: "protection_seekers", value: value, reference: row.fields[0],
                    source: "Regionaldatenbank Deutschland, Schutzsuchendenstatistik (12531)",
                    attribution: "© Statistische Ämter des Bundes und der Länder, Regionaldatenbank Deutschland (dl-de/by-2-0)"))
        }
        return figures
    }

    // MARK: - Helpers

    static func expect(_ row: CSVReader.Row, columns: Int) throws(CSVReader.Malformed) {
        guard row.fields.count == columns else {
            throw CSVReader.Malformed(line: row.line, problem: "erwartet \(columns) Spalten, gefunden \(row.fields.count)")
        }
    }

    static func regionKey(_ text: String, digits: [Int], line: Int) throws(CSVReader.Malformed) -> String {
        guard digits.contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CSVReader.Malformed(line: line, problem: "„\(text)“ ist kein gültiger Regionalschlüssel")
        }
        return text
    }

    /// A figure as written in the file; nil where the source published none.
    static func number(_ text: String, line: Int, decimalComma: Bool = false, missing: Set<String> = ["-"]) throws(CSVReader.Malformed) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || missing.contains(trimmed) { return nil }
        let normalised = decimalComma ? trimmed.replacingOccurrences(of: ",", with: ".") : trimmed
        guard let value = Double(normalised), value.isFinite else {
            throw CSVReader.Malformed(line: line, problem: "„\(text)“ ist keine Zahl")
        }
        return value
    }
}
