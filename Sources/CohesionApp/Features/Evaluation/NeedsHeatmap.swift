import CohesionCore
import CohesionPlatform
import Foundation

/// The needs map as a heatmap: competence areas down, context groups across, the mean need as
/// colour and number. A hidden cell is hatched and says why; it is never drawn as a value.
enum NeedsHeatmap {
    struct Column: Sendable {
        let label: String
        let cells: [UUID: NeedsAnalysis.Cell]
    }

    static func chart(
        id: String, title: String, areas: [AssessmentQueries.Area], columns: [Column], rule: DisclosureRule
    ) -> SVGChart {
        let labelWidth = 200.0
        let columnWidth = min(110, (Double(SVGChart.width) - labelWidth - 4) / Double(max(columns.count, 1)))
        let headerLines = columns.map { wrap($0.label, width: columnWidth) }
        let headerHeight = Double((headerLines.map(\.count).max() ?? 1) * 15 + 8)
        let rowHeight = 40.0
        var parts: [HTML] = [SVGChart.hatching(id: id + "-verborgen")]
        for (index, lines) in headerLines.enumerated() {
            let x = labelWidth + (Double(index) + 0.5) * columnWidth
            for (line, text) in lines.enumerated() {
                parts.append(SVGChart.text(text, x: x, y: Double(line) * 15 + 13, anchor: "middle", size: 12, bold: true))
            }
        }
        for (row, area) in areas.enumerated() {
            let top = headerHeight + Double(row) * rowHeight
            parts.append(SVGChart.text(SVGChart.shortened(area.title, to: 28), x: 0, y: top + 25))
            for (index, column) in columns.enumerated() {
                let x = labelWidth + Double(index) * columnWidth
                parts.append(
                    cell(
                        column.cells[area.id], area: area.title, group: column.label, x: x, y: top, width: columnWidth - 3, height: rowHeight - 3, id: id,
                        rule: rule))
            }
        }
        let legendTop = headerHeight + Double(areas.count) * rowHeight + 10
        parts.append(contentsOf: legend(top: legendTop, id: id))
        return SVGChart(
            id: id, title: title,
            description: "Zeilen: Kompetenzfelder; Spalten: " + columns.map(\.label).joined(separator: ", ")
                + ". Farbe und Zahl: mittlerer Bedarf von 1 (gering, hell) bis 5 (hoch, dunkel), darunter die Zahl der Antworten. "
                + "Schraffierte Felder sind verborgen: unter \(rule.minimumGroupSize) Antworten oder aus den übrigen errechenbar. "
                + "Die Tabelle enthält dieselben Werte.",
            height: Int(legendTop + 34), parts: parts)
    }

    private static func cell(
        _ cell: NeedsAnalysis.Cell?, area: String, group: String, x: Double, y: Double, width: Double, height: Double, id: String,
        rule: DisclosureRule
    ) -> HTML {
        let centre = x + width / 2
        guard let cell else {
            return SVGChart.group(area + ", " + group + ": keine Antworten", [SVGChart.text("–", x: centre, y: y + 24, anchor: "middle", fill: SVGChart.muted)])
        }
        guard let mean = cell.meanNeed else {
            let why = rule.mayShow(groupOf: cell.count) ? "verborgen" : "zu wenige"
            return SVGChart.group(
                "\(area), \(group): \(why) (\(cell.count) Antworten)",
                [
                    SVGChart.rect(x: x, y: y, width: width, height: height, fill: "url(#\(id)-verborgen)", stroke: SVGChart.muted),
                    SVGChart.rect(x: centre - 34, y: y + 10, width: 68, height: 17, fill: "#ffffff"),
                    SVGChart.text(why, x: centre, y: y + 23, anchor: "middle", size: 12),
                ])
        }
        let dark = isDark(mean)
        return SVGChart.group(
            "\(area), \(group): mittlerer Bedarf \(germanDecimal(mean)) (\(cell.count) Antworten)",
            [
                SVGChart.rect(x: x, y: y, width: width, height: height, fill: colour(mean)),
                SVGChart.text(germanDecimal(mean), x: centre, y: y + 18, anchor: "middle", size: 14, fill: dark ? "#ffffff" : SVGChart.ink, bold: true),
                SVGChart.text("n = \(cell.count)", x: centre, y: y + 32, anchor: "middle", size: 12, fill: dark ? "#ffffff" : SVGChart.ink),
            ])
    }

    /// From a pale to a deep blue over 1…5, in two halves: below 3 with dark text, from 3 on with
    /// white text, each half keeping its text at a contrast of 4.5:1 or more.
    static func colour(_ mean: Double) -> String {
        let t = min(1, max(0, (mean - 1) / 4))
        let (from, to, share) = t < 0.5 ? ((232.0, 241.0, 250.0), (121.0, 151.0, 178.0), t * 2) : ((70.0, 110.0, 146.0), (10.0, 61.0, 107.0), (t - 0.5) * 2)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * share).rounded()) }
        return String(format: "#%02x%02x%02x", channel(from.0, to.0), channel(from.1, to.1), channel(from.2, to.2))
    }

    static func isDark(_ mean: Double) -> Bool { mean >= 3 }

    private static func legend(top: Double, id: String) -> [HTML] {
        var parts: [HTML] = [SVGChart.text("Bedarf:", x: 0, y: top + 16, size: 12)]
        for value in 1...5 {
            let x = 60.0 + Double(value - 1) * 44
            parts.append(SVGChart.rect(x: x, y: top + 2, width: 40, height: 20, fill: colour(Double(value))))
            parts.append(SVGChart.text("\(value)", x: x + 20, y: top + 17, anchor: "middle", size: 12, fill: isDark(Double(value)) ? "#ffffff" : SVGChart.ink))
        }
        parts.append(SVGChart.rect(x: 290, y: top + 2, width: 40, height: 20, fill: "url(#\(id)-verborgen)", stroke: SVGChart.muted))
        parts.append(SVGChart.text("verborgen oder zu wenige", x: 336, y: top + 17, size: 12))
        return parts
    }

    /// A column heading in lines that fit the column (about 7.5 units per character at 12 px bold).
    static func wrap(_ text: String, width: Double) -> [String] {
        let perLine = max(6, Int(width / 7.5))
        var lines: [String] = []
        var current = ""
        // Words break at spaces, and long compounds after their hyphen ("Prototyp-" / "Durchlauf").
        let words = text.split(separator: " ").flatMap { word -> [Substring] in
            guard word.count > perLine, let hyphen = word.firstIndex(of: "-") else { return [word] }
            return [word[...hyphen], word[word.index(after: hyphen)...]]
        }
        for word in words {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= perLine {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.prefix(3).map { SVGChart.shortened($0, to: perLine) }
    }
}
