import CohesionCore
import CohesionPlatform
import Foundation

enum AttendanceViews {
    static func sheet(_ sheet: AttendanceSheet, errors: [String], frame: PageFrame) -> HTML {
        Layout.page(frame) {
            header(sheet, heading: "Anwesenheit")
            if !errors.isEmpty {
                HTML.div(.class("error-summary"), .role("alert")) {
                    HTML.h2 { "Nicht gespeichert" }
                    HTML.ul { errors.map { message in HTML.li { message } } }
                }
            }
            if sheet.total > ListPage.size || !sheet.list.search.isEmpty { search(sheet) }
            if sheet.rows.isEmpty {
                HTML.p { sheet.list.search.isEmpty ? "Für diesen Teil ist noch niemand angemeldet." : "Niemand gefunden." }
            } else {
                HTML.form(.method("post"), .action(address(sheet)), .class("attendance")) {
                    Form.csrf(frame.visitor)
                    sheet.rows.map(person)
                    HTML.div(.class("actions")) {
                        HTML.button(.type("submit"), .class("button")) {
                            sheet.total > sheet.rows.count ? "Anwesenheit dieser Seite speichern" : "Anwesenheit speichern"
                        }
                        HTML.a(.href(SiteURL.signInList(.value(sheet.unitID)).path)) { "Unterschriftenliste drucken" }
                    }
                }
                PageLinks.nav(label: "Seiten der Liste", page: sheet.list.number, pages: PageLinks.count(sheet.total, size: ListPage.size)) { page in
                    PageLinks.address(SiteURL.attendance(.value(sheet.unitID)).path, sheet.list.searchItems + [ListPage.pageItem(page)])
                }
            }
        }
    }

    /// The sheet's page with its search: where the form posts and where saving leads back to.
    static func address(_ sheet: AttendanceSheet) -> String {
        let page = sheet.list.number > 1 ? [ListPage.pageItem(sheet.list.number)] : []
        return PageLinks.address(SiteURL.attendance(.value(sheet.unitID)).path, sheet.list.searchItems + page)
    }

    /// On a long list: find people by name or municipality, and where in the list this page is.
    private static func search(_ sheet: AttendanceSheet) -> HTML {
        HTML.fragment {
            PageLinks.searchForm(SiteURL.attendance(.value(sheet.unitID)).path, label: "Name oder Kommune", list: sheet.list)
            HTML.p { PageLinks.people(total: sheet.total, page: sheet.list.number, shown: sheet.rows.count) }
        }
    }

    /// One person: a group of three large radio buttons, named by the person for screen readers.
    private static func person(_ row: AttendanceSheet.Row) -> HTML {
        let name = "status-" + row.userID.uuidString
        return .fieldset(.class("attendance__person")) {
            HTML.legend { row.name + (row.municipality.map { " (" + $0 + ")" } ?? "") }
            HTML.div(.class("attendance__choices")) {
                AttendanceStatus.allCases.map { status in
                    let id = name + "-" + status.rawValue
                    return HTML.div(.class("choice")) {
                        HTML.input(.type("radio"), .id(id), .name(name), .value(status.rawValue), row.status == status ? .checked : nil)
                        HTML.label(.for(id)) { status.label }
                    }
                }
            }
        }
    }

    static func signInList(_ sheet: AttendanceSheet, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            header(sheet, heading: "Unterschriftenliste")
            HTML.div(.class("actions no-print")) {
                HTML.button(.type("button"), .class("button"), .init("data-print", nil), .init("hidden", nil)) { "Drucken" }
                HTML.a(.href(SiteURL.attendance(.value(sheet.unitID)).path)) { "Zurück zur Anwesenheit" }
            }
            HTML.table(.class("sign-in")) {
                HTML.thead { HTML.tr { ["Name", "Kommune", "Unterschrift"].map { h in HTML.th(.scope("col")) { h } } } }
                HTML.tbody {
                    sheet.rows.map { row in
                        HTML.tr {
                            HTML.td { row.name }
                            HTML.td { row.municipality ?? "" }
                            HTML.td(.class("signature")) { HTML.span(.class("visually-hidden")) { "Feld für die Unterschrift" } }
                        }
                    }
                }
            }
        }
    }

    private static func header(_ sheet: AttendanceSheet, heading: String) -> HTML {
        HTMLBuilder.buildBlock(
            .p(.class("muted")) { "Teil \(sheet.partNumber): \(sheet.partTitle)" },
            .h1 { heading + ": " + sheet.title },
            .p(.class("lead")) { sheet.when + (sheet.room.isEmpty ? "" : " · Raum: " + sheet.room) }
        )
    }

    /// A participant's own attendance on Mein Programm.
    static func myProgrammeSection(_ attendance: OwnAttendance) -> HTML {
        .section(.ariaLabelledBy("meine-anwesenheit")) {
            HTML.h2(.id("meine-anwesenheit")) { "Meine Anwesenheit" }
            HTML.div(.class("table-scroll"), .tabindex(0)) { ownAttendanceTable(attendance) }
        }
    }

    private static func ownAttendanceTable(_ attendance: OwnAttendance) -> HTML {
        .table {
            HTML.thead { HTML.tr { ["Einheit", "Datum", "Stand"].map { h in HTML.th(.scope("col")) { h } } } }
            HTML.tbody {
                attendance.rows.map { row in
                    HTML.tr {
                        HTML.td { row.title }
                        HTML.td { BerlinTime.day(of: row.startsAt).german }
                        HTML.td { row.status.label }
                    }
                }
            }
        }
    }
}
