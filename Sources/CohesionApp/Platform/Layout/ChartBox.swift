import CohesionCore

/// A chart that keeps its text readable on a phone by scrolling sideways in its own box; the box
/// can take focus, so it scrolls by keyboard too.
enum ChartBox {
    static func scrolling(labelledBy titleID: String, _ chart: HTML) -> HTML {
        .div(.class("chart-scroll"), .tabindex(0), .role("group"), .ariaLabelledBy(titleID)) { chart }
    }
}
