import CohesionCore
import CohesionPlatform
import Foundation

enum AdminViews {
    static func overview(_ model: AdminOverview, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Verwaltung" }
            HTML.p(.class("lead")) { "Fortbildungsprogramme, Durchläufe, Module und Kompetenzfelder planen." }
            HTML.div(.class("actions")) {
                HTML.a(.class("button"), .href(AdminURL.new(.programme, parent: nil).path)) { "Fortbildungsprogramm anlegen" }
                frame.features.links(on: .administration, for: frame.visitor.user).map { link in HTML.a(.href(link.path)) { link.label } }
            }
            model.programmes.map { programme in
                HTML.section(.ariaLabelledBy("p-\(programme.id)")) {
                    HTML.h2(.id("p-\(programme.id)")) { programme.title }
                    rowActions(.programme, programme.id, name: programme.title)
                    linkLine(frame.features.links(on: .programme(programme.id), for: frame.visitor.user))
                    list(
                        .edition, heading: "Durchläufe", parent: programme.id,
                        items: model.editions.filter { $0.programmeID == programme.id }.map { ($0.id, $0.title) }, linkToPage: true)
                    list(
                        .module, heading: "Module", parent: programme.id,
                        items: model.modules.filter { $0.programmeID == programme.id }.map { ($0.id, $0.title) }, linkToPage: false)
                    list(
                        .competenceArea, heading: "Kompetenzfelder", parent: programme.id,
                        items: model.areas.filter { $0.programmeID == programme.id }.map { ($0.id, $0.title) }, linkToPage: false)
                }
            }
        }
    }

    /// A table of one kind's items with edit and delete links, and a link to add one.
    private static func list(
        _ kind: AdminResourceKind, heading: String, parent: UUID,
        items: [(id: UUID, title: String)], linkToPage: Bool
    ) -> HTML {
        HTML.div {
            HTML.h3 { heading }
            if items.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Einträge." }
            } else {
                HTML.table {
                    HTML.thead {
                        HTML.tr {
                            HTML.th(.scope("col")) { "Titel" }; HTML.th(.scope("col")) { "Aktionen" }
                        }
                    }
                    HTML.tbody {
                        items.map { item in
                            HTML.tr {
                                HTML.td {
                                    if linkToPage { HTML.a(.href(AdminURL.edition(.value(item.id)).path)) { item.title } } else { item.title }
                                }
                                HTML.td { rowActions(kind, item.id, name: item.title) }
                            }
                        }
                    }
                }
            }
            HTML.p { HTML.a(.href(AdminURL.new(kind, parent: .value(parent)).path)) { "\(kind.singular) hinzufügen" } }
        }
    }

    static func rowActions(_ kind: AdminResourceKind, _ id: UUID, name: String) -> HTML {
        .span(.class("row-actions")) {
            HTML.a(.href(AdminURL.edit(kind, .value(id)).path)) {
                "Bearbeiten"
                HTML.span(.class("visually-hidden")) { ": " + name }
            }
            " · "
            HTML.a(.href(AdminURL.delete(kind, .value(id)).path)) {
                "Löschen"
                HTML.span(.class("visually-hidden")) { ": " + name }
            }
        }
    }

    static func edition(id: UUID, title: String, programmeTitle: String, parts: [PartSummary], frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }; " · " + programmeTitle
            }
            HTML.h1 { title }
            HTML.p {
                rowActions(.edition, id, name: title)
                linksAfterActions(frame.features.links(on: .edition(id), for: frame.visitor.user))
            }
            HTML.h2 { "Teile" }
            if parts.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Teile." }
            } else {
                HTML.div(.class("table-scroll"), .tabindex(0)) {
                    HTML.table {
                        HTML.thead { HTML.tr { ["Nr.", "Titel", "Termin", "Ort", "Aktionen"].map { h in HTML.th(.scope("col")) { h } } } }
                        HTML.tbody {
                            parts.map { part in
                                HTML.tr {
                                    HTML.td { "\(part.number)" }
                                    HTML.td { HTML.a(.href(AdminURL.part(.value(part.id)).path)) { part.title } }
                                    HTML.td { part.dates }
                                    HTML.td { part.venueName + ", " + part.city }
                                    HTML.td { rowActions(.part, part.id, name: part.title) }
                                }
                            }
                        }
                    }
                }
            }
            HTML.div(.class("actions")) {
                HTML.a(.class("button"), .href(AdminURL.new(.part, parent: .value(id)).path)) { "Teil anlegen" }
            }
        }
    }

    static func part(_ page: PartPage, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }
                " · "
                HTML.a(.href(AdminURL.edition(.value(page.part.editionID)).path)) { page.editionTitle }
            }
            HTML.h1 { "Teil \(page.part.number): \(page.part.title)" }
            HTML.p { page.part.dates + " · " + page.part.venueName + ", " + page.part.city }
            HTML.p {
                rowActions(.part, page.part.id, name: page.part.title)
                linksAfterActions(frame.features.links(on: .part(page.part.id), for: frame.visitor.user))
            }
            HTML.div(.class("actions")) {
                HTML.a(.class("button"), .href(AdminURL.new(.unit, parent: .value(page.part.id)).path)) { "Einheit anlegen" }
            }
            page.days.map { day in
                HTML.section(.ariaLabelledBy("tag-\(day.day.iso)")) {
                    HTML.h2(.id("tag-\(day.day.iso)")) { BerlinTime.weekdayDate(day.day) }
                    if day.units.isEmpty { HTML.p(.class("muted")) { "Keine Einheiten." } } else { unitTable(day) }
                }
            }
        }
    }

    private static func unitTable(_ day: TimetableDayModel) -> HTML {
        .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.caption(.class("visually-hidden")) { "Einheiten am " + BerlinTime.longDate(day.day) }
                HTML.thead { HTML.tr { ["Zeit", "Titel", "Raum", "Format", "Aktionen"].map { h in HTML.th(.scope("col")) { h } } } }
                HTML.tbody {
                    day.units.map { unit in
                        HTML.tr {
                            HTML.td { unit.timeRange }
                            HTML.td { unit.title }
                            HTML.td { unit.room }
                            HTML.td { unit.formatLabel }
                            HTML.td {
                                rowActions(.unit, unit.id, name: unit.title)
                                " · "
                                HTML.a(.href(SiteURL.attendance(.value(unit.id)).path)) {
                                    "Anwesenheit"
                                    HTML.span(.class("visually-hidden")) { ": " + unit.title }
                                }
                                " · "
                                HTML.a(.href(SiteURL.unitMaterial(.value(unit.id)).path)) {
                                    "Material"
                                    HTML.span(.class("visually-hidden")) { ": " + unit.title }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The features' links on a shared page as one paragraph, or nothing.
    private static func linkLine(_ links: [PageLink]) -> HTML {
        guard !links.isEmpty else { return .empty }
        return .p { linksAfterActions(links, leading: false) }
    }

    /// Links separated by " · ", after the row's own actions unless `leading` is false.
    private static func linksAfterActions(_ links: [PageLink], leading: Bool = true) -> HTML {
        HTMLBuilder.buildArray(
            links.enumerated().map { index, link in
                HTML.fragment {
                    if leading || index > 0 { " · " }
                    HTML.a(.href(link.path)) { link.label }
                }
            })
    }
}
