import CohesionCore

/// Column headings that line up with their cells: numbers are right-aligned (`td.number`), so
/// their headings are too.
package enum TableHeadings {
    /// The first `textColumns` headings stay left-aligned; the rest head columns of numbers.
    package static func row(_ labels: [String], textColumns: Int = 1) -> HTML {
        .tr { labels.enumerated().map { index, label in heading(label, numeric: index >= textColumns) } }
    }

    package static func heading(_ label: String, numeric: Bool) -> HTML {
        numeric ? .th(.scope("col"), .class("number")) { label } : .th(.scope("col")) { label }
    }
}
