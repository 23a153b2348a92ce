import CohesionCore
import CohesionPlatform
import Foundation

enum ParticipantListView {
    static func render(_ model: ParticipantList, filter: ParticipantFilter, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" } }
            HTML.h1 { "Teilnehmer*innen" }
            filterForm(model, filter: filter)
            HTML.p {
                PageLinks.people(total: model.total, page: model.page, shown: model.participants.count) + " · "
                HTML.a(.href(PageLinks.address(AdminURL.participantExport.path, filter.queryItems))) { "Alle als Tabelle herunterladen (CSV)" }
            }
            if model.participants.isEmpty {
                HTML.p { "Keine Teilnehmer*innen für diese Auswahl." }
            } else {
                table(model, filter: filter)
                PageLinks.nav(label: "Seiten der Liste", page: model.page, pages: model.pages) { page in
                    PageLinks.address(AdminURL.participants.path, filter.queryItems + [ListPage.pageItem(page)])
                }
            }
        }
    }

    private static func filterForm(_ model: ParticipantList, filter: ParticipantFilter) -> HTML {
        let fields: [FieldSpec] = [
            FieldSpec(name: "suche", label: "Name, E-Mail oder Kommune", kind: .text),
            FieldSpec(name: "teil", label: "Teil", kind: .select(model.parts.map { .init(value: $0.value, label: $0.label) }, emptyLabel: "alle Teile")),
            FieldSpec(
                name: "stand", label: "Anmeldung (für den gewählten Teil)",
                kind: .select(
                    PartRegistration.choices.map { .init(value: $0.queryValue, label: $0.label) },
                    emptyLabel: "alle")),
            FieldSpec(name: "art", label: "Art der Kommune", kind: .select(model.kinds.map { .init(value: $0.value, label: $0.label) }, emptyLabel: "alle")),
            FieldSpec(name: "kreis", label: "Kreis", kind: .select(model.kreise.map { .init(value: $0.value, label: $0.label) }, emptyLabel: "alle")),
        ]
        var values = FormValues()
        values["suche"] = filter.list.search
        values["teil"] = filter.partID?.uuidString ?? ""
        values["stand"] = filter.status?.queryValue ?? ""
        values["art"] = filter.kind ?? ""
        values["kreis"] = filter.kreisKey ?? ""
        return .form(.method("get"), .action(AdminURL.participants.path), .class("filters"), .ariaLabel("Auswahl")) {
            HTML.div(.class("filters__fields")) { Form.fields(fields, values: values, errors: FieldErrors()) }
            HTML.div(.class("actions")) {
                HTML.button(.type("submit"), .class("button")) { "Anzeigen" }
                HTML.a(.href(AdminURL.participants.path)) { "Auswahl zurücksetzen" }
            }
        }
    }

    private static func table(_ model: ParticipantList, filter: ParticipantFilter) -> HTML {
        .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.thead {
                    HTML.tr {
                        (["Name", "E-Mail", "Kommune", "Kreis", "Stelle"] + (filter.partID == nil ? [] : ["Anmeldung"]) + ["Profil"])
                            .map { h in HTML.th(.scope("col")) { h } }
                    }
                }
                HTML.tbody { model.participants.map { row($0, withRegistration: filter.partID != nil) } }
            }
        }
    }

    private static func row(_ row: ParticipantList.Row, withRegistration: Bool) -> HTML {
        .tr {
            HTML.td { row.name }
            HTML.td { row.email }
            HTML.td {
                if let key = row.regionKey {
                    HTML.a(.href(SiteURL.region(.value(key)).path)) { row.regionName ?? key }
                } else {
                    "noch nicht angegeben"
                }
            }
            HTML.td { row.kreisName ?? "–" }
            HTML.td { position(row) }
            if withRegistration { HTML.td { registrationLabel(row.registration) } }
            HTML.td {
                HTML.a(.href(AdminURL.profile(.value(row.id)).path)) {
                    "Bearbeiten"
                    HTML.span(.class("visually-hidden")) { ": Profil von " + row.name }
                }
                " · "
                HTML.a(.href(AdminURL.participantNetwork(.value(row.id)).path)) {
                    "Netzwerk"
                    HTML.span(.class("visually-hidden")) { " von " + row.name }
                }
            }
        }
    }

    static func registrationLabel(_ registration: PartRegistration?) -> String {
        registration?.label ?? ""
    }

    static func position(_ row: ParticipantList.Row) -> String {
        guard let embedding = row.embedding.flatMap(Embedding.init(rawValue:)), let share = row.sharePercent else { return "–" }
        return embedding.label + ", \(share) %"
    }
}
