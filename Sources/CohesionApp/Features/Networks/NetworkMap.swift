import CohesionCore
import CohesionPlatform
import Foundation

/// The ego network as a server-rendered SVG: sectors, rings, ties and numbered markers (names
/// beside them while there is room), with a legend; the table below holds the same data.
enum NetworkMap {
    /// One colour per sector, each with at least 4.5:1 contrast against the white number on it.
    static let colours: [NetworkSector: String] = [
        .administration: "#123a5e", .labourMarket: "#8a4b00", .education: "#1e6b35",
        .civilSociety: "#6a1b9a", .migrantAndReligious: "#b00020", .stateAndFederal: "#00566b",
    ]
    /// Above this many actors the map shows numbers only; the table names them.
    static let namesUpTo = 40
    static let markerRadius = 13
    static let sideMargin = 150

    static func render(_ layout: NetworkLayout, id: String, title: String) -> HTML {
        let size = Int(NetworkLayout.size)
        let withNames = layout.nodes.count <= namesUpTo
        // Wider than the circle, so that names beside the outer markers fit.
        return .element(
            "svg",
            [
                .init("viewBox", "-\(sideMargin) 0 \(size + 2 * sideMargin) \(size)"), .init("width", "100%"), .role("img"),
                .ariaLabelledBy("\(id)-titel \(id)-beschreibung"), .class("chart chart--network"),
            ],
            HTMLBuilder.buildArray([
                .element("title", [.id(id + "-titel")], .text(title)),
                .element(
                    "desc", [.id(id + "-beschreibung")],
                    .text(
                        "In der Mitte Ihre Stelle. Sechs Bereiche im Uhrzeigersinn, beginnend oben: "
                            + NetworkSector.allCases.map(\.label).joined(separator: ", ")
                            + ". Innen enge, außen lose und gewünschte Verbindungen. Die Tabelle unter der Karte enthält dieselben Angaben.")),
                guides(),
                HTMLBuilder.buildArray(layout.edges.map(edge)),
                centre(),
                HTMLBuilder.buildArray(layout.nodes.map { marker($0, withName: withNames) }),
            ]))
    }

    private static func attribute(_ name: StaticString, _ value: Double) -> Attribute { .init(name, String(format: "%.1f", value)) }

    private static func guides() -> HTML {
        let c = NetworkLayout.centre
        let rings = NetworkLayout.Ring.allCases.map { ring in
            HTML.element(
                "circle",
                [
                    attribute("cx", c), attribute("cy", c), attribute("r", [130, 215, 295, 365, 430][ring.rawValue]),
                    .init("fill", "none"), .init("stroke", "#d5dbe1"), .init("stroke-dasharray", "2 6"),
                ], .empty)
        }
        let boundaries = (0..<6).map { index in
            let end = NetworkLayout.sectorBoundary(index)
            return HTML.element(
                "line",
                [
                    attribute("x1", c), attribute("y1", c), attribute("x2", end.x), attribute("y2", end.y),
                    .init("stroke", "#e3e7eb"),
                ], .empty)
        }
        let labels = NetworkSector.allCases.map { sector in
            let place = NetworkLayout.sectorLabelPosition(sector)
            return HTML.element(
                "text",
                [
                    attribute("x", place.x), attribute("y", place.y), .init("text-anchor", place.anchor),
                    .init("font-size", "15"), .init("font-weight", "bold"), .init("fill", colours[sector] ?? "#1b1f24"),
                ],
                .text(shortLabel(sector)))
        }
        return HTMLBuilder.buildArray(rings + boundaries + labels)
    }

    static func shortLabel(_ sector: NetworkSector) -> String {
        switch sector {
        case .administration: "Verwaltung"
        case .labourMarket: "Arbeitsmarkt"
        case .education: "Bildung"
        case .civilSociety: "Zivilgesellschaft"
        case .migrantAndReligious: "Migrantenorg., Religion"
        case .stateAndFederal: "Land und Bund"
        }
    }

    private static func edge(_ edge: NetworkLayout.Edge) -> HTML {
        .element(
            "line",
            [
                attribute("x1", edge.from.x), attribute("y1", edge.from.y), attribute("x2", edge.to.x), attribute("y2", edge.to.y),
                .init("stroke", edge.wanted ? "#6b7280" : "#374151"), .init("stroke-width", "\(edge.intensity * 2 - 1)"),
                edge.wanted ? .init("stroke-dasharray", "8 6") : nil, .init("stroke-opacity", "0.75"),
            ], .empty)
    }

    private static func centre() -> HTML {
        let c = NetworkLayout.centre
        return HTMLBuilder.buildBlock(
            .element(
                "circle",
                [
                    attribute("cx", c), attribute("cy", c), .init("r", "34"), .init("fill", "#ffffff"),
                    .init("stroke", "#123a5e"), .init("stroke-width", "4"),
                ], .empty),
            .element(
                "text",
                [
                    attribute("x", c), attribute("y", c + 5), .init("text-anchor", "middle"), .init("font-size", "15"),
                    .init("font-weight", "bold"), .init("fill", "#123a5e"),
                ], .text("Sie"))
        )
    }

    private static func marker(_ node: NetworkLayout.Node, withName: Bool) -> HTML {
        let colour = colours[node.actor.kind.sector] ?? "#1b1f24"
        let dashed = node.ring == .wantedOrNone
        // Names go outwards from the centre, so they do not cross the lines to it.
        let onRight = node.x >= NetworkLayout.centre
        let name = node.actor.name.count > 24 ? String(node.actor.name.prefix(23)) + "…" : node.actor.name
        return HTMLBuilder.buildBlock(
            .element(
                "circle",
                [
                    attribute("cx", node.x), attribute("cy", node.y), .init("r", "\(markerRadius)"),
                    .init("fill", dashed ? "#ffffff" : colour), .init("stroke", colour), .init("stroke-width", "3"),
                    dashed ? .init("stroke-dasharray", "4 3") : nil,
                ], .empty),
            .element(
                "text",
                [
                    attribute("x", node.x), attribute("y", node.y + 5), .init("text-anchor", "middle"), .init("font-size", "14"),
                    .init("font-weight", "bold"), .init("fill", dashed ? colour : "#ffffff"),
                ], .text("\(node.number)")),
            withName
                ? .element(
                    "text",
                    [
                        attribute("x", node.x + (onRight ? 17 : -17)), attribute("y", node.y + 5),
                        .init("text-anchor", onRight ? "start" : "end"), .init("font-size", "14"), .init("fill", "#1b1f24"),
                    ],
                    .text(name)) : .empty
        )
    }

    /// What line styles, rings and colours mean.
    static func legend() -> HTML {
        .div(.class("network-legend")) {
            HTML.ul {
                NetworkSector.allCases.map { sector in
                    HTML.li {
                        HTML.span(.class("swatch swatch--\(sector.rawValue)"), .init("aria-hidden", "true")) { "" }
                        sector.label
                    }
                }
            }
            HTML.ul {
                HTML.li { "Dicke Linie: enge Verbindung (3), dünne: lose (1)" }
                HTML.li { "Gestrichelte Linie: gewünschte Verbindung" }
                HTML.li { "Gestrichelter Kreis: gewünscht oder noch ohne bestehende Verbindung" }
                HTML.li { "Ringe von innen nach außen: eng, mittel, lose, nur über andere, gewünscht" }
            }
        }
    }
}
