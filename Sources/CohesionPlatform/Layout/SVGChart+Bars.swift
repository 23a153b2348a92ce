import CohesionCore
import Foundation

extension SVGChart {
    /// One bar of a bar chart. A bar without a value is hidden by the disclosure rule: it is drawn
    /// hatched with `shown` (for example "zu wenige (3)"), never as an empty or zero bar.
    package struct Bar: Sendable {
        package let label: String
        package let value: Double?
        /// What stands at the bar's end: the value as read ("4,2", "87 %") and its number of answers.
        package let shown: String

        package init(label: String, value: Double?, shown: String) {
            self.label = label
            self.value = value
            self.shown = shown
        }
    }

    /// Horizontal bars from zero to `maximum`, labels on the left, the value and its count at the end.
    package static func bars(id: String, title: String, description: String, bars: [Bar], maximum: Double) -> SVGChart {
        let labelWidth = 230.0
        let span = Double(width) - labelWidth - 110
        let rowHeight = 30.0
        var parts: [HTML] = [hatching(id: id + "-verborgen")]
        for (index, bar) in bars.enumerated() {
            let top = Double(index) * rowHeight + 4
            let label = text(shortened(bar.label, to: 32), x: 0, y: top + 18)
            if let value = bar.value {
                let length = max(1, span * min(value, maximum) / max(maximum, 1e-9))
                parts.append(
                    group(
                        bar.label + ": " + bar.shown,
                        [
                            label, rect(x: labelWidth, y: top + 5, width: length, height: 18, fill: accent),
                            text(bar.shown, x: labelWidth + length + 6, y: top + 18),
                        ]))
            } else {
                parts.append(
                    group(
                        bar.label + ": " + bar.shown,
                        [
                            label, rect(x: labelWidth, y: top + 5, width: 90, height: 18, fill: "url(#\(id)-verborgen)", stroke: muted),
                            text(bar.shown, x: labelWidth + 96, y: top + 18, fill: muted),
                        ]))
            }
        }
        return SVGChart(id: id, title: title, description: description, height: Int(Double(bars.count) * rowHeight + 8), parts: parts)
    }
}
