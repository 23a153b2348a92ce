import CohesionCore
import CohesionPlatform
import Foundation

/// The cohort's map (SVG from the register's coordinates: no tiles, no requests elsewhere) and
/// its tables, which hold the same numbers.
enum CohortMapView {
    static let width = 560.0

    static func render(_ model: CohortMap, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Herkunft der Kohorte" }
            HTML.p(.class("lead")) { model.editionTitle + ": \(model.members) Teilnehmer*innen" }
            if model.aggregated {
                HTML.p(.class("notice")) {
                    "Gruppen mit weniger als \(model.minimumGroup) Personen werden zusammengefasst oder nicht gezeigt, "
                        + "damit niemand einzeln erkennbar ist. Die Karte zeigt deshalb Kreise, nicht Gemeinden."
                }
            }
            if !model.background.isEmpty { map(model) }
            if model.aggregated && model.places.isEmpty {
                HTML.p { "Kein Kreis erreicht die Mindestgruppe: Die Karte zeigt deshalb keine Orte, die Tabellen fassen zusammen." }
            }
            model.tables.map(table)
        }
    }

    private static func map(_ model: CohortMap) -> HTML {
        let points = model.background
        let minLon = points.map(\.longitude).min() ?? 0
        let maxLon = points.map(\.longitude).max() ?? 1
        let minLat = points.map(\.latitude).min() ?? 0
        let maxLat = points.map(\.latitude).max() ?? 1
        // An equirectangular projection, shrunk east–west by the cosine of the middle latitude.
        let squeeze = cos((minLat + maxLat) / 2 * .pi / 180)
        let scale = (width - 40) / max((maxLon - minLon) * squeeze, 0.01)
        let height = (maxLat - minLat) * scale + 40
        func x(_ point: CohortMap.Point) -> String { String(format: "%.1f", 20 + (point.longitude - minLon) * squeeze * scale) }
        func y(_ point: CohortMap.Point) -> String { String(format: "%.1f", 20 + (maxLat - point.latitude) * scale) }
        let largest = Double(model.places.map(\.count).max() ?? 1)
        let dots: [HTML] = points.map { point in
            .element("circle", [.init("cx", x(point)), .init("cy", y(point)), .init("r", "1.6"), .init("fill", "#c9d1d9")], .empty)
        }
        let places: [HTML] = model.places.map { place in
            let radius = 5 + 9 * (Double(place.count) / largest).squareRoot()
            return .element(
                "circle",
                [
                    .init("cx", x(place.point)), .init("cy", y(place.point)), .init("r", String(format: "%.1f", radius)),
                    .init("fill", "#0a4f8a"), .init("fill-opacity", "0.75"), .init("stroke", "#ffffff"),
                ],
                .element("title", [], .text("\(place.name): \(place.count)")))
        }
        let title = "Karte: Herkunft der Teilnehmer*innen" + (model.landName.map { " in " + $0 } ?? "")
        return ChartBox.scrolling(
            labelledBy: "karte-titel",
            .element(
                "svg",
                [
                    .init("viewBox", "0 0 \(Int(width)) \(Int(height))"), .init("width", "100%"), .role("img"),
                    .ariaLabelledBy("karte-titel karte-beschreibung"), .class("chart chart--map"),
                ],
                HTMLBuilder.buildArray(
                    [
                        .element("title", [.id("karte-titel")], .text(title)),
                        .element(
                            "desc", [.id("karte-beschreibung")],
                            .text(
                                "Graue Punkte: alle Gemeinden des Landes. Blaue Kreise: woher die Teilnehmer*innen kommen, größer bei mehr Personen. "
                                    + "Die Tabellen darunter enthalten dieselben Zahlen.")),
                    ] + dots + places)))
    }

    private static func table(_ table: CohortMap.Table) -> HTML {
        .section(.class("figures")) {
            HTML.h2 { table.title }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead {
                        HTML.tr {
                            TableHeadings.heading(table.title.replacingOccurrences(of: "Nach ", with: ""), numeric: false);
                            TableHeadings.heading("Personen", numeric: true)
                        }
                    }
                    HTML.tbody {
                        table.rows.map { row in
                            HTML.tr {
                                HTML.th(.scope("row")) { row.label }; HTML.td(.class("number")) { "\(row.count)" }
                            }
                        }
                        if let merged = table.merged {
                            HTML.tr {
                                HTML.th(.scope("row")) { "weitere, zusammengefasst" }; HTML.td(.class("number")) { "\(merged)" }
                            }
                        }
                    }
                }
            }
        }
    }
}
