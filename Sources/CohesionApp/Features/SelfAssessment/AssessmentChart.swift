import CohesionCore
import CohesionPlatform
import Foundation

/// A participant's levels per competence area over the phases, as a server-rendered SVG dot
/// plot (scale 1–5), with the same numbers in a table beside it for screen readers and print.
enum AssessmentChart {
    static let width = 640
    static let labelHeight = 18
    static let trackHeight = 26
    static let left = 24
    static let right = 24
    /// Marker colours with enough contrast on white, told apart by their letter too.
    static let colours = ["#123a5e", "#8a4b00", "#1e6b35", "#6a1b9a", "#b00020", "#00566b"]

    /// `id` makes the chart's title and description ids unique on the page.
    static func render(_ history: AssessmentHistory, id: String) -> HTML {
        let rowHeight = labelHeight + trackHeight
        let height = history.areas.count * rowHeight + 30
        return .element(
            "svg",
            [
                .init("viewBox", "0 0 \(width) \(height)"), .init("width", "100%"), .role("img"),
                .ariaLabelledBy("\(id)-titel \(id)-beschreibung"), .class("chart chart--course"),
            ],
            HTMLBuilder.buildArray(
                [
                    .element("title", [.id(id + "-titel")], .text("Meine Selbsteinschätzung im Verlauf")),
                    .element(
                        "desc", [.id(id + "-beschreibung")],
                        .text("Stand je Kompetenzfeld auf einer Skala von 1 bis 5, je Zeitpunkt ein Buchstabe. Die Tabelle darunter enthält dieselben Werte.")),
                    scale(height: height),
                ] + history.areas.enumerated().map { index, area in row(area, at: index * rowHeight, history: history) }))
    }

    static func x(_ level: Int) -> Int { left + (level - 1) * (width - left - right) / 4 }

    private static func scale(height: Int) -> HTML {
        HTMLBuilder.buildArray(
            (1...5).map { level in
                HTMLBuilder.buildBlock(
                    .element(
                        "line",
                        [
                            .init("x1", "\(x(level))"), .init("x2", "\(x(level))"), .init("y1", "0"),
                            .init("y2", "\(height - 22)"), .init("stroke", "#c9d1d9"),
                        ], .empty),
                    .element(
                        "text",
                        [
                            .init("x", "\(x(level))"), .init("y", "\(height - 6)"), .init("text-anchor", "middle"),
                            .init("font-size", "13"), .init("fill", "#1b1f24"),
                        ], .text("\(level)"))
                )
            })
    }

    private static func row(_ area: AssessmentQueries.Area, at top: Int, history: AssessmentHistory) -> HTML {
        let y = top + labelHeight + trackHeight / 2
        var markers: [HTML] = []
        var usedAtLevel: [Int: Int] = [:]
        for (index, phase) in history.phases.enumerated() {
            guard let cell = history.ratings[area.id]?[phase.id] else { continue }
            let offset = usedAtLevel[cell.level, default: 0]
            usedAtLevel[cell.level] = offset + 1
            let cx = x(cell.level) + offset * 18
            let colour = colours[index % colours.count]
            markers.append(.element("circle", [.init("cx", "\(cx)"), .init("cy", "\(y)"), .init("r", "10"), .init("fill", colour)], .empty))
            markers.append(
                .element(
                    "text",
                    [
                        .init("x", "\(cx)"), .init("y", "\(y + 4)"), .init("text-anchor", "middle"),
                        .init("font-size", "12"), .init("fill", "#ffffff"),
                    ], .text(short(phase))))
        }
        return HTMLBuilder.buildBlock(
            .element(
                "text", [.init("x", "\(left - 12)"), .init("y", "\(top + 13)"), .init("font-size", "13"), .init("fill", "#1b1f24")],
                .text(area.title)),
            HTMLBuilder.buildArray(markers)
        )
    }

    /// "V" before, "1" … after a part, "N" at the end.
    static func short(_ phase: PhaseSummary) -> String {
        switch phase.kind {
        case .pre?: "V"
        case .afterPart(let number)?: "\(number)"
        case .post?: "N"
        case nil: "?"
        }
    }

    static func table(_ history: AssessmentHistory) -> HTML {
        .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.caption { "Meine Werte (Stand / Bedarf, je 1 bis 5)" }
                HTML.thead {
                    HTML.tr {
                        HTML.th(.scope("col")) { "Kompetenzfeld" }
                        history.phases.map { phase in HTML.th(.scope("col")) { short(phase) + ": " + phase.label } }
                    }
                }
                HTML.tbody {
                    history.areas.map { area in
                        HTML.tr {
                            HTML.th(.scope("row")) { area.title }
                            history.phases.map { phase in
                                HTML.td { history.ratings[area.id]?[phase.id].map { "\($0.level) / \($0.need)" } ?? "–" }
                            }
                        }
                    }
                }
            }
        }
    }
}
