import CohesionCore

/// A chart that keeps its text readable on a phone by scrolling sideways in its own box; the box
/// can take focus, so it scrolls by keyboard too.
package enum ChartBox {
    /// `centred`: the box opens scrolled to the middle of the chart (with JavaScript; without, at its left edge).
    package static func scrolling(labelledBy titleID: String, centred: Bool = false, _ chart: HTML) -> HTML {
        .div(
            .class(centred ? "chart-scroll chart-scroll--centred" : "chart-scroll"), .tabindex(0), .role("group"),
            .ariaLabelledBy(titleID)
        ) { chart }
    }
}
