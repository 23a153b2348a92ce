import CohesionCore
import CohesionPlatform
import Foundation

/// The change before and after as a forest plot: per row the mean paired difference as a square
/// with its 95 % interval, a line at zero, rows ordered from the largest change down. Where every
/// pair has a then-test, its change stands beside the classic one as a diamond. A hidden row says
/// so and draws nothing.
enum ForestPlot {
    struct Row: Sendable {
        let label: String
        let pairs: Int
        /// Nil when hidden by the disclosure rule.
        let change: PairedChange?
        /// Nil where not asked or not every pair answered it.
        var thenTest: PairedChange.Difference? { change?.thenTest }
    }

    /// Shown rows by their classic change, largest first; hidden rows after them, by label.
    static func ordered(_ rows: [Row]) -> [Row] {
        let shown = rows.filter { $0.change != nil }.sorted { ($0.change?.meanDifference ?? 0) > ($1.change?.meanDifference ?? 0) }
        return shown + rows.filter { $0.change == nil }.sorted { $0.label < $1.label }
    }

    /// A group of rows under a heading (an area, when editions are compared).
    struct Section: Sendable {
        let heading: String?
        let rows: [Row]
    }

    static func chart(id: String, title: String, rows: [Row], rule: DisclosureRule) -> SVGChart {
        chart(
            id: id, title: title, sections: [Section(heading: nil, rows: ordered(rows))], rule: rule,
            description: "Je Zeile die mittlere Veränderung der gepaarten Selbsteinschätzung mit ihrem 95-%-Konfidenzintervall, "
                + "senkrechte Linie bei null; Zeilen nach der Veränderung geordnet, die größte oben.")
    }

    static func chart(id: String, title: String, sections: [Section], rule: DisclosureRule, description: String) -> SVGChart {
        let rows = sections.flatMap(\.rows)
        let withThenTest = rows.contains { $0.thenTest != nil }
        let labelWidth = 200.0
        let left = labelWidth + 10
        let right = Double(SVGChart.width) - 16
        let rowHeight = withThenTest ? 40.0 : 28.0
        let headingHeight = 24.0
        let (low, high) = domain(rows)
        func x(_ value: Double) -> Double { left + (value - low) / (high - low) * (right - left) }
        var parts: [HTML] = []
        var top = 4.0
        for section in sections {
            if let heading = section.heading {
                parts.append(SVGChart.text(SVGChart.shortened(heading, to: 60), x: 0, y: top + 17, bold: true))
                top += headingHeight
            }
            for row in section.rows {
                parts.append(mark(row, top: top, left: left, indent: section.heading == nil ? 0 : 12, x: x, rule: rule))
                top += rowHeight
            }
        }
        let plotBottom = top + 4
        // Grid and axis every half point, the zero line stronger; drawn first, under the marks.
        var grid: [HTML] = []
        var tick = low
        while tick <= high + 1e-9 {
            let isZero = abs(tick) < 1e-9
            grid.append(SVGChart.line(x1: x(tick), y1: 0, x2: x(tick), y2: plotBottom, stroke: isZero ? SVGChart.ink : SVGChart.rule, width: isZero ? 1.5 : 1))
            grid.append(SVGChart.text(signed(tick, digits: 1), x: x(tick), y: plotBottom + 16, anchor: "middle", size: 12))
            tick += 0.5
        }
        parts = grid + parts
        var height = plotBottom + 24
        parts.append(SVGChart.text("Veränderung auf der Skala 1–5 (nachher minus vorher)", x: left, y: height + 4, size: 12, fill: SVGChart.muted))
        height += 14
        if withThenTest {
            // The legend in two lines from the left edge: long enough German labels do not fit beside each other.
            parts.append(SVGChart.rect(x: 0, y: height + 4, width: 10, height: 10, fill: SVGChart.accent))
            parts.append(SVGChart.text("klassisch: nachher − vorher", x: 16, y: height + 14, size: 12))
            parts.append(diamond(x: 5, y: height + 27))
            parts.append(SVGChart.text("Then-Test: nachher − rückblickend eingeschätztes vorher", x: 16, y: height + 32, size: 12))
            height += 38
        }
        return SVGChart(
            id: id, title: title,
            description: description
                + (withThenTest ? " Die Raute darunter ist die Veränderung im Then-Test (nachher minus rückblickend eingeschätztes Vorher)." : "")
                + " Zeilen unter \(rule.minimumGroupSize) Paaren zeigen nichts. Die Tabelle enthält dieselben Werte.",
            height: Int(height + 6), parts: parts)
    }

    /// One row's marks: the classic change as a square on its interval, the then-test as a diamond below.
    private static func mark(_ row: Row, top: Double, left: Double, indent: Double, x: (Double) -> Double, rule: DisclosureRule) -> HTML {
        // Rows under a heading are editions: a size smaller, so a whole title fits.
        let label = SVGChart.text(SVGChart.shortened(row.label, to: indent > 0 ? 30 : 28), x: indent, y: top + 16, size: indent > 0 ? 12 : 13)
        guard let change = row.change else {
            let why = rule.mayShow(groupOf: row.pairs) ? "verborgen" : "zu wenige Paare (\(row.pairs))"
            return SVGChart.group(row.label + ": " + why, [label, SVGChart.text(why, x: left + 4, y: top + 16, size: 12, fill: SVGChart.muted)])
        }
        var marks: [HTML] = [
            label,
            SVGChart.line(x1: x(change.confidenceLow), y1: top + 12, x2: x(change.confidenceHigh), y2: top + 12, stroke: SVGChart.accent, width: 2),
            SVGChart.rect(x: x(change.meanDifference) - 5, y: top + 7, width: 10, height: 10, fill: SVGChart.accent),
        ]
        var title =
            row.label + ": Veränderung " + signed(change.meanDifference) + ", 95-%-Intervall "
            + range(change.confidenceLow, change.confidenceHigh) + ", \(change.count) Paare"
        if let then = row.thenTest {
            let y = top + 26
            marks.append(SVGChart.line(x1: x(then.confidenceLow), y1: y, x2: x(then.confidenceHigh), y2: y, stroke: SVGChart.second, width: 2, dashed: true))
            marks.append(diamond(x: x(then.mean), y: y))
            title += "; Then-Test " + signed(then.mean) + ", 95-%-Intervall " + range(then.confidenceLow, then.confidenceHigh)
        }
        return SVGChart.group(title, marks)
    }

    /// From the smallest interval end (never above 0) to the largest (never below 0), in half points.
    static func domain(_ rows: [Row]) -> (Double, Double) {
        let ends =
            rows.compactMap(\.change).flatMap { [$0.confidenceLow, $0.confidenceHigh] }
            + rows.compactMap(\.thenTest).flatMap { [$0.confidenceLow, $0.confidenceHigh] }
        let low = (min(0, ends.min() ?? 0) * 2).rounded(.down) / 2
        let high = (max(0, ends.max() ?? 0) * 2).rounded(.up) / 2
        return (min(low, -0.5), max(high, 0.5))
    }

    private static func diamond(x: Double, y: Double) -> HTML {
        .element(
            "path",
            [.init("d", "M\(SVGChart.number(x)) \(SVGChart.number(y - 6))l6 6l-6 6l-6 -6z"), .init("fill", SVGChart.second)], .empty)
    }

    static func signed(_ value: Double, digits: Int = 2) -> String {
        let text = germanDecimal(value, digits: digits)
        return value > 0 && text.contains(where: { $0 != "0" && $0 != "," }) ? "+" + text : text.replacingOccurrences(of: "-", with: "−")
    }

    static func range(_ low: Double, _ high: Double) -> String {
        germanDecimal(low, digits: 2).replacingOccurrences(of: "-", with: "−") + " bis "
            + germanDecimal(high, digits: 2).replacingOccurrences(of: "-", with: "−")
    }
}
