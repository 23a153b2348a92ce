import CohesionCore
import CohesionPlatform
import Foundation

/// The trace from the cohort's needs to the curriculum: a table, and for the lead the form that
/// takes a need up with a unit or dismisses it with a reason.
enum NeedTraceView {
    /// What the lead typed and what was wrong with it, when a decision is refused.
    struct Entry: Sendable {
        var values = FormValues()
        var errors = FieldErrors()
    }

    static func section(_ trace: NeedTrace, headingLevel: Int = 2, editable: Entry?, visitor: Visitor?) -> HTML {
        .section(.ariaLabelledBy("vom-bedarf-zum-curriculum")) {
            if headingLevel == 2 {
                HTML.h2(.id("vom-bedarf-zum-curriculum")) { "Vom Bedarf zum Curriculum" }
            } else {
                HTML.h3(.id("vom-bedarf-zum-curriculum")) { "Vom Bedarf zum Curriculum" }
            }
            HTML.p(.class("muted")) {
                "Starke Bedarfe (mindestens die Hälfte schätzt 4 oder 5): woher der Vorschlag kam, mit welcher Einheit er aufgegriffen "
                "oder warum er verworfen wurde, und wie sich das Kompetenzfeld danach verändert hat."
            }
            if trace.rows.isEmpty {
                HTML.p { "Kein Kompetenzfeld mit starkem Bedarf in einer Gruppe, die groß genug zum Zeigen ist." }
            } else {
                table(trace)
            }
            if let editable, let visitor, !trace.rows.isEmpty { form(trace, entry: editable, visitor: visitor) }
        }
    }

    private static func table(_ trace: NeedTrace) -> HTML {
        .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table(.class("trace")) {
                HTML.thead {
                    TableHeadings.row(["Kompetenzfeld", "Starker Bedarf", "Vorgeschlagen aus", "Entscheidung", "Veränderung danach"], textColumns: 5)
                }
                HTML.tbody {
                    trace.rows.map { row in
                        HTML.tr {
                            HTML.th(.scope("row")) { row.area.title }
                            HTML.td { row.strongNeed }
                            HTML.td { "Einschätzung „\(row.suggestedFrom)“" }
                            HTML.td { decision(row.decision) }
                            HTML.td { change(row.change, rule: trace.rule) }
                        }
                    }
                }
            }
        }
    }

    static func decisionText(_ decision: NeedTrace.Decision) -> String {
        switch decision {
        case .open: "offen"
        case .takenUp(let unit, let part, let gone, let on):
            gone
                ? "aufgegriffen mit „\(unit)“ – diese Einheit ist inzwischen gelöscht (\(when(on)))"
                : "aufgegriffen mit „\(unit)“" + (part.map { " in Teil \($0)" } ?? "") + " (\(when(on)))"
        case .dismissed(let reason, let on): "verworfen: \(reason) (\(when(on)))"
        }
    }

    private static func when(_ instant: Date) -> String { "am " + BerlinTime.longDate(BerlinTime.day(of: instant)) }

    private static func decision(_ decision: NeedTrace.Decision) -> HTML {
        if case .takenUp(_, _, true, _) = decision {
            return .span(.class("trace__gone")) { decisionText(decision) }
        }
        return .text(decisionText(decision))
    }

    static func changeText(_ row: ChangeReport.Row?, rule: DisclosureRule) -> String {
        guard let row else { return "noch nicht gemessen" }
        guard let change = row.change else {
            return row.pairs == 0 ? "noch nicht gemessen" : (rule.mayShow(groupOf: row.pairs) ? "verborgen" : "zu wenige Paare (\(row.pairs))")
        }
        return ForestPlot.signed(change.meanDifference) + " (95 %: " + ForestPlot.range(change.confidenceLow, change.confidenceHigh)
            + "; \(change.count) Paare)"
    }

    private static func change(_ row: ChangeReport.Row?, rule: DisclosureRule) -> HTML { .text(changeText(row, rule: rule)) }

    static let fields = (area: "feld", unit: "einheit", reason: "grund")

    private static func form(_ trace: NeedTrace, entry: Entry, visitor: Visitor) -> HTML {
        let specs = [
            FieldSpec(
                name: fields.area, label: "Kompetenzfeld",
                kind: .select(trace.rows.map { .init(value: $0.area.id.uuidString, label: $0.area.title) }, emptyLabel: "Bitte wählen"),
                required: true),
            FieldSpec(
                name: fields.unit, label: "Einheit, die den Bedarf aufgreift",
                kind: .select(trace.units.map { .init(value: $0.id.uuidString, label: "Teil \($0.partNumber): \($0.title)") }, emptyLabel: "Bitte wählen"),
                hint: "Nur zum Aufgreifen. Die Einheit behandelt dann auch dieses Kompetenzfeld; die Verbindung bleibt, wenn sie später bearbeitet wird."),
            FieldSpec(name: fields.reason, label: "Begründung", kind: .textarea, hint: "Nur zum Verwerfen: warum der Bedarf nicht aufgegriffen wird."),
        ]
        return .form(.method("post"), .action(SiteURL.needDecisions(.value(trace.editionID)).path), .class("stack no-print"), .ariaLabelledBy("entscheiden")) {
            HTML.h3(.id("entscheiden")) { "Einen Bedarf aufgreifen oder verwerfen" }
            Form.csrf(visitor)
            Form.errorSummary(entry.errors, fields: specs)
            Form.fields(specs, values: entry.values, errors: entry.errors)
            HTML.div(.class("actions")) {
                HTML.button(.type("submit"), .name("aktion"), .value("aufgreifen"), .class("button")) { "Aufgreifen" }
                HTML.button(.type("submit"), .name("aktion"), .value("verwerfen"), .class("button button--quiet")) { "Verwerfen" }
                HTML.button(.type("submit"), .name("aktion"), .value("zuruecknehmen"), .class("button button--quiet")) { "Entscheidung zurücknehmen" }
            }
        }
    }
}
