import CohesionCore
import Foundation

package enum AuditViews {
    package static func page(_ entries: [AuditEntry], filter: AuditFeature.Filter, older: Date?, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Änderungsprotokoll" }
            HTML.p { "Wer wann was geändert hat, die neuesten zuerst. Das Protokoll lässt sich nicht bearbeiten." }
            filterForm(filter, areas: frame.features.auditActions)
            if entries.isEmpty {
                HTML.p(.class("muted")) { "Keine Einträge für diese Auswahl." }
            } else {
                HTML.div(.class("table-scroll"), .tabindex(0)) {
                    HTML.table {
                        HTML.thead { TableHeadings.row(["Zeitpunkt", "Wer", "Bereich", "Was"], textColumns: 4) }
                        HTML.tbody {
                            entries.map { entry in
                                HTML.tr {
                                    HTML.td { BerlinTime.weekdayDate(BerlinTime.day(of: entry.at)) + ", " + BerlinTime.clock(entry.at) }
                                    HTML.td { entry.actor }
                                    HTML.td { frame.features.auditAction(named: entry.action.key)?.label ?? entry.action.key }
                                    HTML.td { entry.object }
                                }
                            }
                        }
                    }
                }
            }
            if let older {
                HTML.p { HTML.a(.href(link(filter, before: older))) { "Ältere Einträge" } }
            }
        }
    }

    private static func filterForm(_ filter: AuditFeature.Filter, areas: [AuditAction]) -> HTML {
        .form(.method("get"), .action(AdminURL.auditLog.path), .class("filters")) {
            HTML.div(.class("field")) {
                HTML.label(.for("feld-bereich")) { "Bereich" }
                HTML.select(.id("feld-bereich"), .name("bereich")) {
                    HTML.option(.value("")) { "alle" }
                    areas.map { action in
                        HTML.option(.value(action.key), filter.action == action ? .selected : nil) { action.label }
                    }
                }
            }
            HTML.div(.class("field")) {
                HTML.label(.for("feld-person")) { "Wer (Name enthält)" }
                HTML.input(.id("feld-person"), .name("person"), .type("text"), .value(filter.person))
            }
            HTML.div(.class("field")) {
                HTML.label(.for("feld-von")) { "von" }
                HTML.input(.id("feld-von"), .name("von"), .type("date"), .value(filter.from?.iso ?? ""))
            }
            HTML.div(.class("field")) {
                HTML.label(.for("feld-bis")) { "bis" }
                HTML.input(.id("feld-bis"), .name("bis"), .type("date"), .value(filter.to?.iso ?? ""))
            }
            HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Anzeigen" } }
        }
    }

    private static func link(_ filter: AuditFeature.Filter, before: Date) -> String {
        var items = [URLQueryItem(name: "vor", value: String(before.timeIntervalSince1970))]
        if let action = filter.action { items.append(URLQueryItem(name: "bereich", value: action.key)) }
        if !filter.person.isEmpty { items.append(URLQueryItem(name: "person", value: filter.person)) }
        if let from = filter.from { items.append(URLQueryItem(name: "von", value: from.iso)) }
        if let to = filter.to { items.append(URLQueryItem(name: "bis", value: to.iso)) }
        var components = URLComponents()
        components.path = AdminURL.auditLog.path
        components.queryItems = items
        return components.string ?? AdminURL.auditLog.path
    }
}
