import CohesionCore
import CohesionPlatform
import Foundation

/// The profile's two charts, drawn on the server as SVG with a title and a description; the same
/// numbers stand in a table beside each (for screen readers, print and copying).
enum ProfileCharts {
    static let width = 640
    static let left = 16
    static let right = 16
    static let ink = "#1b1f24"
    static let line = "#c9d1d9"
    static let accent = "#0a4f8a"

    private static func text(_ content: String, x: Int, y: Int, anchor: String = "start", size: Int = 13) -> HTML {
        .element(
            "text", [.init("x", "\(x)"), .init("y", "\(y)"), .init("text-anchor", anchor), .init("font-size", "\(size)"), .init("fill", ink)],
            .text(content))
    }

    private static func svg(id: String, title: String, description: String, height: Int, _ parts: [HTML]) -> HTML {
        ChartBox.scrolling(
            labelledBy: id + "-titel",
            .element(
                "svg",
                [
                    .init("viewBox", "0 0 \(width) \(height)"), .init("width", "100%"), .role("img"),
                    .ariaLabelledBy("\(id)-titel \(id)-beschreibung"), .class("chart chart--profile"),
                ],
                HTMLBuilder.buildArray(
                    [.element("title", [.id(id + "-titel")], .text(title)), .element("desc", [.id(id + "-beschreibung")], .text(description))]
                        + parts)))
    }

    /// Per indicator a strip from the smallest to the largest value of the comparison set, the
    /// median as a tick, and the region as a dot.
    static func standings(_ standings: [MunicipalProfile.Standing], id: String) -> HTML {
        let rowHeight = 46
        let span = Double(width - left - right)
        var parts: [HTML] = []
        for (index, standing) in standings.enumerated() {
            let top = index * rowHeight
            let y = top + 30
            let scaled: (Double) -> Double = standing.logarithmic ? { log(max($0, 1)) } : { $0 }
            let low = scaled(standing.minimum)
            let range = scaled(standing.maximum) - low
            func x(_ value: Double) -> Int { left + Int((range > 0 ? (scaled(value) - low) / range : 0.5) * span) }
            parts.append(text(standing.label, x: left, y: top + 14))
            parts.append(
                .element(
                    "line",
                    [
                        .init("x1", "\(left)"), .init("x2", "\(width - right)"), .init("y1", "\(y)"), .init("y2", "\(y)"),
                        .init("stroke", line), .init("stroke-width", "4"),
                    ], .empty))
            parts.append(
                .element(
                    "line",
                    [
                        .init("x1", "\(x(standing.median))"), .init("x2", "\(x(standing.median))"), .init("y1", "\(y - 9)"),
                        .init("y2", "\(y + 9)"), .init("stroke", ink), .init("stroke-width", "2"),
                    ], .empty))
            parts.append(.element("circle", [.init("cx", "\(x(standing.value))"), .init("cy", "\(y)"), .init("r", "7"), .init("fill", accent)], .empty))
        }
        return svg(
            id: id, title: "Wert der Kommune in der Spannweite der Vergleichsgruppe",
            description: "Je Merkmal: Linie vom kleinsten bis zum größten Wert der Vergleichsgruppe (Einwohnerzahl und Dichte logarithmisch), "
                + "Strich beim Median, Punkt beim Wert der Kommune. "
                + "Die Tabelle darunter enthält dieselben Werte.",
            height: standings.count * rowHeight + 4, parts)
    }

    /// The foreign share over the years: the Kreis, its Land and the median of its kind, as lines
    /// told apart by colour and dash; then the table.
    static func series(_ series: MunicipalProfile.Series, id: String) -> HTML {
        let top = 16
        let bottom = 200
        // The legend stands below the axis, one line per series.
        let height = bottom + 30 + series.lines.count * 18
        let values = series.lines.flatMap { $0.values.values }
        let lowest = (values.min() ?? 0).rounded(.down)
        let highest = max((values.max() ?? 1).rounded(.up), lowest + 1)
        let first = series.years.first ?? 0
        let last = series.years.last ?? 1
        func x(_ year: Int) -> Int { 48 + (last > first ? (year - first) * (width - 48 - right) / (last - first) : 0) }
        func y(_ value: Double) -> Int { bottom - Int((value - lowest) / (highest - lowest) * Double(bottom - top)) }
        let styles = [(accent, ""), ("#8a4b00", "6 4"), ("#1e6b35", "2 3")]
        var parts: [HTML] = [
            .element(
                "line", [.init("x1", "48"), .init("x2", "\(width - right)"), .init("y1", "\(bottom)"), .init("y2", "\(bottom)"), .init("stroke", line)],
                .empty),
            text(MunicipalProfileView.decimal(lowest, digits: 0) + " %", x: 42, y: bottom + 4, anchor: "end", size: 12),
            text(MunicipalProfileView.decimal(highest, digits: 0) + " %", x: 42, y: top + 4, anchor: "end", size: 12),
            text("\(first)", x: x(first), y: bottom + 20, anchor: "middle", size: 12),
            text("\(last)", x: x(last), y: bottom + 20, anchor: "middle", size: 12),
        ]
        for (index, seriesLine) in series.lines.enumerated() {
            let points = series.years.compactMap { year in seriesLine.values[year].map { "\(x(year)),\(y($0))" } }.joined(separator: " ")
            let (colour, dash) = styles[index % styles.count]
            var attributes: [Attribute] = [.init("points", points), .init("fill", "none"), .init("stroke", colour), .init("stroke-width", "3")]
            if !dash.isEmpty { attributes.append(.init("stroke-dasharray", dash)) }
            parts.append(.element("polyline", attributes, .empty))
            let legendY = bottom + 40 + index * 18
            parts.append(text(seriesLine.label, x: 92, y: legendY, size: 12))
            var legendLine: [Attribute] = [
                .init("x1", "56"), .init("x2", "84"), .init("y1", "\(legendY - 4)"), .init("y2", "\(legendY - 4)"), .init("stroke", colour),
                .init("stroke-width", "3"),
            ]
            if !dash.isEmpty { legendLine.append(.init("stroke-dasharray", dash)) }
            parts.append(.element("line", legendLine, .empty))
        }
        return .section(.ariaLabelledBy(id)) {
            HTML.h2(.id(id)) { "Entwicklung: " + series.title }
            HTML.p { "Die Reihe liegt auf Kreisebene vor: Sie zeigt den Kreis, nicht die einzelne Gemeinde." }
            svg(
                id: id + "-grafik", title: series.title,
                description: "Linien für " + series.lines.map(\.label).joined(separator: ", ") + ". Die Tabelle darunter enthält dieselben Werte.",
                height: height, parts)
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.caption { series.title + ", in Prozent" }
                    HTML.thead {
                        HTML.tr {
                            TableHeadings.heading("Jahr", numeric: false)
                            series.lines.map { TableHeadings.heading($0.label, numeric: true) }
                        }
                    }
                    HTML.tbody {
                        series.years.map { year in
                            HTML.tr {
                                HTML.th(.scope("row")) { "\(year)" }
                                series.lines.map { line in
                                    HTML.td(.class("number")) { line.values[year].map { MunicipalProfileView.decimal($0, digits: 1) } ?? "–" }
                                }
                            }
                        }
                    }
                }
            }
            HTML.p(.class("source")) {
                "© Statistische Ämter des Bundes und der Länder, Regionalatlas Deutschland, Indikator AI0208 (dl-de/by-2-0); Median: eigene Berechnung"
            }
        }
    }
}
