import CohesionCore
import Foundation

/// A chart drawn on the server: its SVG pieces, a title and a description that say what it shows.
/// The same chart goes into a page (in a box that scrolls sideways on a phone, so its text stays
/// readable) and into a document (a standalone SVG file, as the report's PDF embeds it).
///
/// Charts are 640 units wide and shown at least 40 rem wide: 13-unit text is 13 px on a phone.
package struct SVGChart: Sendable {
    package static let width = 640
    package static let ink = "#1b1f24"
    package static let muted = "#57606a"
    package static let rule = "#c9d1d9"
    package static let accent = "#0a4f8a"
    package static let second = "#b35900"

    package let id: String
    package let title: String
    package let description: String
    package let height: Int
    package let parts: [HTML]

    package init(id: String, title: String, description: String, height: Int, parts: [HTML]) {
        self.id = id
        self.title = title
        self.description = description
        self.height = height
        self.parts = parts
    }

    /// In a page: labelled by its title and description, in a scrolling box.
    package var html: HTML {
        ChartBox.scrolling(
            labelledBy: id + "-titel",
            .element(
                "svg",
                [
                    .init("viewBox", "0 0 \(Self.width) \(height)"), .init("width", "100%"), .role("img"),
                    .ariaLabelledBy("\(id)-titel \(id)-beschreibung"), .class("chart chart--wide"),
                ],
                HTMLBuilder.buildArray(
                    [.element("title", [.id(id + "-titel")], .text(title)), .element("desc", [.id(id + "-beschreibung")], .text(description))]
                        + parts)))
    }

    /// A standalone SVG file, sized in points for a printed page 16 cm wide.
    package var document: String {
        let svg = HTML.element(
            "svg",
            [
                .init("xmlns", "http://www.w3.org/2000/svg"), .init("viewBox", "0 0 \(Self.width) \(height)"),
                .init("width", "\(Self.width)"), .init("height", "\(height)"), .init("font-family", "DejaVu Sans, sans-serif"),
            ],
            HTMLBuilder.buildArray([.element("title", [], .text(title)), .element("desc", [], .text(description))] + parts))
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + svg.renderString()
    }

    // MARK: - Pieces

    package static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Int = 13, fill: String = ink, bold: Bool = false
    ) -> HTML {
        .element(
            "text",
            [
                .init("x", number(x)), .init("y", number(y)), .init("text-anchor", anchor), .init("font-size", "\(size)"),
                .init("fill", fill), bold ? .init("font-weight", "bold") : nil,
            ], .text(content))
    }

    package static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) -> HTML {
        .element(
            "rect",
            [
                .init("x", number(x)), .init("y", number(y)), .init("width", number(max(width, 0))), .init("height", number(max(height, 0))),
                .init("fill", fill), stroke.map { .init("stroke", $0) },
            ], .empty)
    }

    package static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = ink, width: Double = 1, dashed: Bool = false) -> HTML {
        .element(
            "line",
            [
                .init("x1", number(x1)), .init("y1", number(y1)), .init("x2", number(x2)), .init("y2", number(y2)),
                .init("stroke", stroke), .init("stroke-width", number(width)), dashed ? .init("stroke-dasharray", "4 3") : nil,
            ], .empty)
    }

    /// A group with its own title, which screen readers and a mouse pointer read for one mark.
    package static func group(_ label: String, _ parts: [HTML]) -> HTML {
        .element("g", [], HTMLBuilder.buildArray([.element("title", [], .text(label))] + parts))
    }

    /// The hatching that marks a hidden value: grey diagonals, never a colour of the scale.
    package static func hatching(id: String) -> HTML {
        .element(
            "defs", [],
            .element(
                "pattern",
                [
                    .id(id), .init("width", "8"), .init("height", "8"), .init("patternUnits", "userSpaceOnUse"),
                    .init("patternTransform", "rotate(45)"),
                ],
                HTMLBuilder.buildBlock(
                    .element("rect", [.init("width", "8"), .init("height", "8"), .init("fill", "#f3f4f6")], .empty),
                    .element(
                        "line",
                        [.init("x1", "0"), .init("y1", "0"), .init("x2", "0"), .init("y2", "8"), .init("stroke", "#8c959f"), .init("stroke-width", "3")], .empty
                    )
                )))
    }

    /// Coordinates with one decimal at most: smaller pages, the same picture.
    package static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A title cut to fit beside a chart; the table holds it whole.
    package static func shortened(_ text: String, to length: Int = 30) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
